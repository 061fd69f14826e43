/** The Nextclade v3 dataset server's `index.json` (alignment.md §19), parsed loosely. */
import { z } from 'zod';

const versionSchema = z.object({ tag: z.string(), updatedAt: z.string().optional() }).loose();

const serverDatasetSchema = z
  .object({
    path: z.string(),
    shortcuts: z.array(z.string()).optional(),
    files: z.record(z.string(), z.string()).default({}),
    versions: z.array(versionSchema).default([]),
    version: versionSchema.optional(),
  })
  .loose();

const serverIndexSchema = z
  .object({
    collections: z.array(z.object({ datasets: z.array(serverDatasetSchema).default([]) }).loose()).default([]),
  })
  .loose();

export type ServerDataset = z.infer<typeof serverDatasetSchema>;
export type ServerIndex = z.infer<typeof serverIndexSchema>;

/** `index.json` text → the index; errors name the address (`where`) and what is wrong. */
export function parseServerIndex(text: string, where: string): ServerIndex {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${where} is not a dataset index: not valid JSON (${(error as Error).message})`);
  }
  const parsed = serverIndexSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where} is not a dataset index: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The dataset called `name` (its path or one of its shortcuts). */
export function findServerDataset(index: ServerIndex, name: string): ServerDataset | undefined {
  const all = index.collections.flatMap((c) => c.datasets);
  return all.find((d) => d.path === name) ?? all.find((d) => d.shortcuts?.includes(name));
}

/** `latest` or no tag → the dataset's current version; otherwise the tag must be listed. */
export function resolveTag(dataset: ServerDataset, tag: string | null): string {
  if (tag === null || tag === '' || tag === 'latest') {
    const latest = dataset.version?.tag ?? [...dataset.versions].map((v) => v.tag).sort().pop();
    if (!latest) throw new Error(`dataset '${dataset.path}' has no versions on the server`);
    return latest;
  }
  if (dataset.versions.length > 0 && !dataset.versions.some((v) => v.tag === tag)) {
    throw new Error(`dataset '${dataset.path}' has no version '${tag}' (known: ${dataset.versions.map((v) => v.tag).join(', ')})`);
  }
  return tag;
}
