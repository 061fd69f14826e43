import type { FunctionCase, FunctionTable } from './types.js';

const pattern = '^(?:[^/]+/)?[^/]+/(?P<identifier>[^/]+)/\\d{4}(?:-\\d{2}){0,2}$';
const human = '<prefix>/<country>/<identifier>/<year>';
const base = {
  order: ['nextclade.clade', 'geoLocCountry', 'IDENTIFIER', 'sampleCollectionDate'],
  type: ['string', 'string', 'IDENTIFIER', 'string'],
  regex_pattern: pattern,
  human_readable_pattern: human,
};
const prefixed = { ...base, order: ['ARG:prefix', ...base.order.slice(1)], type: ['ARG:prefix', ...base.type.slice(1)], prefix: 'hYF' };
const warning = `specimenCollectorSampleId and submissionId could not be parsed, using ACCESSION_VERSION in displayName instead. To include your own identifier, remove whitespace and '/' characters or use the format '${human}' and we will parse the \`identifier\` from the submission.`;

interface Row {
  collector: string;
  submission: string;
  country?: string;
  date?: string;
  regular: string;
  insdc: string;
  prefix: string;
  warn?: boolean;
  fallback?: string;
}

const rows: Row[] = [
  { collector: '', submission: 'mySample', regular: 'DENV-1/Switzerland/mySample/2025', insdc: 'DENV-1/Switzerland/accession.1/2025', prefix: 'hYF/Switzerland/mySample/2025' },
  { collector: 'myCollectorSample', submission: 'mySample', regular: 'DENV-1/Switzerland/myCollectorSample/2025', insdc: 'DENV-1/Switzerland/myCollectorSample/2025', prefix: 'hYF/Switzerland/myCollectorSample/2025' },
  {
    collector: 'hDENV1/Germany/myExtractedSample/2025',
    submission: 'mySample',
    regular: 'DENV-1/Switzerland/myExtractedSample/2025',
    insdc: 'DENV-1/Switzerland/accession.1/2025',
    prefix: 'hYF/Switzerland/myExtractedSample/2025',
  },
  {
    collector: 'hDENV1/Germany/somethingElse/myExtractedSample/2025',
    submission: 'mySample',
    regular: 'DENV-1/Switzerland/mySample/2025',
    insdc: 'DENV-1/Switzerland/accession.1/2025',
    prefix: 'hYF/Switzerland/mySample/2025',
  },
  {
    collector: 'not parseable',
    submission: 'also not/parseable',
    regular: 'DENV-1/Switzerland/accession.1/2025',
    insdc: 'DENV-1/Switzerland/accession.1/2025',
    prefix: 'hYF/Switzerland/accession.1/2025',
    warn: true,
  },
  {
    collector: 'hDENV1/Germany/myExtractedSample/2025',
    submission: 'mySample',
    country: '',
    date: '',
    regular: 'DENV-1/unknown/myExtractedSample/unknown',
    insdc: 'DENV-1/unknown/accession.1/unknown',
    prefix: 'hYF/unknown/myExtractedSample/unknown',
  },
  {
    collector: 'hDENV1/Germany/myExtractedSample/2025',
    submission: 'mySample',
    country: '',
    date: '',
    fallback: 'another_fallback',
    regular: 'DENV-1/another_fallback/myExtractedSample/another_fallback',
    insdc: 'DENV-1/another_fallback/accession.1/another_fallback',
    prefix: 'hYF/another_fallback/myExtractedSample/another_fallback',
  },
];

function cases(row: Row, index: number): FunctionCase[] {
  const inputs = {
    'nextclade.clade': 'DENV-1',
    geoLocCountry: row.country ?? 'Switzerland',
    sampleCollectionDate: row.date ?? '2025',
    submissionId: row.submission,
    specimenCollectorSampleId: row.collector,
  };
  const fallback = row.fallback ? { fallback_value: row.fallback } : {};
  const common = { source: '§8.6', accession: 'accession', inputs };
  return [
    { ...common, name: `row ${index} regular`, args: { ...base, ...fallback }, expect: row.regular, warnings: row.warn ? [warning] : [] },
    { ...common, name: `row ${index} INSDC`, insdc: true, args: { ...base, ...fallback }, expect: row.insdc },
    { ...common, name: `row ${index} prefix`, args: { ...prefixed, ...fallback }, expect: row.prefix, warnings: row.warn ? [warning] : [] },
  ];
}

export const table: FunctionTable = {
  function: 'build_display_name',
  field: 'displayName',
  inputs: ['nextclade.clade', 'geoLocCountry', 'sampleCollectionDate', 'submissionId', 'specimenCollectorSampleId'],
  cases: [
    ...rows.flatMap(cases),
    {
      source: '§9',
      name: 'INSDC id with a space: accession version, no warning',
      insdc: true,
      accession: 'accession',
      args: base,
      inputs: { 'nextclade.clade': 'DENV-1', geoLocCountry: 'Peru', sampleCollectionDate: '2025', submissionId: 'x', specimenCollectorSampleId: 'A B' },
      expect: 'DENV-1/Peru/accession.1/2025',
    },
    {
      source: '§9',
      name: 'direct, no regex: accession version without warning',
      accession: 'accession',
      args: { order: base.order, type: base.type },
      inputs: { 'nextclade.clade': 'DENV-1', geoLocCountry: 'Peru', sampleCollectionDate: '2025', submissionId: 'x y', specimenCollectorSampleId: 'A B' },
      expect: 'DENV-1/Peru/accession.1/2025',
    },
  ],
};
