/**
 * `nextclade.<path>` inputs: reading a value out of a sequence's Nextclade-shaped result and
 * rendering it the way the reference does (preprocessing-config.md §3.6).
 */
import { pyStr } from './python.js';

/** Leaf names Nextclade types as floats: Python renders `1.0` where JavaScript has `1`. */
const FLOAT_LEAVES = new Set(['coverage', 'score', 'overallScore', 'value']);

type Formatter = (result: Record<string, unknown>, args: Readonly<Record<string, unknown>>) => string | null;

export interface NextcladeFormatterFailure {
  /** Pseudo-field the internal error is attached to. */
  pseudoField: string;
  message: string;
}

export interface NextcladePath {
  readonly written: string;
  read(result: Record<string, unknown>, args: Readonly<Record<string, unknown>>): { value: string | null; failure?: NextcladeFormatterFailure };
}

/** 0-based half-open range → 1-based inclusive text; one position is a single number. */
function rangeText(range: unknown): string {
  const { begin, end } = range as { begin: number; end: number };
  if (typeof begin !== 'number' || typeof end !== 'number') throw new Error('range without numeric begin/end');
  return begin + 1 === end ? String(end) : `${begin + 1}-${end}`;
}

function asList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}

function field(record: unknown, key: string): unknown {
  if (record === null || typeof record !== 'object') throw new Error(`expected an object with '${key}'`);
  return (record as Record<string, unknown>)[key];
}

const formatFrameShifts: Formatter = (result) => {
  const shifts = asList(result.frameShifts ?? [], 'frameShifts');
  return shifts
    .map((shift) => {
      const nucleotides = asList(field(shift, 'nucAbs'), 'nucAbs').map(rangeText).join(';');
      return `${String(field(shift, 'cdsName'))}:${rangeText(field(shift, 'codon'))}(nt:${nucleotides})`;
    })
    .join(',');
};

const formatStopCodons: Formatter = (result) => {
  const qc = result.qc as Record<string, unknown> | undefined;
  const stopCodons = (qc?.stopCodons as Record<string, unknown> | undefined)?.stopCodons ?? [];
  return asList(stopCodons, 'stopCodons')
    .map((stop) => {
      const codon = field(stop, 'codon');
      if (typeof codon !== 'number') throw new Error('codon is not a number');
      return `${String(field(stop, 'cdsName'))}:${codon + 1}`;
    })
    .join(',');
};

const formatPhenotype: Formatter = (result, args) => {
  const wanted = args.name;
  if (wanted === undefined || wanted === null) return null;
  const values = asList(result.phenotypeValues ?? [], 'phenotypeValues');
  for (const entry of values) {
    if (field(entry, 'name') !== wanted) continue;
    const value = field(entry, 'value');
    if (value === null || value === undefined) return null;
    if (typeof value !== 'number') throw new Error(`invalid syntax`);
    return pyStr(value, true);
  }
  return null;
};

function substitutionText(substitution: unknown): string {
  const pos = field(substitution, 'pos');
  if (typeof pos !== 'number') throw new Error('substitution position is not a number');
  return `${String(field(substitution, 'cdsName'))}:${String(field(substitution, 'refAa'))}${pos + 1}${String(field(substitution, 'qryAa'))}`;
}

function perCds(container: unknown, pick: (perCdsValue: unknown) => string[]): string | null {
  if (container === null || container === undefined) return null;
  if (typeof container !== 'object') throw new Error('mutations are not an object');
  const texts = Object.values(container as Record<string, unknown>).flatMap(pick);
  return texts.length > 0 ? texts.join(' ') : null;
}

const privateSubstitutionsAt =
  (...steps: string[]): Formatter =>
  (result) => {
    let node: unknown = result;
    for (const step of steps) {
      if (node === null || typeof node !== 'object') return null;
      node = (node as Record<string, unknown>)[step];
    }
    return perCds(node, (cds) => asList(field(cds, 'privateSubstitutions') ?? [], 'privateSubstitutions').map(substitutionText));
  };

const formatLabeled: Formatter = (result) =>
  perCds(result.privateAaMutations, (cds) =>
    asList(field(cds, 'labeledSubstitutions') ?? [], 'labeledSubstitutions').map((labeled) => substitutionText(field(labeled, 'substitution'))),
  );

const SPECIAL_PATHS: Record<string, { formatter: Formatter; pseudoField: string; what: string }> = {
  frameShifts: { formatter: formatFrameShifts, pseudoField: 'frameshifts', what: 'Frame shift' },
  'qc.stopCodons.stopCodons': { formatter: formatStopCodons, pseudoField: 'stopCodons', what: 'Stop codon' },
  phenotypeValues: { formatter: formatPhenotype, pseudoField: 'phenotypeValues', what: 'Phenotype value' },
  'cladeFounderInfo.aaMutations.*.privateSubstitutions': {
    formatter: privateSubstitutionsAt('cladeFounderInfo', 'aaMutations'),
    pseudoField: 'mutationsFromCladeFounder',
    what: 'Mutations from clade founder',
  },
  'cladeNodeAttrFounderInfo.outbreak.aaMutations.*.privateSubstitutions': {
    formatter: privateSubstitutionsAt('cladeNodeAttrFounderInfo', 'outbreak', 'aaMutations'),
    pseudoField: 'mutationsFromCladeFounder',
    what: 'Mutations from clade founder',
  },
  'privateAaMutations.*.labeledSubstitutions.substitution': { formatter: formatLabeled, pseudoField: 'labeledMutations', what: 'Labeled mutations' },
};

/** Plain dot path: stops at the first `*`; every step must land in an object, else None. */
function nested(result: Record<string, unknown>, steps: string[]): unknown {
  let node: unknown = result;
  for (const step of steps) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
    const next = (node as Record<string, unknown>)[step];
    if (next === undefined) return null;
    node = next;
  }
  return node;
}

/** Compiles the part after `nextclade.` once at startup. */
export function compileNextcladePath(path: string): NextcladePath {
  const special = SPECIAL_PATHS[path];
  if (special) {
    return {
      written: path,
      read(result, args) {
        try {
          return { value: special.formatter(result, args) };
        } catch (error) {
          return {
            value: null,
            failure: {
              pseudoField: special.pseudoField,
              message: `Internal Error. ${special.what} processing failed: ${(error as Error).message}. Please contact the administrator.`,
            },
          };
        }
      },
    };
  }
  const all = path.split('.');
  const star = all.indexOf('*');
  const steps = star >= 0 ? all.slice(0, star) : all;
  const floatHint = FLOAT_LEAVES.has(steps[steps.length - 1] ?? '');
  return {
    written: path,
    // A missing path on an aligned sequence renders as "None" (replicated, §10 #7).
    read: (result) => ({ value: pyStr(nested(result, steps), floatHint) }),
  };
}
