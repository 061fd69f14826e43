/**
 * FASTA reading. Sequence letters are returned as written (the aligner does Nextclade's cleaning:
 * alignment.md §2); the header is the `>` line without `>`, trimmed.
 */
export interface FastaRecord {
  /** Full header (Nextclade's `seqName`). */
  name: string;
  /** First whitespace-separated token of the header (Nextclade's `seqId`). */
  id: string;
  sequence: string;
}

export function parseFasta(text: string): FastaRecord[] {
  const records: FastaRecord[] = [];
  let name: string | null = null;
  let parts: string[] = [];
  const flush = () => {
    if (name !== null) records.push({ name, id: name.split(/\s+/)[0] ?? '', sequence: parts.join('') });
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.startsWith('>')) {
      flush();
      name = line.slice(1).trim();
      parts = [];
    } else if (name !== null) {
      parts.push(line.trim());
    } else if (line.trim() !== '') {
      // Sequence text before any header: Nextclade accepts a bare sequence as one unnamed record.
      name = '';
      parts = [line.trim()];
    }
  }
  flush();
  return records;
}
