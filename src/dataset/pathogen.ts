/** `pathogen.json` (alignment.md §15), parsed loosely: only the fields we rely on are checked. */
import { z } from 'zod';

export const pathogenSchema = z
  .object({
    schemaVersion: z.string().optional(),
    files: z
      .object({
        reference: z.string().optional(),
        pathogenJson: z.string().optional(),
        genomeAnnotation: z.string().optional(),
        treeJson: z.string().optional(),
        examples: z.string().optional(),
        readme: z.string().optional(),
        changelog: z.string().optional(),
      })
      .loose()
      .optional(),
    alignmentParams: z.record(z.string(), z.unknown()).optional(),
    qc: z.record(z.string(), z.unknown()).optional(),
    attributes: z.record(z.string(), z.unknown()).optional(),
  })
  .loose();

export type Pathogen = z.infer<typeof pathogenSchema>;

export function parsePathogenJson(text: string, where: string): Pathogen {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = pathogenSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
