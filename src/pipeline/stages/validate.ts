/**
 * Validate stage: checks that need nothing but the submitted entry — file categories
 * (preprocessing-config.md §6.6, §10 #10: an unsupported category is an error on that entry,
 * never a whole-batch failure).
 */
import type { Annotation } from '../../contract/entries.js';
import type { ParsedConfig } from '../../config/schema.js';
import type { Stage } from '../stage.js';

const SUPPORTED_FILE_CATEGORIES = new Set(['rawReads', 'annotations']);

export function createValidateStage(config: ParsedConfig): Stage {
  return {
    name: 'validate',
    async run(batch) {
      for (const work of batch) {
        const files = work.input.files;
        if (!files) continue;
        for (const [category, list] of Object.entries(files)) {
          if (!list || list.length === 0) continue;
          if (!SUPPORTED_FILE_CATEGORIES.has(category)) {
            work.output.errors.push(fileError(category, `File category '${category}' is enabled but not supported by preprocessing.`, 'file'));
          } else if (category === 'rawReads' && !config.raw_reads_processing_service_url) {
            work.output.errors.push(fileError(category, 'Internal Error. Raw reads processing service URL is not configured. Please contact the administrator.', 'internal'));
          }
        }
        // Files are passed through unchanged (the reference keeps the url, too).
        work.output.data.files = files;
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
