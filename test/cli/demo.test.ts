import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

test('prepro demo (npm start): every demo submission processed, aligned, translated, QC and clades shown, exit 0', { timeout: 120_000 }, () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo'], { encoding: 'utf8', timeout: 110_000 });
  assert.equal(result.status, 0, result.stderr);
  const out = result.stdout;
  const seeded = Number(/seeded with (\d+) submissions/.exec(out)?.[1]);
  assert.ok(seeded >= 100, out);
  assert.match(out, new RegExp(`entries processed\\s+${seeded} of ${seeded} seeded\\n`));
  assert.ok(Number(/aligned\s+(\d+)/.exec(out)?.[1]) > seeded * 0.9, 'most demo entries align');
  assert.ok(Number(/nucleotide insertions\s+(\d+)/.exec(out)?.[1]) > 0, 'insertions found');
  assert.match(out, /peptides\s+\d+: GP \d+, NP \d+, POL \d+/);
  assert.match(out, /QC status\s+.*good \d+/);
  assert.match(out, /clades\s+A \d+/);
  assert.ok(Number(/with errors\s+(\d+)/.exec(out)?.[1]) > 0, 'the bad demo entries carry errors');
});
