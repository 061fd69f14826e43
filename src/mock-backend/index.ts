/** Public entry point of the mock Loculus backend. */
export { startMockBackend, createMockBackendApp, type MockBackend, type MockBackendOptions } from './server.js';
export { loadBackendConfigFile } from './config-file.js';
export { seedEntriesFromFiles } from './seed-files.js';
export { entriesFromTsvAndFasta, parseFasta, parseSeedNdjson, SeedError, type SeedEntry } from './seeding.js';
export { accessionFromNumber, isValidAccession, luhnMod34CheckCharacter } from './accession.js';
export { STREAM_ERROR_PREFIX, type Fault, type FaultInput } from './faults.js';
export { READ_ONLY_DETAIL } from './problem.js';
export { TOKEN_PATH } from './token-route.js';
export { DEFAULT_USERS, PIPELINE_ROLE, type MockUser } from './auth.js';
export type { MockStore, SequenceEntry, PreprocessedRow } from './store.js';
