/**
 * `build_display_name`: a concatenation whose `IDENTIFIER` part is the submitter's sample id,
 * extracted with `regex_pattern` when it contains whitespace or `/`, else the accession version
 * (preprocessing-config.md §7, §8.6, #6774).
 */
import { pyStr } from '../python.js';
import { isEmpty, issue, type InputValue, type ProcessingFunction } from '../types.js';
import { joinParts, prepareParts, type ConcatenatePlan } from './concatenate.js';
import { extract, prepareExtract, type ExtractPlan } from './extract-regex.js';

interface DisplayNamePlan {
  parts: ConcatenatePlan;
  identifier: ExtractPlan | null;
  humanReadable: string;
}

const NEEDS_PARSING = /[\s/]/u;

function identifierOf(inputs: Readonly<Record<string, InputValue>>, plan: DisplayNamePlan, direct: boolean): string | null {
  const candidates = direct ? [inputs.specimenCollectorSampleId, inputs.submissionId] : [inputs.specimenCollectorSampleId];
  for (const candidate of candidates) {
    if (isEmpty(candidate)) continue;
    const text = pyStr(candidate);
    if (!NEEDS_PARSING.test(text)) return text;
    // Submitters of INSDC records do not follow our format: their ids are never parsed.
    if (direct && plan.identifier !== null) {
      const extracted = extract(plan.identifier, text);
      if (extracted) return extracted;
    }
  }
  return null;
}

export const buildDisplayName: ProcessingFunction<DisplayNamePlan> = {
  name: 'build_display_name',
  prepare(args, _field, inputNames) {
    const available = new Set([...inputNames, 'IDENTIFIER']);
    const { plan: parts, problems } = prepareParts(args, available, 'unknown');
    if (Array.isArray(args.order) && !args.order.includes('IDENTIFIER')) problems.push("argument 'order' must contain IDENTIFIER");
    let identifier: ExtractPlan | null = null;
    if (args.regex_pattern !== undefined && args.regex_pattern !== null) {
      const prepared = prepareExtract({ pattern: args.regex_pattern, capture_group: 'identifier' });
      problems.push(...prepared.problems);
      identifier = prepared.plan;
      if (typeof args.human_readable_pattern !== 'string') problems.push("argument 'human_readable_pattern' is required when 'regex_pattern' is set");
    }
    return { plan: { parts, identifier, humanReadable: pyStr(args.human_readable_pattern ?? '') }, problems };
  },
  run(inputs, plan, args, context) {
    const direct = !context.isInsdcIngestGroup;
    const identifier = identifierOf(inputs, plan, direct);
    const result = joinParts(plan.parts, (name) => (name === 'IDENTIFIER' ? (identifier ?? context.accessionVersion) : (inputs[name] ?? null)), args, context);
    if (identifier === null && direct && plan.identifier !== null) {
      result.warnings.push(
        issue(
          `specimenCollectorSampleId and submissionId could not be parsed, using ACCESSION_VERSION in displayName instead. To include your own identifier, remove whitespace and '/' characters or use the format '${plan.humanReadable}' and we will parse the \`identifier\` from the submission.`,
        ),
      );
    }
    return result;
  },
};
