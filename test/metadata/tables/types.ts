/** Shape of the data-driven function tables (one file per processing function). */
export interface FunctionCase {
  name: string;
  /** Input argument → submitted value; null means the metadata key is absent. */
  inputs: Record<string, string | null>;
  args?: Record<string, unknown>;
  /** Expected value; floats as `{ float: n }`. */
  expect: unknown;
  /** Expected error messages (exact, or a prefix ending in `…`). */
  errors?: string[];
  warnings?: string[];
  insdc?: boolean;
  /** `YYYY-MM-DD`; default 2021-12-15 as in the reference tests. */
  submittedAt?: string;
  /** Accession of the entry (version is 1); default `LOC_1`. */
  accession?: string;
  /** Spec section the row comes from. */
  source: string;
}

export interface FunctionTable {
  function: string;
  /** Output field name used in messages. */
  field: string;
  /** Input argument names configured for every case (besides those a case lists). */
  inputs: string[];
  args?: Record<string, unknown>;
  cases: FunctionCase[];
}
