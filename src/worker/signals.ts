/**
 * Shutdown signals (conventions.md §4). First SIGTERM/SIGINT/SIGHUP: drain (stop extracting,
 * finish the batch in hand). A later signal — ignored within the first 3 s, which are often
 * the same Ctrl-C repeated — or the end of the grace period: force. SIGPIPE is no shutdown.
 */
import type { Logger } from 'pino';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];
const REPEAT_IGNORE_MS = 3000;

export function installShutdownHandlers(target: { stop(reason?: string): void }, options: { graceSeconds: number; logger: Logger }): () => void {
  let firstAt = 0;
  let graceTimer: NodeJS.Timeout | null = null;
  const handler = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (firstAt === 0) {
      firstAt = now;
      options.logger.info({ signal, graceSeconds: options.graceSeconds }, 'shutdown signal received; draining');
      target.stop(`signal ${signal}`);
      graceTimer = setTimeout(() => {
        options.logger.warn({ graceSeconds: options.graceSeconds }, 'grace period over; forcing shutdown');
        target.stop('grace period over');
      }, options.graceSeconds * 1000);
      graceTimer.unref();
      return;
    }
    if (now - firstAt < REPEAT_IGNORE_MS) return;
    target.stop(`second signal ${signal}`);
  };
  for (const signal of SIGNALS) process.on(signal, handler);
  return () => {
    if (graceTimer) clearTimeout(graceTimer);
    for (const signal of SIGNALS) process.off(signal, handler);
  };
}
