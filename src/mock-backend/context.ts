/** What the mock's routes share: one per server instance, no globals, so tests stay isolated. */
import type { MockUser, TokenIssuer } from './auth.js';
import type { Faults } from './faults.js';
import type { RequestLog } from './request-log.js';
import type { MockStore } from './store.js';
import type { PipelineVersionUpgrader } from './versions.js';

export interface MockContext {
  store: MockStore;
  faults: Faults;
  issuer: TokenIssuer;
  users: MockUser[];
  staticTokens: Record<string, { username: string; roles: string[] }>;
  requestLog: RequestLog;
  upgrader: PipelineVersionUpgrader;
  staleTimeoutSeconds: number;
  /** 0 = sweep before every pipeline request; null = only on demand. */
  sweepIntervalSeconds: number | null;
  /** 0 = check before every extract; null = only on demand. */
  upgradeIntervalSeconds: number | null;
}
