/** Backend metadata types (backend-contract.md §5.4) and the spellings configs use for them. */

export type BackendType = 'string' | 'int' | 'float' | 'number' | 'date' | 'boolean' | 'authors';

const SPELLINGS: Record<string, BackendType> = {
  string: 'string',
  str: 'string',
  int: 'int',
  integer: 'int',
  float: 'float',
  number: 'number',
  date: 'date',
  boolean: 'boolean',
  bool: 'boolean',
  authors: 'authors',
};

/** The backend type of `args.type`, or null when absent or not a backend type (e.g. `timestamp`). */
export function backendTypeOf(type: unknown): BackendType | null {
  if (typeof type !== 'string') return null;
  return SPELLINGS[type] ?? null;
}
