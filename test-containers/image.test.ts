/**
 * The container image, built and run for real: a mock backend seeded with the demo submissions
 * and two workers (one started the way the Loculus Helm chart starts it) process every entry,
 * expose health and metrics, and drain on SIGTERM.
 *
 * Run with `npm run test:containers`. Needs a Docker engine; without one every test is reported
 * as SKIPPED with the reason (REQUIRE_CONTAINERS=1 makes that a failure instead).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  GenericContainer,
  Network,
  Wait,
  getContainerRuntimeClient,
  type StartedNetwork,
  type StartedTestContainer,
} from 'testcontainers';
import { containersRequired, probeContainerRuntime, skipNotice } from './runtime.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const IMAGE = 'loculus-prepro:container-test';
const ORGANISM = 'demo-virus';
const MOCK_PORT = 8079;
const HEALTH_PORT = 9090;
const PROCESS_ALL_TIMEOUT_MS = 5 * 60_000;

const probe = await probeContainerRuntime();
const skip = probe.available || containersRequired() ? false : skipNotice(probe.reason);
if (skip) process.stderr.write(`${skip}\n`);

interface MockState {
  organisms: Record<string, { entries: number; statuses: Record<'RECEIVED' | 'IN_PROCESSING' | 'PROCESSED', number> }>;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  assert.equal(response.status, 200, `${url} answered ${response.status}`);
  return (await response.json()) as T;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe('container image', { timeout: 20 * 60_000 }, () => {
  let network: StartedNetwork;
  let mock: StartedTestContainer;
  const workers: StartedTestContainer[] = [];
  const mockUrl = (): string => `http://${mock.getHost()}:${mock.getMappedPort(MOCK_PORT)}`;
  const healthUrl = (w: StartedTestContainer): string => `http://${w.getHost()}:${w.getMappedPort(HEALTH_PORT)}`;

  const workerEnvironment = {
    PREPROCESSING_BACKEND_HOST: `http://mock-backend:${MOCK_PORT}/${ORGANISM}`,
    PREPROCESSING_KEYCLOAK_HOST: `http://mock-backend:${MOCK_PORT}`,
    PREPROCESSING_NEXTCLADE_DATASET_SERVER: '/app/reference',
    PREPROCESSING_KEYCLOAK_PASSWORD: 'preprocessing_pipeline',
  };
  const withConfig = (container: GenericContainer): GenericContainer =>
    container
      .withNetwork(network)
      .withEnvironment(workerEnvironment)
      .withCopyFilesToContainer([{ source: join(repoRoot, 'config/demo.yaml'), target: '/etc/config/preprocessing-config.yaml' }])
      .withExposedPorts(HEALTH_PORT)
      .withWaitStrategy(Wait.forHttp('/livez', HEALTH_PORT).forStatusCode(200))
      .withStartupTimeout(120_000);

  before(async () => {
    if (skip) return;
    if (!probe.available) {
      assert.fail(`${probe.reason} (REQUIRE_CONTAINERS=1)`);
    }
    await GenericContainer.fromDockerfile(repoRoot).build(IMAGE, { deleteOnExit: false });
    network = await new Network().start();
    mock = await new GenericContainer(IMAGE)
      .withNetwork(network)
      .withNetworkAliases('mock-backend')
      .withCommand([
        'prepro', 'mock-backend',
        '--config', 'config/demo.yaml',
        '--backend-config', 'config/mock-backend-demo.json',
        '--host', '0.0.0.0',
        '--port', String(MOCK_PORT),
        '--seed', 'reference/demo-submissions.ndjson',
      ])
      .withExposedPorts(MOCK_PORT)
      .withWaitStrategy(Wait.forHttp('/_mock/state', MOCK_PORT).forStatusCode(200))
      .start();
  });

  after(async () => {
    for (const worker of workers) await worker.stop({ timeout: 30_000 }).catch(() => undefined);
    await mock?.stop().catch(() => undefined);
    await network?.stop().catch(() => undefined);
  });

  it('runs as a non-root user and answers --version', { skip }, async () => {
    const container = await new GenericContainer(IMAGE)
      .withCommand(['sh', '-c', 'id -u && prepro --version'])
      .withWaitStrategy(Wait.forOneShotStartup())
      .start();
    const logs = await new Promise<string>((resolveLogs, reject) => {
      let text = '';
      container.logs().then((stream) => {
        stream.on('data', (chunk) => (text += chunk.toString()));
        stream.on('end', () => resolveLogs(text));
        stream.on('error', reject);
      }, reject);
    });
    await container.stop().catch(() => undefined);
    const [uid, version] = logs.trim().split('\n');
    assert.notEqual(uid.trim(), '0', 'not root');
    assert.match(version, /\d+\.\d+\.\d+/);
  });

  it('two workers (image default command and Helm-chart style args) process every demo entry', { skip }, async () => {
    workers.push(await withConfig(new GenericContainer(IMAGE)).start());
    workers.push(
      await withConfig(new GenericContainer(IMAGE))
        .withCommand([
          'prepro',
          `--backend-host=http://mock-backend:${MOCK_PORT}/${ORGANISM}`,
          `--keycloak-host=http://mock-backend:${MOCK_PORT}`,
          '--pipeline-version=1',
          '--config=/etc/config/preprocessing-config.yaml',
        ])
        .start(),
    );

    const deadline = Date.now() + PROCESS_ALL_TIMEOUT_MS;
    let state = await getJson<MockState>(`${mockUrl()}/_mock/state`);
    while (state.organisms[ORGANISM].statuses.PROCESSED < state.organisms[ORGANISM].entries && Date.now() < deadline) {
      await sleep(2000);
      state = await getJson<MockState>(`${mockUrl()}/_mock/state`);
    }
    const organism = state.organisms[ORGANISM];
    assert.ok(organism.entries >= 150, `seeded ${organism.entries} entries`);
    assert.deepEqual(organism.statuses, { RECEIVED: 0, IN_PROCESSING: 0, PROCESSED: organism.entries });
  });

  it('workers are ready and expose Prometheus metrics on the health port', { skip }, async () => {
    assert.equal(workers.length, 2, 'workers from the previous test');
    let processedByWorkers = 0;
    for (const worker of workers) {
      const ready = await fetch(`${healthUrl(worker)}/readyz`, { signal: AbortSignal.timeout(5000) });
      assert.equal(ready.status, 200);
      const metrics = await (await fetch(`${healthUrl(worker)}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
      assert.match(metrics, /^loculus_preprocessing_build_info\{/m);
      for (const match of metrics.matchAll(/^loculus_preprocessing_entries_total\{[^}]*\} (\d+)/gm)) {
        processedByWorkers += Number(match[1]);
      }
    }
    assert.ok(processedByWorkers > 0, 'entries counted by the workers');
  });

  it('a worker drains on SIGTERM and exits 0', { skip }, async () => {
    const worker = workers.pop()!;
    const stopped = await worker.stop({ timeout: 30_000, remove: false });
    const client = await getContainerRuntimeClient();
    const container = client.container.getById(stopped.getId());
    const inspected = await client.container.inspect(container);
    await client.container.remove(container, { removeVolumes: true });
    assert.equal(inspected.State.ExitCode, 0);
  });
});
