/** The Nextclade v3 dataset server's `index.json` (alignment.md §19), parsed loosely. */
import { z } from 'zod';

const versionSchema = z.object({ tag: z.string(), updatedAt: z.string().optional() }).loose();

export const serverDatasetSchema = z
  .object({
    path: z.string(),
    shortcuts: z.array(z.string()).optional(),
    files: z.record(z.string(), z.string()).default({}),
    versions: z.array(versionSchema).default([]),
    version: versionSchema.optional(),
  })
  .loose();

export const serverIndexSchema = z
  .object({
    collections: z.array(z.object({ datasets: z.array(serverDatasetSchema).default([]) }).loose()).default([]),
  })
  .loose();

export type ServerDataset = z.infer<typeof serverDatasetSchema>;
export type ServerIndex = z.infer<typeof serverIndexSchema>;

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
