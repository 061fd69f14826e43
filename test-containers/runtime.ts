/**
 * One probe for a container engine, shared by the container suites. Machines without a Docker
 * engine (this one has only the docker client) must see the suites SKIPPED with the reason, never
 * passed; REQUIRE_CONTAINERS=1 turns the missing engine into a failure (CI with Docker).
 */
import { getContainerRuntimeClient } from 'testcontainers';

export type RuntimeProbe = { available: true; description: string } | { available: false; reason: string };

const PROBE_TIMEOUT_MS = 10_000;

export async function probeContainerRuntime(timeoutMs = PROBE_TIMEOUT_MS): Promise<RuntimeProbe> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const client = await Promise.race([getContainerRuntimeClient(), timeout]);
    const { serverVersion, operatingSystem } = client.info.containerRuntime;
    return { available: true, description: `Docker ${serverVersion} on ${operatingSystem}` };
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    return { available: false, reason: `no Docker engine found (${message})` };
  } finally {
    clearTimeout(timer);
  }
}

export const containersRequired = (): boolean => process.env.REQUIRE_CONTAINERS === '1';

export function skipNotice(reason: string): string {
  return `Container tests skipped: ${reason}. Set REQUIRE_CONTAINERS=1 to fail instead.`;
}
