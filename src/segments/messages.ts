/**
 * Texts of the segment-assignment annotations, worded as the reference pipeline words them
 * (preprocessing-config.md §6.2, §6.3) so tests and users see the same messages.
 */

/** Python's repr of a list of strings: `['a', 'b']`. */
export function pythonList(items: string[]): string {
  return `[${items.map((item) => `'${item.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}

export const messages = {
  singleSegmentMultiple: (ids: string[], organism: string) =>
    `Multiple sequences: ${pythonList(ids)} found in the input data, but organism: ${organism} is single-segmented. ` +
    'Please check that your metadata and sequences are annotated correctly: each metadata entry should have a single corresponding fasta sequence entry with the same submissionId.',
  noMatch: (fastaId: string, organism: string, method: string) =>
    `Sequence with fasta id ${fastaId} does not match any reference for organism: ${organism} per \`${method}\`. Double check you are submitting to the correct organism.`,
  multipleOnSegment: (fastaIds: string[], segment: string) =>
    `Multiple sequences (with fasta ids: ${fastaIds.join(', ')}) align to ${segment} - only one entry is allowed.`,
  maxSequences: (count: number, max: number) =>
    `Entry has ${count} sequences but the maximum allowed number of sequences per entry is ${max}.`,
  sortNoMatch: () =>
    'Sequence does not appear to match reference, per `nextclade sort`. Double check you are submitting to the correct organism.',
  failedToAlignSingle: () => 'Nucleotide sequence failed to align',
  failedToAlignMulti: (name: string) => `Nucleotide sequence for ${name} failed to align`,
  noSequenceAligned: () => 'No sequence aligned.',
  unknownAlignmentError: () =>
    'An unknown internal error occurred while aligning sequences, please contact the administrator.',
  headerDuplicate: (segment: string) =>
    `Found multiple sequences with the same segment name: ${segment}. Each metadata entry can have multiple corresponding fasta sequence entries with format <submissionId>_<segmentName>.`,
  headerUnknown: (ids: string[], segments: string[]) =>
    `Found sequences in the input data with segments that are not in the config: ${ids.join(', ')}. Each metadata entry can have multiple corresponding fasta sequence entries with format <submissionId>_<segmentName> valid segments are: ${segments.join(', ')}.`,
  headerNothing: () => 'No sequence data found - check segments are annotated correctly.',
  nonIupac: (name: string, symbols: string[]) =>
    `Found non-IUPAC symbols in the ${name} sequence: ${symbols.join(', ')}` +
    (symbols.includes('-') ? '. Gap characters (-) are not allowed in raw sequences.' : ''),
};

/** How the reference names the classification method in its "no match" message. */
export function methodLabel(method: 'align' | 'minimizer' | 'diamond'): string {
  if (method === 'align') return 'nextclade align';
  if (method === 'minimizer') return 'nextclade sort';
  return 'diamond';
}
