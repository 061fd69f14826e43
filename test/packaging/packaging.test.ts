/**
 * The container and deployment files name only things that exist: every file they copy, every
 * npm script and file they run, every config key they set through the environment, and the
 * compiled CLI entry point's source. Nothing here needs a Docker engine.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { ConfigSchema } from '../../src/config/schema.js';
import { copiesOf, execForm, readInstructions } from './dockerfile.js';
import { isIgnored, readIgnorePatterns } from './dockerignore.js';
import { filesIn, missingFiles, npmScriptsIn, reachableScripts, sourceOf } from './commands.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const exists = (path: string): boolean => existsSync(join(repoRoot, path));
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string>; bin: Record<string, string> };
const configKeys = new Set(Object.keys(ConfigSchema.shape));

type Yaml = Record<string, any>;
const readYaml = (path: string): Yaml => parse(read(path), { version: '1.1' }) as Yaml;

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(repoRoot, rel)).sort()) {
      const path = `${rel}/${name}`;
      if (statSync(join(repoRoot, path)).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** `PREPROCESSING_<KEY>` or `PREPROCESSING_<KEY>_FILE` must name a config key. */
function unknownEnvKeys(env: Record<string, unknown>): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith('PREPROCESSING_'))
    .filter((name) => {
      const key = name.slice('PREPROCESSING_'.length).toLowerCase();
      return !configKeys.has(key) && !(key.endsWith('_file') && configKeys.has(key.slice(0, -'_file'.length)));
    });
}

function assertScriptsExist(commands: string[], where: string): void {
  const names = commands.flatMap(npmScriptsIn);
  const { found, missing } = reachableScripts(packageJson.scripts, names);
  assert.deepEqual(missing, [], `${where} runs npm scripts that package.json lacks`);
  const files = [...commands, ...found.map((n) => packageJson.scripts[n])].flatMap(filesIn);
  assert.deepEqual(missingFiles(repoRoot, files), [], `${where} (and the npm scripts it runs) name missing files`);
}

describe('Dockerfile', () => {
  const instructions = readInstructions(read('Dockerfile'));
  const ignore = readIgnorePatterns(read('.dockerignore'));

  it('copies only files that exist and that .dockerignore lets into the build context', () => {
    const contextSources = copiesOf(instructions).filter((c) => c.from === null).flatMap((c) => c.sources);
    assert.ok(contextSources.length > 0);
    for (const source of contextSources) {
      assert.ok(exists(source), `COPY ${source}: missing`);
      assert.ok(!isIgnored(source, ignore), `COPY ${source}: excluded by .dockerignore`);
    }
  });

  it('copies build outputs that the build stage produces', () => {
    const fromBuild = copiesOf(instructions).filter((c) => c.from === 'build').flatMap((c) => c.sources);
    assert.ok(fromBuild.includes('/app/dist/'), 'runtime gets dist/');
    assert.ok(fromBuild.includes('/app/build/'), 'runtime gets build/ (WebAssembly)');
    // dist/ is where tsc writes (tsconfig outDir, rootDir "." so src/x.ts → dist/src/x.js).
    const tsconfig = JSON.parse(read('tsconfig.json')) as { compilerOptions: { outDir: string; rootDir: string } };
    assert.equal(tsconfig.compilerOptions.outDir, 'dist');
    assert.equal(tsconfig.compilerOptions.rootDir, '.');
    assert.match(read('tsconfig.build.json'), /src\/\*\*\/\*\.ts/);
    // build/ is where the WebAssembly build writes.
    assert.ok(exists('scripts/build-wasm.mjs'), 'scripts/build-wasm.mjs exists');
    assert.match(read('scripts/build-wasm.mjs'), /['"`/]build\b/, 'build-wasm.mjs writes under build/');
  });

  it('runs npm scripts and files that exist', () => {
    const runs = instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    assertScriptsExist(runs, 'Dockerfile RUN');
    assert.ok(runs.some((r) => /npm ci --omit=dev/.test(r)), 'production dependencies installed with --omit=dev');
  });

  it('starts the compiled CLI, whose TypeScript source exists, with the Helm chart config path', () => {
    const cmd = execForm(instructions.find((i) => i.keyword === 'CMD')!.args);
    assert.deepEqual(cmd, ['node', 'dist/src/cli/main.js', 'run', '--config', '/etc/config/preprocessing-config.yaml']);
    assert.ok(exists(sourceOf(cmd![1])), `${sourceOf(cmd![1])} exists`);
    assert.equal(packageJson.bin.prepro, cmd![1], 'package bin and image CMD agree');
    // `prepro` on PATH points at the same entry point (the Loculus chart runs `prepro ...`).
    assert.match(read('Dockerfile'), /exec node \/app\/dist\/src\/cli\/main\.js "\$@"\\n' > \/usr\/local\/bin\/prepro/);
  });

  it('runs as a non-root user with production settings, a health check, the metrics port and a cache volume', () => {
    const last = (keyword: string): string | undefined =>
      instructions.filter((i) => i.keyword === keyword && i.stage === 'runtime').pop()?.args;
    assert.equal(last('USER'), 'node');
    assert.match(last('ENV') ?? '', /NODE_ENV=production/);
    assert.equal(last('EXPOSE'), '9090');
    assert.match(last('VOLUME') ?? '', /\/var\/cache\/prepro/);
    const health = execForm(last('HEALTHCHECK') ?? '');
    assert.deepEqual(health, ['node', 'scripts/healthcheck.mjs']);
    assert.ok(exists('scripts/healthcheck.mjs'));
    assert.ok(!instructions.some((i) => i.keyword === 'ENTRYPOINT'), 'no ENTRYPOINT: Kubernetes args replace CMD');
    const froms = instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args);
    assert.ok(froms.every((f) => f.startsWith('${NODE_IMAGE}')), 'one base image for every stage');
    assert.match(read('Dockerfile'), /ARG NODE_IMAGE=node:(22|24)-[\w-]*slim/);
  });
});

describe('runtime dependencies', () => {
  it('every package that src/ imports is a production dependency (the image omits dev dependencies)', () => {
    const manifest = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    const production = new Set(Object.keys(manifest.dependencies));
    const files = readdirSync(join(repoRoot, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    const misplaced = new Set<string>();
    for (const file of files) {
      const text = read(`src/${file}`);
      // Value imports only: `import type` is erased by tsc and needs nothing at run time.
      for (const match of text.matchAll(/^\s*(?:import(?!\s+type\b)[^'"]*?from\s*|export\s+[^'"]*?from\s*|import\s*\(\s*)['"]([^'"]+)['"]/gm)) {
        const specifier = match[1];
        if (specifier.startsWith('.') || specifier.startsWith('node:')) continue;
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
        if (!production.has(name)) misplaced.add(`${name} (src/${file})`);
      }
    }
    assert.deepEqual([...misplaced], []);
  });
});

describe('docker-compose.yml', () => {
  // Compose reads YAML 1.2 (where `.` is a string, not 1.1's NaN) and resolves `<<` merge keys.
  const compose = parse(read('docker-compose.yml'), { merge: true }) as Yaml;
  const services = compose.services as Yaml;
  const demo = readYaml('config/demo.yaml');

  it('builds from this repository and names only existing files', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.profiles) continue; // optional extras (monitoring) use upstream images
      assert.equal(service.build, '.', `${name} builds the local Dockerfile`);
      const command = (service.command ?? []) as string[];
      assert.deepEqual(missingFiles(repoRoot, filesIn(command.join(' '))), [], `${name} command`);
      for (const volume of (service.volumes ?? []) as string[]) {
        const host = volume.split(':')[0];
        if (host.startsWith('./')) assert.ok(exists(host), `${name} mounts ${host}`);
      }
      const test = (service.healthcheck?.test ?? []) as string[];
      assert.ok(test.includes('scripts/healthcheck.mjs'), `${name} has a node health check`);
    }
    for (const secret of Object.values(compose.secrets ?? {}) as Yaml[]) assert.ok(exists(secret.file));
    for (const volume of (services.prometheus?.volumes ?? []) as string[]) assert.ok(exists(volume.split(':')[0]));
  });

  it('runs a seeded mock backend and two worker replicas pointed at it', () => {
    const mock = services['mock-backend'];
    assert.deepEqual(mock.command.slice(0, 2), ['prepro', 'mock-backend']);
    assert.ok(mock.command.includes('reference/demo-submissions.ndjson'));
    assert.equal(mock.command[mock.command.indexOf('--host') + 1], '0.0.0.0', 'reachable from the workers');
    assert.equal(mock.command[mock.command.indexOf('--port') + 1], '8079');
    const worker = services.worker;
    assert.equal(worker.deploy.replicas, 2);
    assert.equal(worker.depends_on['mock-backend'].condition, 'service_healthy');
    assert.equal(worker.environment.PREPROCESSING_BACKEND_HOST, `http://mock-backend:8079/${demo.organism}`);
    assert.equal(worker.environment.PREPROCESSING_KEYCLOAK_HOST, 'http://mock-backend:8079');
    assert.ok(worker.volumes.includes('./config/demo.yaml:/etc/config/preprocessing-config.yaml:ro'));
    assert.ok((worker.ports as string[]).includes('9090'), 'metrics port published');
    assert.deepEqual(unknownEnvKeys(worker.environment), []);
    // The dataset directory the worker is pointed at exists in the image (copied from reference/).
    assert.equal(worker.environment.PREPROCESSING_NEXTCLADE_DATASET_SERVER, '/app/reference');
    assert.ok(exists(`reference/${demo.segments[0].references[0].nextclade_dataset_name}/pathogen.json`));
  });

  it("checks the mock backend's health on a route the mock serves", () => {
    const url = (services['mock-backend'].healthcheck.test as string[]).find((t) => t.startsWith('http'))!;
    const route = new URL(url).pathname;
    const sources = readdirSync(join(repoRoot, 'src/mock-backend'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(`src/mock-backend/${f}`));
    assert.ok(sources.some((s) => s.includes(`'${route}'`) || s.includes(`"${route}"`) || s.includes(`\`${route}\``)),
      `src/mock-backend serves ${route}`);
  });
});

describe('Kubernetes manifests and Helm snippet', () => {
  const docs = yamlFilesUnder('deploy').flatMap((path) =>
    parseAllDocuments(read(path), { version: '1.1' }).map((d) => ({ path, doc: d.toJS() as Yaml })),
  );
  const byKind = (kind: string): Yaml[] => docs.filter((d) => d.doc?.kind === kind).map((d) => d.doc);

  it('parse as YAML', () => {
    assert.ok(docs.length >= 4);
    for (const { path, doc } of docs) assert.ok(doc && typeof doc === 'object', `${path} holds a mapping`);
  });

  it('list only existing files in the kustomization', () => {
    for (const resource of readYaml('deploy/kubernetes/kustomization.yaml').resources as string[]) {
      assert.ok(exists(`deploy/kubernetes/${resource}`), resource);
    }
  });

  it('ship a preprocessing config that validates and names an existing dataset', () => {
    for (const map of byKind('ConfigMap')) {
      const config = ConfigSchema.parse(parse(map.data['preprocessing-config.yaml'], { version: '1.1' }));
      assert.equal(config.health_port, 9090);
      const dataset = config.segments[0].references![0].nextclade_dataset_name;
      assert.equal(config.nextclade_dataset_server, '/app/reference');
      assert.ok(exists(`reference/${dataset}/reference.fasta`));
    }
  });

  it('run one Deployment per pipeline version with the config mounted as the Loculus chart mounts it', () => {
    const deployments = byKind('Deployment');
    assert.ok(deployments.length >= 1);
    const configMaps = new Map(byKind('ConfigMap').map((m) => [m.metadata.name, m]));
    const versions = new Set<string>();
    for (const deployment of deployments) {
      const pod = deployment.spec.template.spec;
      const container = pod.containers[0];
      const args = container.args as string[];
      const version = args.find((a) => a.startsWith('--pipeline-version='))!.split('=')[1];
      assert.ok(!versions.has(version), 'one Deployment per pipeline version');
      versions.add(version);
      assert.equal(deployment.metadata.labels['loculus.org/pipeline-version'], version);
      assert.equal(args[0], 'prepro', 'same command shape as the chart: prepro on PATH');
      assert.ok(args.includes('--config=/etc/config/preprocessing-config.yaml'));
      assert.ok(!args.some((a) => /password/i.test(a)), 'no secret in process arguments');

      const mount = (container.volumeMounts as Yaml[]).find((m) => m.mountPath === '/etc/config')!;
      const volume = (pod.volumes as Yaml[]).find((v) => v.name === mount.name)!;
      const configMap = configMaps.get(volume.configMap.name);
      assert.ok(configMap, `ConfigMap ${volume.configMap.name} is defined`);
      assert.ok('preprocessing-config.yaml' in configMap.data);

      const password = (container.env as Yaml[]).find((e) => e.name === 'PREPROCESSING_KEYCLOAK_PASSWORD')!;
      assert.ok(password.valueFrom.secretKeyRef, 'password from a Secret');
      assert.deepEqual(unknownEnvKeys(Object.fromEntries((container.env as Yaml[]).map((e) => [e.name, e.value]))), []);

      const port = (container.ports as Yaml[]).find((p) => p.name === 'metrics')!;
      assert.equal(port.containerPort, 9090);
      assert.equal(container.livenessProbe.httpGet.path, '/livez');
      assert.equal(container.readinessProbe.httpGet.path, '/readyz');
      assert.ok(container.startupProbe.httpGet.path);
      for (const probe of [container.livenessProbe, container.readinessProbe, container.startupProbe]) {
        assert.equal(probe.httpGet.port, 'metrics');
      }
      assert.ok(container.resources.requests.memory && container.resources.limits.memory);
      const config = ConfigSchema.parse(parse(configMap.data['preprocessing-config.yaml'], { version: '1.1' }));
      assert.ok(pod.terminationGracePeriodSeconds > config.shutdown_grace_seconds, 'grace period covers the drain');
      assert.equal(pod.securityContext.runAsNonRoot, true);
    }
  });

  it("uses the Loculus chart's preprocessing values shape with valid config files", () => {
    const values = readYaml('deploy/helm-values-snippet.yaml');
    for (const [organism, settings] of Object.entries(values.organisms as Yaml)) {
      const entries = settings.preprocessing as Yaml[];
      assert.equal(new Set(entries.map((e) => e.version)).size, entries.length, 'distinct pipeline versions');
      for (const entry of entries) {
        assert.deepEqual(entry.args, ['prepro']);
        assert.ok(entry.image);
        const result = ConfigSchema.safeParse({ organism, ...entry.configFile });
        assert.ok(result.success, JSON.stringify(result.error?.issues));
      }
    }
  });

  it('probe routes are served by the health server', () => {
    const sources = readdirSync(join(repoRoot, 'src'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(`src/${f}`));
    for (const route of ['/livez', '/readyz', '/metrics']) {
      assert.ok(sources.some((s) => s.includes(`'${route}'`)), `some file in src/ serves ${route}`);
    }
  });
});

describe('CI script', () => {
  it('runs npm scripts and files that exist', (t) => {
    if (!exists('.ci/run')) {
      t.skip('.ci/run does not exist yet');
      return;
    }
    assertScriptsExist(read('.ci/run').split('\n').filter((l) => !l.trimStart().startsWith('#')), '.ci/run');
  });
});

describe('config files', () => {
  it('all YAML under config/ parses', () => {
    for (const path of yamlFilesUnder('config')) assert.doesNotThrow(() => readYaml(path), path);
  });

  it('config/example.yaml documents every top-level key with its default', () => {
    const example = readYaml('config/example.yaml');
    const missing = [...configKeys].filter((k) => !(k in example));
    assert.deepEqual(missing, [], 'keys of src/config/schema.ts missing from config/example.yaml');
    const withoutNulls = (o: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));
    assert.deepEqual(withoutNulls(ConfigSchema.parse(example)), withoutNulls(ConfigSchema.parse({})));
  });
});
