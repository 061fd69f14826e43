/** Synthetic submissions for the metadata-only organism: valid ones, with a deterministic mix of warnings and errors. */
import type { SeedEntry } from '../../src/mock-backend/index.js';

const COUNTRIES = ['Brazil', 'Canada', 'Germany', 'India', 'Kenya', 'Peru', 'Switzerland'];

/** Entry i; every 97th has an unparseable date (an error), every 53rd an unknown country (a warning), unless `clean`. */
export function metadataEntry(i: number, clean = false): SeedEntry {
  const day = String((i % 28) + 1).padStart(2, '0');
  return {
    submissionId: `sub-${i}`,
    metadata: {
      sampleCollectionDate: i % 97 === 0 && !clean ? 'not a date' : `2024-0${(i % 9) + 1}-${day}`,
      geoLocCountry: i % 53 === 0 && !clean ? 'Atlantis' : COUNTRIES[i % COUNTRIES.length]!,
      hostAge: String(i % 90),
      ctValue: i % 2 ? String(20 + (i % 15)) : `${20 + (i % 15)}.5`,
      authors: 'Doe, Jane; Smith, John',
      specimenCollectorSampleId: `sample-${i}`,
    },
    sequences: {},
  };
}

export function metadataEntries(count: number, offset = 0): SeedEntry[] {
  return Array.from({ length: count }, (_, i) => metadataEntry(offset + i));
}
