/**
 * The standard genetic code as Nextclade applies it (alignment.md §11): a codon translates to an
 * amino acid when every base combination its IUPAC codes stand for gives that same amino acid
 * (e.g. `ACN`→T, `TAR`→`*`, `MGR`→R; 176 triplets in all); `---` is a gap; anything else is `X`.
 */

const BASES = 'TCAG';
const STANDARD = 'FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG';
const IUPAC: Record<string, string> = {
  A: 'A', C: 'C', G: 'G', T: 'T', R: 'AG', Y: 'CT', S: 'CG', W: 'AT', K: 'GT', M: 'AC',
  B: 'CGT', D: 'AGT', H: 'ACT', V: 'ACG', N: 'ACGT',
};

function unambiguous(codon: string): string {
  const i = BASES.indexOf(codon[0]);
  const j = BASES.indexOf(codon[1]);
  const k = BASES.indexOf(codon[2]);
  return STANDARD[i * 16 + j * 4 + k];
}

function buildTable(): Map<string, string> {
  const table = new Map<string, string>();
  const codes = Object.keys(IUPAC);
  for (const a of codes) {
    for (const b of codes) {
      for (const c of codes) {
        const seen = new Set<string>();
        for (const x of IUPAC[a]) for (const y of IUPAC[b]) for (const z of IUPAC[c]) seen.add(unambiguous(x + y + z));
        if (seen.size === 1) table.set(a + b + c, [...seen][0]);
      }
    }
  }
  table.set('---', '-');
  return table;
}

const TABLE = buildTable();

/** Letter → 0..15 (the 15 IUPAC codes and `-`); anything else → 16 ("unknown", translates to X). */
const LETTER_INDEX = new Uint8Array(128).fill(16);
const LETTERS = [...Object.keys(IUPAC), '-'];
LETTERS.forEach((letter, i) => (LETTER_INDEX[letter.charCodeAt(0)] = i));

/** Amino-acid char code per (first, second, third) letter index, 17³ entries. */
const CODE_TABLE = (() => {
  const table = new Uint8Array(17 * 17 * 17).fill('X'.charCodeAt(0));
  for (const [codon, aa] of TABLE) {
    const i = LETTER_INDEX[codon.charCodeAt(0)] * 289 + LETTER_INDEX[codon.charCodeAt(1)] * 17 + LETTER_INDEX[codon.charCodeAt(2)];
    table[i] = aa.charCodeAt(0);
  }
  return table;
})();

function codeAt(nucs: string, i: number): number {
  const c = nucs.charCodeAt(i);
  return c < 128 ? LETTER_INDEX[c] : 16;
}

export function translateCodon(codon: string): string {
  return TABLE.get(codon) ?? 'X';
}

/** Translates codon by codon; a trailing partial codon is dropped. */
export function translate(nucs: string, stopAtFirstStop = false): string {
  const codons = Math.floor(nucs.length / 3);
  const out = new Uint8Array(codons);
  let length = codons;
  for (let c = 0; c < codons; c++) {
    const aa = CODE_TABLE[codeAt(nucs, 3 * c) * 289 + codeAt(nucs, 3 * c + 1) * 17 + codeAt(nucs, 3 * c + 2)];
    out[c] = aa;
    if (stopAtFirstStop && aa === 42 /* '*' */) {
      length = c + 1;
      break;
    }
  }
  return Buffer.from(out.buffer, 0, length).toString('latin1');
}
