/** Letters a raw nucleotide sequence may contain (preprocessing-config.md §6.2 step 4). */
const ALLOWED = new Set('ACGTMRWSYKVHDBN'.split(''));
/**
 * Any letter outside the set. Without the `u` flag, `i` never folds a non-ASCII letter onto an
 * ASCII one, so "no match" means exactly "every letter upper-cases into the set".
 */
const DISALLOWED = /[^ACGTMRWSYKVHDBN]/i;

/** The distinct disallowed symbols of a sequence (upper-cased), sorted for a stable message. */
export function nonIupacSymbols(sequence: string): string[] {
  // Nearly every sequence is clean: answer it without an upper-cased copy.
  if (!DISALLOWED.test(sequence)) return [];
  const found = new Set<string>();
  for (const letter of sequence.toUpperCase()) if (!ALLOWED.has(letter)) found.add(letter);
  return [...found].sort();
}
