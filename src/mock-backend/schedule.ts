/** Periodic background tasks of the mock (the backend's scheduled tasks). */

/**
 * Runs `task` every `intervalSeconds` (> 0) on an unref'd timer, so it never keeps a process
 * alive; returns a stop function. The backend's own schedules: stale reset every 60 s,
 * pipeline-version upgrade check every 10 s.
 */
export function every(intervalSeconds: number, task: () => void): () => void {
  const timer = setInterval(task, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
