/**
 * Processing order of the spec: a topological order of the `processed.<x>` dependencies
 * (preprocessing-config.md §3.4). Ties keep the config's order so runs are reproducible.
 */

export type OrderResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

export function processingOrder(fields: readonly string[], dependencies: ReadonlyMap<string, ReadonlySet<string>>): OrderResult {
  const remaining = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const field of fields) {
    const deps = [...(dependencies.get(field) ?? [])];
    remaining.set(field, deps.length);
    for (const dep of deps) dependents.set(dep, [...(dependents.get(dep) ?? []), field]);
  }
  const position = new Map(fields.map((field, index) => [field, index]));
  const ready = fields.filter((field) => remaining.get(field) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const next = ready.shift()!;
    order.push(next);
    for (const dependent of dependents.get(next) ?? []) {
      const left = remaining.get(dependent)! - 1;
      remaining.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (order.length === fields.length) return { ok: true, order };
  return { ok: false, cycle: findCycle(fields.filter((field) => !order.includes(field)), dependencies) };
}

/** One cycle among the fields left over, written like Python's graphlib: `['a', 'b', 'a']`. */
function findCycle(stuck: string[], dependencies: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const stuckSet = new Set(stuck);
  const path: string[] = [];
  let node = stuck[0];
  while (!path.includes(node)) {
    path.push(node);
    node = [...(dependencies.get(node) ?? [])].find((dep) => stuckSet.has(dep)) ?? node;
  }
  const cycle = path.slice(path.indexOf(node));
  return [...cycle, node];
}
