/** Human-readable messages for the core's status codes (wording close to Nextclade's, alignment.md §4–§6). */
import { Status } from './wasm-layout.js';

export interface StatusDetails {
  status: number;
  detail1: number;
  detail2: number;
  detailF1: number;
  detailF2: number;
}

export function alignErrorMessage(d: StatusDetails): string {
  switch (d.status) {
    case Status.unknownLetter:
      return `Unable to align: unknown nucleotide '${String.fromCharCode(d.detail1)}' at position ${d.detail2 + 1} of the sequence (allowed: A C G T, IUPAC ambiguity codes and N).`;
    case Status.tooShort:
      return `Unable to align: sequence is too short. Details: sequence length: ${d.detail1}, min length allowed: ${d.detail2}.`;
    case Status.noSeeds:
      return `Unable to align: seed alignment was unable to find any matches that are long enough (at least ${d.detail1} nucleotides). This is likely due to a low quality of the provided sequence, or due to using an incorrect reference sequence.`;
    case Status.lowSeedCover:
      return `Unable to align: seed alignment covers ${d.detailF1.toFixed(2)}% of the query sequence, which is less than expected ${d.detailF2.toFixed(2)}%. This is likely due to a low quality of the provided sequence, or due to using an incorrect reference sequence.`;
    case Status.bandTooLarge: {
      const [area, limit, qryLen, refLen] = [d.detailF1, d.detailF2, d.detail1, d.detail2];
      const cause =
        qryLen > 2 * refLen
          ? `The query (${qryLen} nt) is much longer than the reference (${refLen} nt); it may hold several concatenated sequences.`
          : 'This usually means large rearrangements or a wrong reference.';
      return `Unable to align: alignment band area ${area} exceeds the limit ${limit} (maxBandArea). ${cause}`;
    }
    case Status.outOfMemory:
      return `Unable to align: the aligner ran out of memory (about ${Math.round(d.detailF1 / 1e6)} MB requested).`;
    case Status.badReference:
      return d.detail1 === 0 ? 'Reference sequence is empty.' : 'Reference sequence contains letters outside the nucleotide alphabet.';
    case Status.badParams:
      return 'Invalid alignment parameters for this reference.';
    case Status.internal:
    default:
      return `Unable to align: internal aligner error (code ${d.status}/${d.detail1}).`;
  }
}
