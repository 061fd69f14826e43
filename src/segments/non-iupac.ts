/** Letters a raw nucleotide sequence may contain (preprocessing-config.md §6.2 step 4). */
const ALLOWED = new Set('ACGTMRWSYKVHDBN'.split(''));

/** The distinct disallowed symbols of a sequence (upper-cased), sorted for a stable message. */
export function nonIupacSymbols(sequence: string): string[] {
  const found = new Set<string>();
  for (const letter of sequence.toUpperCase()) if (!ALLOWED.has(letter)) found.add(letter);
  return [...found].sort();
}
