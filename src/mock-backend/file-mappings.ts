/**
 * File-mapping checks of submit (backend-contract.md §5.6), run for every line, errors or not.
 * The mock has no S3: a file exists when it was registered on the store (`store.files`).
 */
import type { OrganismSchema } from '../contract/organism.js';
import type { SubmitFailure, SubmittedEntry } from '../contract/submitted-entry.js';
import type { MockStore } from './store.js';

const FORBIDDEN_FILENAME_CHARACTERS = /[<>:"/\\|?*]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_WHITESPACE = /[\u0000-\u001f\s]/;

function filenameProblem(name: string): string | null {
  if (name.length === 0) return 'the name is empty';
  if (name.length > 255) return 'the name is longer than 255 characters';
  if (FORBIDDEN_FILENAME_CHARACTERS.test(name)) return 'the name contains one of < > : " / \\ | ? *';
  if (CONTROL_OR_WHITESPACE.test(name)) return 'the name contains whitespace or control characters';
  return null;
}

function unprocessable(detail: string): SubmitFailure {
  return { status: 422, detail };
}

export function validateFileMappings(store: MockStore, organism: string, schema: OrganismSchema, entries: SubmittedEntry[]): SubmitFailure | null {
  for (const entry of entries) {
    for (const [category, files] of Object.entries(entry.data.files ?? {})) {
      for (const file of files) {
        const problem = filenameProblem(file.name);
        if (problem) return unprocessable(`Invalid filename '${file.name}' in category '${category}': ${problem}.`);
      }
      const names = files.map((f) => f.name);
      const duplicates = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
      if (duplicates.length > 0) return unprocessable(`The files in category ${category} contain duplicate file names: ${duplicates.join(', ')}`);
      if (!schema.outputFileCategories.includes(category)) {
        return unprocessable(
          `The category ${category} is not part of the configured output categories for ${organism}. Allowed categories are: ${schema.outputFileCategories.join(', ')}.`,
        );
      }
    }
  }
  const allFiles = entries.flatMap((entry) => Object.values(entry.data.files ?? {}).flat().map((file) => ({ entry, file })));
  const unknown = allFiles.filter(({ file }) => !store.files.has(file.fileId)).map(({ file }) => file.fileId);
  if (unknown.length > 0) return unprocessable(`The following file IDs do not exist: ${[...new Set(unknown)].join(', ')}`);
  const notUploaded = allFiles.filter(({ file }) => !store.files.get(file.fileId)!.uploaded).map(({ file }) => file.fileId);
  if (notUploaded.length > 0) return unprocessable(`No file uploaded for file IDs: ${[...new Set(notUploaded)].join(', ')}`);
  for (const { entry, file } of allFiles) {
    const fileGroup = store.files.get(file.fileId)!.groupId;
    const entryGroup = store.entry(entry.accession, entry.version)?.groupId;
    if (entryGroup !== undefined && entryGroup !== fileGroup) {
      return unprocessable(`Accession version ${entry.accession}.${entry.version} belongs to group ${entryGroup} but the attached file ${file.fileId} belongs to the group ${fileGroup}.`);
    }
  }
  return null;
}
