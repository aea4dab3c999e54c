import type { AnyStateMachine } from 'xstate';

/** One arrow of an xstate machine's definition: a step from a state, and where it leads (null: it stays). */
export interface MachineEdge {
  readonly from: string;
  readonly action: string;
  readonly to: string | null;
}

/**
 * Every guarded transition in the machine's own definition, in document order: what xstate
 * itself will consider, read back from the built machine rather than from the step tables,
 * so a test can hold the two against each other. The unguarded fallbacks (which only record
 * a refusal) and the `*` wildcard are left out: they never move a matter.
 */
export function machineEdges(machine: AnyStateMachine): MachineEdge[] {
  const edges: MachineEdge[] = [];
  for (const [from, node] of Object.entries(machine.root.states)) {
    for (const [action, transitions] of node.transitions) {
      if (action === '*') continue;
      for (const t of transitions) {
        if (t.guard === undefined) continue;
        edges.push({ from, action, to: t.target?.[0]?.key ?? null });
      }
    }
  }
  return edges;
}

/**
 * For each state the definition reaches from the initial state, a shortest sequence of steps
 * that gets there (breadth first over `machineEdges`, so guards are assumed to pass); a state
 * missing from the answer cannot be reached at all.
 */
export function shortestRoutes(machine: AnyStateMachine): Map<string, readonly string[]> {
  const edges = machineEdges(machine);
  const start = machine.root.initial.target[0]!.key;
  const routes = new Map<string, readonly string[]>([[start, []]]);
  const queue = [start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const edge of edges) {
      if (edge.from !== state || edge.to === null || routes.has(edge.to)) continue;
      routes.set(edge.to, [...routes.get(state)!, edge.action]);
      queue.push(edge.to);
    }
  }
  return routes;
}
