/**
 * No high or critical advisories in the production dependencies (`npm audit --omit=dev
 * --audit-level=high`). Needs the registry's audit endpoint: when it cannot be reached, the test
 * is skipped with the reason, never passed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { repoRoot } from '../../bench/lib/worker-process.js';

interface AuditReport {
  error?: { code?: string; summary?: string; detail?: string };
  message?: string;
  statusCode?: number;
  metadata?: { vulnerabilities?: Record<string, number> };
}

test('npm audit: production dependencies free of high-severity advisories', { timeout: 90_000 }, (t) => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
  if (run.error) {
    t.skip(`npm audit could not run: ${run.error.message}`);
    return;
  }
  let report: AuditReport;
  try {
    report = JSON.parse(run.stdout) as AuditReport;
  } catch {
    t.skip(`npm audit gave no report (exit ${run.status}): ${run.stderr.trim().split('\n').pop()}`);
    return;
  }
  if (!report.metadata?.vulnerabilities) {
    const why = report.message ?? report.error?.summary ?? report.error?.code ?? `exit ${run.status}`;
    t.skip(`the registry's audit endpoint could not be used: ${why}`);
    return;
  }
  const { high = 0, critical = 0 } = report.metadata.vulnerabilities;
  assert.equal(high + critical, 0, `high: ${high}, critical: ${critical}\n${run.stdout.slice(0, 4000)}`);
});
