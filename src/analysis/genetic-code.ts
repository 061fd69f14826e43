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

export function translateCodon(codon: string): string {
  return TABLE.get(codon) ?? 'X';
}

/** Translates codon by codon; a trailing partial codon is dropped. */
export function translate(nucs: string, stopAtFirstStop = false): string {
  const codons = Math.floor(nucs.length / 3);
  const out: string[] = new Array(codons);
  for (let c = 0; c < codons; c++) {
    const aa = translateCodon(nucs.slice(3 * c, 3 * c + 3));
    out[c] = aa;
    if (stopAtFirstStop && aa === '*') return out.slice(0, c + 1).join('');
  }
  return out.join('');
}
