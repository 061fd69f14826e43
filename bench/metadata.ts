/**
 * Metadata benchmark (`npm run bench:metadata`): 100,000 unprocessed entries with a 30-field
 * Helm-style processing spec, processed by the real CLI
 * (`prepro process --config FILE --input IN.ndjson --output OUT.ndjson`). Prints entries/s and the
 * child's peak RSS. Not a test: figures depend on the machine.
 *
 * Options: --entries N (default 100000), --direct (call processMetadata in this process instead of
 * the CLI, to profile the engine alone), --keep (keep the temp directory).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { seededRandom } from '../src/shared/prng.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? Number(argv[index + 1]) : fallback;
};
const ENTRIES = option('entries', 100_000);

const prng = seededRandom;
const random = prng(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const COUNTRIES = Array.from({ length: 250 }, (_, i) => `Country ${i}`).concat(['Switzerland', 'Peru', 'United States', "Côte d'Ivoire"]);
const HOSTS = ['Homo sapiens', 'Aedes aegypti', 'Culex pipiens', 'Sus scrofa'];
const SEXES = ['male', 'female', 'hermaphrodite', 'not applicable'];
const PURPOSES = ['Baseline surveillance', 'Targeted surveillance', 'Research', 'Outbreak investigation'];
const CONTINENTS = ['Africa', 'Asia', 'Europe', 'North America', 'South America', 'Oceania', 'Antarctica'];

const identity = (name: string, type: string) => ({ function: 'identity', inputs: { input: name }, args: { type } });
const options = (name: string, list: string[]) => ({ function: 'process_options', inputs: { input: name }, args: { type: 'string', options: list } });
const range = (fieldType: string) => ({
  function: 'parse_date_into_range',
  inputs: { date: 'sampleCollectionDate', releaseDate: 'ncbiReleaseDate' },
  args: { fieldType, type: fieldType === 'dateRangeString' ? 'string' : 'date' },
});

/** 30 fields, shaped like what the Helm chart renders for a Pathoplexus organism. */
function processingSpec(): Record<string, unknown> {
  return {
    specimenCollectorSampleId: identity('specimenCollectorSampleId', 'string'),
    geoLocAdmin1: identity('geoLocAdmin1', 'string'),
    geoLocAdmin2: identity('geoLocAdmin2', 'string'),
    geoLocCity: identity('geoLocCity', 'string'),
    sequencingInstrument: identity('sequencingInstrument', 'string'),
    authorAffiliations: identity('authorAffiliations', 'string'),
    isolateName: identity('isolateName', 'string'),
    versionComment: { function: 'identity', inputs: { input: 'versionComment' }, args: null },
    hostAge: identity('hostAge', 'int'),
    passageNumber: identity('passageNumber', 'int'),
    depthOfCoverage: identity('depthOfCoverage', 'float'),
    breadthOfCoverage: identity('breadthOfCoverage', 'float'),
    geoLocLatitude: identity('geoLocLatitude', 'float'),
    hostHealthOutcomeKnown: identity('hostHealthOutcomeKnown', 'boolean'),
    geoLocCountry: { ...options('geoLocCountry', COUNTRIES), required: true },
    hostNameScientific: options('hostNameScientific', HOSTS),
    hostGender: options('hostGender', SEXES),
    purposeOfSampling: options('purposeOfSampling', PURPOSES),
    continent: options('continent', CONTINENTS),
    sampleCollectionDate: { ...range('dateRangeString'), required: true },
    sampleCollectionDateRangeLower: range('dateRangeLower'),
    sampleCollectionDateRangeUpper: range('dateRangeUpper'),
    ncbiReleaseDate: { function: 'parse_and_assert_past_date', inputs: { date: 'ncbiReleaseDate' }, args: { type: 'date' } },
    sequencingDate: { function: 'check_date', inputs: { date: 'sequencingDate' }, args: { type: 'date' } },
    ncbiUpdateDate: { function: 'parse_timestamp', inputs: { timestamp: 'ncbiUpdateDate' }, args: { type: 'date' } },
    authors: { function: 'check_authors', inputs: { authors: 'authors' }, args: { type: 'authors' } },
    insdcAccessionBase: { function: 'check_regex', inputs: { regex_field: 'insdcAccessionFull' }, args: { type: 'string', pattern: '^[A-Z]{1,2}[0-9]{5,6}(\\.[0-9]+)?$' } },
    insdcVersion: { function: 'extract_regex', inputs: { regex_field: 'insdcAccessionFull' }, args: { type: 'string', pattern: '^[A-Z]{1,2}[0-9]{5,6}\\.(?P<version>[0-9]+)$', capture_group: 'version' } },
    displayName: {
      function: 'build_display_name',
      inputs: { geoLocCountry: 'processed.geoLocCountry', sampleCollectionDate: 'processed.sampleCollectionDate', specimenCollectorSampleId: 'specimenCollectorSampleId', submissionId: 'submissionId' },
      args: {
        type: 'string',
        order: ['geoLocCountry', 'IDENTIFIER', 'sampleCollectionDate'],
        // build_display_name's own `type` list is passed as `type`; Helm puts the backend type elsewhere.
        regex_pattern: '^(?:[^/]+/)?[^/]+/(?P<identifier>[^/]+)/\\d{4}(?:-\\d{2}){0,2}$',
        human_readable_pattern: '<country>/<identifier>/<date>',
      },
    },
    locationKey: {
      function: 'concatenate',
      inputs: { geoLocCountry: 'processed.geoLocCountry', geoLocAdmin1: 'geoLocAdmin1', date: 'sampleCollectionDate' },
      args: { order: ['geoLocCountry', 'geoLocAdmin1', 'ACCESSION_VERSION', 'date'], type: ['string', 'string', 'ACCESSION_VERSION', 'dateRangeString'] },
    },
  };
}

function fixDisplayNameTypes(spec: Record<string, any>): void {
  spec.displayName.args.type = ['string', 'IDENTIFIER', 'string'];
}

const pad = (n: number) => String(n).padStart(2, '0');
const someDate = () => `${2015 + Math.floor(random() * 10)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;

function metadataOf(index: number): Record<string, string> {
  const bad = random() < 0.05;
  const year = 2015 + Math.floor(random() * 10);
  return {
    specimenCollectorSampleId: random() < 0.3 ? `hX/Peru/sample${index}/${year}` : `sample-${index}`,
    geoLocAdmin1: pick(['Lima', 'Cusco', 'Zürich', '']),
    geoLocAdmin2: pick(['North', 'South', '']),
    geoLocCity: pick(['Springfield', 'Shelbyville', '']),
    sequencingInstrument: pick(['Illumina MiSeq', 'Oxford Nanopore MinION']),
    authorAffiliations: 'Institute of Examples, Example City',
    isolateName: `isolate/${index}`,
    versionComment: '',
    hostAge: bad ? 'forty' : String(Math.floor(random() * 90)),
    passageNumber: String(Math.floor(random() * 5)),
    depthOfCoverage: (random() * 1000).toFixed(2),
    breadthOfCoverage: String(Math.round(random() * 100) / 100),
    geoLocLatitude: (random() * 180 - 90).toFixed(4),
    hostHealthOutcomeKnown: pick(['true', 'false', 'TRUE', '']),
    geoLocCountry: bad ? 'Atlantis' : pick(COUNTRIES).toLowerCase(),
    hostNameScientific: pick(HOSTS),
    hostGender: pick(SEXES),
    purposeOfSampling: pick(PURPOSES),
    continent: pick(CONTINENTS),
    sampleCollectionDate: pick([someDate(), `${year}`, `${year}-${pad(1 + Math.floor(random() * 12))}`, `${year}-01-01/${year}-06-30`, bad ? '31/12/2020' : someDate()]),
    ncbiReleaseDate: random() < 0.5 ? `2025-0${1 + Math.floor(random() * 5)}-15` : '',
    sequencingDate: someDate(),
    ncbiUpdateDate: `${someDate()}T10:00:00Z`,
    authors: bad ? 'Anna Smith and Tom' : 'Smith, Anna; Perez, Tom J.; Xu, X.L.',
    insdcAccessionFull: random() < 0.5 ? `OQ${100000 + index % 900000}.${1 + Math.floor(random() * 3)}` : '',
    submissionId: `sub-${index}`,
  };
}

function writeInput(file: string): void {
  const submittedAt = Math.floor(Date.UTC(2025, 5, 15) / 1000);
  const lines: string[] = [];
  for (let i = 0; i < ENTRIES; i += 1) {
    lines.push(
      JSON.stringify({
        accession: `LOC_${String(i).padStart(6, '0')}`,
        version: 1,
        submissionId: `sub-${i}`,
        submitter: 'bench',
        groupId: i % 10 === 0 ? 1 : 2,
        submittedAt,
        data: { metadata: metadataOf(i), unalignedNucleotideSequences: {}, files: null },
      }),
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

async function direct(configFile: string, inputFile: string): Promise<void> {
  const { loadConfig } = await import('../src/config/load.js');
  const { compileProcessingSpec } = await import('../src/metadata/compile.js');
  const { processMetadataNow } = await import('../src/metadata/process.js');
  const { guardMetadata } = await import('../src/metadata/guard.js');
  const { config } = loadConfig({ file: configFile, env: {} });
  const compiled = compileProcessingSpec(config);
  const entries = readFileSync(inputFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const raw = JSON.parse(line);
      return { ...raw, metadata: raw.data.metadata, unalignedNucleotideSequences: {}, files: null };
    });
  const now = new Date();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let errors = 0;
  for (const entry of entries) {
    const outcome = await processMetadataNow(compiled, { entry, assignments: {}, nextclade: {}, sequences: {}, aligned: false }, { now });
    const guarded = guardMetadata(compiled, outcome.metadata);
    if (outcome.errors.length + guarded.errors.length > 0) errors += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`direct processMetadata+guard: ${entries.length} entries in ${seconds.toFixed(2)} s = ${Math.round(entries.length / seconds)} entries/s`);
  console.log(`CPU time: ${cpuSeconds.toFixed(2)} s = ${Math.round(entries.length / cpuSeconds)} entries per CPU-second; ${errors} with errors; rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
}

function viaCli(configFile: string, inputFile: string, outputFile: string): void {
  // The CLI as shipped (`prepro` = dist/src/cli/main.js), rebuilt so it matches the sources.
  const build = spawnSync('npm', ['run', 'build:ts'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:ts failed:\n${build.stdout}${build.stderr}`);
  const args = [resolve(repoRoot, 'dist/src/cli/main.js'), 'process', '--config', configFile, '--input', inputFile, '--output', outputFile];
  const useTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const child = useTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PREPROCESSING_LOG_LEVEL: 'error' } })
    : spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PREPROCESSING_LOG_LEVEL: 'error' } });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) {
    console.error(child.stderr);
    throw new Error(`prepro process exited with ${child.status}`);
  }
  const peakKb = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1] ?? NaN) : NaN;
  // The machine is shared: CPU seconds say more about our cost than wall time does.
  const cpuSeconds = useTime
    ? Number(/User time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(child.stderr)?.[1] ?? NaN)
    : NaN;
  const outputLines = readFileSync(outputFile, 'utf8').split('\n').filter(Boolean);
  const withErrors = outputLines.filter((line) => !line.includes('"errors":[]')).length;
  console.log(`prepro process: ${outputLines.length} entries in ${seconds.toFixed(2)} s (including startup) = ${Math.round(outputLines.length / seconds)} entries/s`);
  if (!Number.isNaN(cpuSeconds)) console.log(`CPU time of the child: ${cpuSeconds.toFixed(2)} s = ${Math.round(outputLines.length / cpuSeconds)} entries per CPU-second`);
  console.log(`peak RSS of the child: ${Number.isNaN(peakKb) ? 'n/a (no /usr/bin/time)' : `${Math.round(peakKb / 1024)} MB`}`);
  console.log(`entries with errors: ${withErrors}; output ${Math.round(statSync(outputFile).size / 1e6)} MB`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'prepro-bench-metadata-'));
  try {
    const spec = processingSpec();
    fixDisplayNameTypes(spec as Record<string, any>);
    const configFile = join(dir, 'config.yaml');
    writeFileSync(configFile, stringify({ organism: 'bench', log_level: 'ERROR', batch_size: 100, segments: [], processing_spec: spec }));
    const inputFile = join(dir, 'in.ndjson');
    writeInput(inputFile);
    console.log(`${ENTRIES} entries, ${Object.keys(spec).length} fields, input ${Math.round(statSync(inputFile).size / 1e6)} MB (${dir})`);
    if (flag('direct')) await direct(configFile, inputFile);
    else viaCli(configFile, inputFile, join(dir, 'out.ndjson'));
  } finally {
    if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
