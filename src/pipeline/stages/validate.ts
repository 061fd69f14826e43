/**
 * Validate stage: the submitted files (preprocessing-config.md §6.6, §10 #10). Only raw reads are
 * supported; another category is an error on that entry, never a whole-batch failure. Raw reads go
 * to the raw reads processing service, whose findings become errors on the entry.
 */
import type { Annotation } from '../../contract/entries.js';
import type { ParsedConfig } from '../../config/schema.js';
import { accessionVersion } from '../../contract/entries.js';
import { checkRawReads } from '../raw-reads-service.js';
import type { EntryWork, Stage, StageContext } from '../stage.js';

/** Raw reads checks in flight at once (they wait on the service). */
const SERVICE_CONCURRENCY = 8;

export function createValidateStage(config: ParsedConfig): Stage {
  const serviceUrl = config.raw_reads_processing_service_url ?? null;

  async function validate(work: EntryWork, context: StageContext): Promise<void> {
    const files = work.input.files;
    if (!files) return;
    // Files are passed through unchanged (the reference keeps the url, too).
    work.output.data.files = files;
    for (const [category, list] of Object.entries(files)) {
      if (!list || list.length === 0) continue;
      if (category !== 'rawReads') {
        work.output.errors.push(fileError(category, `File category '${category}' is enabled but not supported by preprocessing.`, 'file'));
      } else if (!serviceUrl) {
        work.output.errors.push(fileError(category, 'Internal Error. Raw reads processing service URL is not configured. Please contact the administrator.', 'internal'));
      } else {
        const problems = await checkRawReads({
          serviceUrl,
          timeoutMs: config.raw_reads_processing_service_timeout_seconds * 1000,
          accessionVersion: accessionVersion(work.input),
          files: list,
          signal: context.signal,
        });
        work.output.errors.push(...problems);
      }
    }
  }

  return {
    name: 'validate',
    async run(batch, context) {
      const withFiles = batch.filter((work) => work.input.files);
      for (let i = 0; i < withFiles.length; i += SERVICE_CONCURRENCY) {
        await Promise.all(withFiles.slice(i, i + SERVICE_CONCURRENCY).map((work) => validate(work, context)));
      }
    },
  };
}

function fileError(category: string, message: string, kind: Annotation['category']): Annotation {
  return {
    unprocessedFields: [{ name: category, type: 'File' }],
    processedFields: [{ name: category, type: 'File' }],
    message,
    category: kind,
  };
}
