#!/usr/bin/env node
// Container health check: exit 0 when the URL answers 2xx within the timeout, 1 otherwise.
// Used by the Dockerfile HEALTHCHECK and docker-compose (Kubernetes uses its own httpGet probes).
// Node only, no curl/wget needed, so it also works on shell-less images.
//
//   node scripts/healthcheck.mjs                 # http://127.0.0.1:$PREPROCESSING_HEALTH_PORT/livez
//   node scripts/healthcheck.mjs http://127.0.0.1:8079/some/path
//
// Environment: PREPROCESSING_HEALTH_PORT (default 9090), HEALTHCHECK_TIMEOUT_MS (default 3000).
import http from 'node:http';

const port = process.env.PREPROCESSING_HEALTH_PORT || '9090';
const url = process.argv[2] || `http://127.0.0.1:${port}/livez`;
const timeoutMs = Number(process.env.HEALTHCHECK_TIMEOUT_MS) || 3000;

const request = http.get(url, { timeout: timeoutMs }, (response) => {
  response.resume(); // the body is irrelevant; drain it so the socket closes
  const ok = response.statusCode !== undefined && response.statusCode >= 200 && response.statusCode < 300;
  if (!ok) console.error(`healthcheck: ${url} answered ${response.statusCode}`);
  process.exit(ok ? 0 : 1);
});
request.on('timeout', () => {
  console.error(`healthcheck: ${url} did not answer within ${timeoutMs} ms`);
  request.destroy();
  process.exit(1);
});
request.on('error', (error) => {
  console.error(`healthcheck: ${url} unreachable: ${error.message}`);
  process.exit(1);
});
