/**
 * The host functions backed by the taxonomy service (preprocessing-config.md §7, §8.8):
 * `resolve_host_taxon_id`, `scientific_name_from_id`, `common_name_from_id`.
 * A lookup that finds nothing is the submitter's problem (error, or warning for INSDC);
 * a service that is down is ours (internal error on that entry only).
 */
import { pyStr, pyStrip } from '../python.js';
import { TaxonomyUnavailableError, type TaxonomyClient } from '../taxonomy.js';
import { failed, internalError, isEmpty, issue, ok, type CallContext, type FunctionResult, type InputValue, type ProcessingFunction } from '../types.js';

function lookupFailed(message: string, asWarning: boolean): FunctionResult {
  return asWarning ? { value: null, errors: [], warnings: [issue(message)] } : failed(message);
}

async function guarded(context: CallContext, lookup: (client: TaxonomyClient) => Promise<FunctionResult>): Promise<FunctionResult> {
  if (context.taxonomy === null) return internalError('Internal Error. Taxonomy service URL is not configured. Please contact the administrator.');
  try {
    return await lookup(context.taxonomy);
  } catch (error) {
    if (error instanceof TaxonomyUnavailableError) return internalError(`Internal Error. ${error.message}. Please contact the administrator.`);
    throw error;
  }
}

const text = (value: InputValue): string => pyStrip(typeof value === 'string' ? value : pyStr(value));

export const resolveHostTaxonId: ProcessingFunction<null> = {
  name: 'resolve_host_taxon_id',
  async: true,
  prepare: () => ({ plan: null, problems: [] }),
  run(inputs, _plan, _args, context) {
    const host = inputs.host;
    if (isEmpty(host)) return ok(null);
    const name = text(host);
    return guarded(context, async (client) => {
      const failure = () => lookupFailed(`Host validation for '${name}' failed.`, context.isInsdcIngestGroup);
      if (/^\d+$/.test(name)) {
        const taxon = await client.byId(name);
        return taxon ? ok(taxon.taxId) : failure();
      }
      const matches = await client.byScientificName(name);
      if (matches.length === 0) return failure();
      // The most general match (smallest depth) wins, as in the reference.
      const best = matches.reduce((a, b) => ((b.depth ?? Infinity) < (a.depth ?? Infinity) ? b : a));
      return ok(best.taxId);
    });
  },
};

/**
 * `scientific_name_from_id` and `common_name_from_id` differ only in the name they read and in
 * who is blamed when it is missing: a missing common name is only ever a warning.
 */
function nameFromId(name: string, kind: 'scientific' | 'common'): ProcessingFunction<null> {
  const common = kind === 'common';
  return {
    name,
    async: true,
    prepare: () => ({ plan: null, problems: [] }),
    run(inputs, _plan, _args, context) {
      const id = inputs.hostTaxonId;
      if (isEmpty(id)) return ok(null);
      const taxId = text(id);
      return guarded(context, async (client) => {
        const taxon = await client.byId(taxId, common);
        const found = common ? taxon?.commonName : taxon?.scientificName;
        return found ? ok(found) : lookupFailed(`Could not map '${taxId}' to ${kind} name.`, common || context.isInsdcIngestGroup);
      });
    },
  };
}

export const scientificNameFromId = nameFromId('scientific_name_from_id', 'scientific');
export const commonNameFromId = nameFromId('common_name_from_id', 'common');
