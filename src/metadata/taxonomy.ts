/**
 * Client of the Loculus taxonomy service used by the host functions (preprocessing-config.md §6.6):
 * `GET /taxa/<id>`, `GET /taxa?scientific_name=…`, `GET /taxa/<id>?find_common_name=true`.
 * Timeout, retries with exponential backoff on 500/502/503/504, and an LRU cache of successful
 * responses shared by all fields, as the reference does.
 */
import { request } from 'undici';

export interface Taxon {
  taxId: string;
  scientificName: string | null;
  commonName: string | null;
  depth: number | null;
}

/** The service could not be reached or kept failing; callers report an internal error. */
export class TaxonomyUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaxonomyUnavailableError';
  }
}

export interface TaxonomyClient {
  /** The taxon with this id, or null when the service does not know it. */
  byId(taxId: string, withCommonName?: boolean): Promise<Taxon | null>;
  /** Taxa with this scientific name (possibly none). */
  byScientificName(name: string): Promise<Taxon[]>;
}

export interface TaxonomyClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  retries?: number;
  /** Backoff factor in seconds: waits factor × 2^(attempt-1) between retries (urllib3 style). */
  backoffFactorSeconds?: number;
  cacheSize?: number;
}

const RETRY_STATUSES = new Set([500, 502, 503, 504]);

function taxonFrom(raw: unknown): Taxon | null {
  if (raw === null || typeof raw !== 'object') return null;
  const record = raw as Record<string, unknown>;
  const id = record.tax_id ?? record.taxId ?? record.taxon_id ?? record.id;
  if (id === undefined || id === null) return null;
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  return {
    taxId: String(id),
    scientificName: text(record.scientific_name ?? record.scientificName),
    commonName: text(record.common_name ?? record.commonName),
    depth: typeof record.depth === 'number' ? record.depth : null,
  };
}

function listFrom(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (raw !== null && typeof raw === 'object') {
    for (const key of ['taxa', 'results', 'items']) {
      const value = (raw as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
    return [raw];
  }
  return [];
}

/** A small LRU: a Map keeps insertion order, re-inserting on hit moves an entry to the end. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

export function createTaxonomyClient(options: TaxonomyClientOptions): TaxonomyClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retries = options.retries ?? 5;
  const backoff = options.backoffFactorSeconds ?? 1;
  const cache = new Lru<{ status: number; body: unknown }>(options.cacheSize ?? 1024);
  // Entries of one batch often name the same host: they wait on one request, not one each.
  const inFlight = new Map<string, Promise<{ status: number; body: unknown }>>();

  function get(path: string): Promise<{ status: number; body: unknown }> {
    const cached = cache.get(path);
    if (cached) return Promise.resolve(cached);
    let pending = inFlight.get(path);
    if (!pending) {
      pending = fetchWithRetries(path).finally(() => inFlight.delete(path));
      inFlight.set(path, pending);
    }
    return pending;
  }

  async function fetchWithRetries(path: string): Promise<{ status: number; body: unknown }> {
    for (let attempt = 0; ; attempt += 1) {
      let status: number;
      let body: unknown = null;
      try {
        const response = await request(`${base}${path}`, { method: 'GET', headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
        status = response.statusCode;
        const text = await response.body.text();
        if (status >= 200 && status < 300) body = text === '' ? null : JSON.parse(text);
      } catch (error) {
        throw new TaxonomyUnavailableError(`Network error while requesting ${path} from the taxonomy service: ${(error as Error).message}`);
      }
      if (RETRY_STATUSES.has(status) && attempt < retries) {
        await new Promise((resolve) => setTimeout(resolve, backoff * 1000 * 2 ** attempt));
        continue;
      }
      if (RETRY_STATUSES.has(status)) throw new TaxonomyUnavailableError(`Taxonomy service kept failing with status ${status} for ${path}`);
      const result = { status, body };
      if (status >= 200 && status < 300) cache.set(path, result);
      return result;
    }
  }

  return {
    async byId(taxId, withCommonName = false) {
      const path = `/taxa/${encodeURIComponent(taxId)}${withCommonName ? '?find_common_name=true' : ''}`;
      const { status, body } = await get(path);
      return status >= 200 && status < 300 ? taxonFrom(body) : null;
    },
    async byScientificName(name) {
      const { status, body } = await get(`/taxa?scientific_name=${encodeURIComponent(name)}`);
      if (status < 200 || status >= 300) return [];
      return listFrom(body).map(taxonFrom).filter((taxon): taxon is Taxon => taxon !== null);
    },
  };
}
