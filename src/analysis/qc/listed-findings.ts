/**
 * The shape QC rules F (frame shifts) and S (stop codons) share (alignment.md §13): every finding
 * scores `scoreWeight`, except the ones the dataset lists as known, which are reported apart.
 */
import { qcStatus } from './config.js';

/** A listed finding names its CDS as `cdsName`, or as `geneName` in older datasets. */
export function listedCdsName(listed: { cdsName?: string; geneName?: string }): string | undefined {
  return listed.cdsName ?? listed.geneName;
}

export function scoreUnlisted<T>(findings: T[], isListed: (finding: T) => boolean, scoreWeight: number) {
  const reported: T[] = [];
  const ignored: T[] = [];
  for (const finding of findings) (isListed(finding) ? ignored : reported).push(finding);
  const score = reported.length * scoreWeight;
  return { reported, ignored, score, status: qcStatus(score) };
}
