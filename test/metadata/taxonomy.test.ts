/**
 * Host functions against a local taxonomy service (preprocessing-config.md §8.8
 * `test_host_name_validation.py`): lookups, caching, INSDC warnings, and a service that is down
 * or failing (per-entry internal error, retries on 5xx).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { compileProcessingSpec } from '../../src/metadata/compile.js';
import { createTaxonomyClient } from '../../src/metadata/taxonomy.js';
import { configFrom, makeEntry, referenceTests, run, summary, yamlConfig } from './helpers.js';

const AEDES = { tax_id: 7159, scientific_name: 'Aedes aegypti', depth: 30 };
const AEDES_CHILD = { tax_id: 999001, scientific_name: 'Aedes aegypti', depth: 31 };

let server: FastifyInstance;
let baseUrl = '';
const calls: string[] = [];
let failuresLeft = 0;

before(async () => {
  server = Fastify();
  server.addHook('onRequest', async (request, reply) => {
    calls.push(request.url);
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      await reply.code(503).send({ detail: 'try later' });
    }
  });
  server.get('/taxa/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { find_common_name: common } = request.query as { find_common_name?: string };
    if (id !== '7159') return reply.code(404).send({ detail: 'not found' });
    return common === 'true' ? { ...AEDES, common_name: 'yellow fever mosquito' } : AEDES;
  });
  server.get('/taxa', async (request) => {
    const { scientific_name: name } = request.query as { scientific_name?: string };
    return name === 'Aedes aegypti' ? [AEDES_CHILD, AEDES] : [];
  });
  baseUrl = await server.listen({ host: '127.0.0.1', port: 0 });
});

after(async () => {
  await server.close();
});

const raw = yamlConfig(resolve(referenceTests, 'host_processing_config.yaml'));

function compiledWith(url: string) {
  const taxonomy = createTaxonomyClient({ baseUrl: url, backoffFactorSeconds: 0.001, timeoutMs: 2000 });
  return compileProcessingSpec(configFrom({ ...raw, taxonomy_service_url: url }), { taxonomy });
}

describe('host validation (host_processing_config.yaml)', () => {
  test('numeric host, direct submission: 2 HTTP calls (the second /taxa/7159 is cached)', async () => {
    calls.length = 0;
    const outcome = await run(compiledWith(baseUrl), makeEntry({ host: '7159' }));
    assert.deepEqual(outcome.metadata, { hostNameScientific: 'Aedes aegypti', hostNameCommon: 'yellow fever mosquito', hostTaxonId: '7159' });
    assert.deepEqual(outcome.errors, []);
    assert.deepEqual(outcome.warnings, []);
    assert.equal(calls.length, 2);
  });

  test('scientific name, INSDC: most general match, 3 HTTP calls', async () => {
    calls.length = 0;
    const outcome = await run(compiledWith(baseUrl), makeEntry({ host: 'Aedes aegypti' }, { groupId: 1 }));
    assert.deepEqual(outcome.metadata, { hostNameScientific: 'Aedes aegypti', hostNameCommon: 'yellow fever mosquito', hostTaxonId: '7159' });
    assert.equal(calls.length, 3);
  });

  test('legacy fields only: nulls, no annotations, no HTTP call', async () => {
    calls.length = 0;
    const outcome = await run(compiledWith(baseUrl), makeEntry({ hostNameScientific: 'Aedes aegypti', hostTaxonId: '7159' }));
    assert.deepEqual(outcome.metadata, { hostNameScientific: null, hostNameCommon: null, hostTaxonId: null });
    assert.deepEqual([...outcome.errors, ...outcome.warnings], []);
    assert.equal(calls.length, 0);
  });

  test('invalid host: warning for INSDC, error for direct submissions', async () => {
    const insdc = await run(compiledWith(baseUrl), makeEntry({ host: 'Dragon' }, { groupId: 1 }));
    assert.deepEqual(insdc.metadata, { hostNameScientific: null, hostNameCommon: null, hostTaxonId: null });
    assert.deepEqual(summary(insdc.warnings), ["hostTaxonId: Host validation for 'Dragon' failed."]);
    assert.deepEqual(insdc.errors, []);
    const direct = await run(compiledWith(baseUrl), makeEntry({ host: 'Dragon' }));
    assert.deepEqual(summary(direct.errors), ["hostTaxonId: Host validation for 'Dragon' failed."]);
    assert.deepEqual(direct.warnings, []);
  });

  test('5xx responses are retried', async () => {
    calls.length = 0;
    failuresLeft = 2;
    const outcome = await run(compiledWith(baseUrl), makeEntry({ host: '7159' }));
    assert.equal(outcome.metadata.hostTaxonId, '7159');
    assert.equal(calls.length, 4);
  });

  test('unknown taxon id: scientific name is an error for direct submissions, common name only ever a warning', async () => {
    const spec = {
      processing_spec: {
        scientific: { function: 'scientific_name_from_id', inputs: { hostTaxonId: 'hostTaxonId' } },
        common: { function: 'common_name_from_id', inputs: { hostTaxonId: 'hostTaxonId' } },
      },
    };
    const taxonomy = createTaxonomyClient({ baseUrl, backoffFactorSeconds: 0.001, timeoutMs: 2000 });
    const compiled = compileProcessingSpec(configFrom({ ...spec, taxonomy_service_url: baseUrl }), { taxonomy });
    const direct = await run(compiled, makeEntry({ hostTaxonId: '12345' }));
    assert.deepEqual(direct.metadata, { scientific: null, common: null });
    assert.deepEqual(summary(direct.errors), ["scientific: Could not map '12345' to scientific name."]);
    assert.deepEqual(summary(direct.warnings), ["common: Could not map '12345' to common name."]);
    const insdc = await run(compiled, makeEntry({ hostTaxonId: '12345' }, { groupId: 1 }));
    assert.deepEqual(insdc.errors, []);
    assert.deepEqual(summary(insdc.warnings), ["common: Could not map '12345' to common name.", "scientific: Could not map '12345' to scientific name."]);
  });

  test('5xx beyond the retry bound: internal error on that entry after 1 + 5 attempts', async () => {
    calls.length = 0;
    failuresLeft = 100;
    try {
      const outcome = await run(compiledWith(baseUrl), makeEntry({ host: '7159' }));
      assert.deepEqual(outcome.metadata, { hostNameScientific: null, hostNameCommon: null, hostTaxonId: null });
      assert.deepEqual(summary(outcome.errors), [
        'hostTaxonId: Internal Error. Taxonomy service kept failing with status 503 for /taxa/7159. Please contact the administrator.',
      ]);
      assert.equal(outcome.errors[0].category, 'internal');
      assert.equal(calls.length, 6);
    } finally {
      failuresLeft = 0;
    }
  });

  test('service down: internal error on that entry, nothing thrown', async () => {
    const probe = Fastify();
    const deadUrl = await probe.listen({ host: '127.0.0.1', port: 0 });
    await probe.close();
    const outcome = await run(compiledWith(deadUrl), makeEntry({ host: '7159' }));
    assert.deepEqual(outcome.metadata, { hostNameScientific: null, hostNameCommon: null, hostTaxonId: null });
    assert.equal(outcome.errors.length, 1);
    assert.match(outcome.errors[0].message, /^Internal Error\. Network error while requesting \/taxa\/7159 from the taxonomy service: .*Please contact the administrator\.$/);
    assert.equal(outcome.errors[0].category, 'internal');
  });

  test('concurrent lookups of the same taxon share one request', async () => {
    calls.length = 0;
    const client = createTaxonomyClient({ baseUrl, backoffFactorSeconds: 0.001 });
    const taxa = await Promise.all(Array.from({ length: 10 }, () => client.byId('7159')));
    assert.ok(taxa.every((t) => t?.scientificName === 'Aedes aegypti'));
    assert.deepEqual(calls, ['/taxa/7159']);
    await client.byId('7159');
    assert.equal(calls.length, 1, 'then answered from the cache');
  });
});
