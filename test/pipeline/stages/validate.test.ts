import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { createValidateStage } from '../../../src/pipeline/stages/validate.js';
import { newWork } from '../../../src/pipeline/pipeline.js';
import { loadConfig } from '../../../src/config/load.js';
import { silentLogger } from '../../../src/shared/logger.js';
import type { UnprocessedEntry } from '../../../src/contract/entries.js';

const RAW_READS = [{ fileId: 'f1', name: 'reads_1.fastq', url: 'https://s3/reads_1?sig=x' }, { fileId: 'f2', name: 'reads_2.fastq', url: 'https://s3/reads_2?sig=y' }];

function entry(files: UnprocessedEntry['files']): UnprocessedEntry {
  return { accession: 'LOC_1', version: 1, submissionId: 's', submitter: 'u', groupId: 1, submittedAt: 1700000000, metadata: {}, unalignedNucleotideSequences: {}, files };
}

async function validate(files: UnprocessedEntry['files'], flags: Record<string, string> = {}) {
  const { config } = loadConfig({ env: {}, flags });
  const work = newWork(entry(files));
  await createValidateStage(config).run([work], { signal: new AbortController().signal, logger: silentLogger() });
  return work;
}

async function service(handler: (body: unknown) => { status: number; body: unknown }) {
  const app = Fastify();
  const requests: unknown[] = [];
  app.post('/process-files', async (request, reply) => {
    requests.push(request.body);
    const { status, body } = handler(request.body);
    return reply.code(status).send(body);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, requests, close: () => app.close() };
}

test('without a service URL, raw reads get the "not configured" internal error and no request is made', async () => {
  const work = await validate({ rawReads: RAW_READS });
  assert.deepEqual(work.output.errors.map((e) => e.message), ['Internal Error. Raw reads processing service URL is not configured. Please contact the administrator.']);
  assert.deepEqual(work.output.data.files, { rawReads: RAW_READS }, 'files passed through unchanged');
});

test('any other submitted file category is an error on the entry', async () => {
  const work = await validate({ annotations: [{ fileId: 'a', name: 'x.embl' }], myCategory: [] });
  assert.deepEqual(work.output.errors.map((e) => [e.processedFields[0]!.name, e.message]), [['annotations', "File category 'annotations' is enabled but not supported by preprocessing."]]);
});

test('the service gets the files and accession version; its findings become File errors', async () => {
  const svc = await service(() => ({ status: 200, body: { errors: [{ fileNames: ['reads_1.fastq', 'reads_2.fastq'], message: 'Reads are not paired.' }] } }));
  try {
    const work = await validate({ rawReads: RAW_READS }, { raw_reads_processing_service_url: svc.url });
    assert.deepEqual(svc.requests, [{ files: RAW_READS, accessionVersion: 'LOC_1.1' }]);
    assert.deepEqual(work.output.errors.map((e) => ({ field: e.processedFields[0], message: e.message })), [
      { field: { name: 'reads_1.fastq, reads_2.fastq', type: 'File' }, message: 'Reads are not paired.' },
    ]);
  } finally {
    await svc.close();
  }
});

test('an answer with no errors, or {}, adds nothing', async () => {
  for (const body of [{ errors: [] }, {}]) {
    const svc = await service(() => ({ status: 200, body }));
    try {
      assert.deepEqual((await validate({ rawReads: RAW_READS }, { raw_reads_processing_service_url: svc.url })).output.errors, []);
    } finally {
      await svc.close();
    }
  }
});

test('a failing or unreachable service is an internal error on that entry only, after bounded retries', async () => {
  let calls = 0;
  const failing = await service(() => {
    calls++;
    return { status: 500, body: { detail: 'boom' } };
  });
  try {
    const work = await validate({ rawReads: RAW_READS }, { raw_reads_processing_service_url: failing.url });
    assert.equal(calls, 3, 'first try and two retries');
    assert.match(work.output.errors[0]!.message, /^Internal Error\. Raw reads processing service failed: .*boom.* Please contact the administrator\.$/);
  } finally {
    await failing.close();
  }
  const refusing = await service(() => ({ status: 400, body: { detail: 'bad' } }));
  try {
    const work = await validate({ rawReads: RAW_READS }, { raw_reads_processing_service_url: refusing.url });
    assert.equal(refusing.requests.length, 1, '4xx is not retried');
    assert.equal(work.output.errors[0]!.message, 'Internal Error. Raw reads processing service failed. Please contact the administrator.');
  } finally {
    await refusing.close();
  }
  const work = await validate({ rawReads: RAW_READS }, { raw_reads_processing_service_url: 'http://127.0.0.1:9' });
  assert.match(work.output.errors[0]!.message, /^Internal Error\. Raw reads processing request failed: /);
});
