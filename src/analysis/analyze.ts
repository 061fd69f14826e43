/**
 * Placeholder until the translation engineer lands the real analysis (issue 4 brief): the aligner
 * thread calls this after each successful alignment and returns its value as `analysis`.
 */
export function analyzeAlignment(_d: unknown, _a: unknown): unknown {
  return null;
}
