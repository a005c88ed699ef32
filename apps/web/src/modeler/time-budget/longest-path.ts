/** A step and the working hours it may take. */
export interface BudgetNode {
  id: string;
  hours: number;
}

/** Steps and the flows between them (sequence flows, and host → boundary event). */
export interface BudgetGraph {
  nodes: BudgetNode[];
  edges: [from: string, to: string][];
}

/** The heaviest path and its total. */
export interface BudgetPath {
  hours: number;
  path: string[];
}

/**
 * The path with the largest sum of step hours. Loops (a dossier sent back for rework) are
 * counted once: edges that close a cycle are dropped, so the budget is that of the first pass,
 * which is what the legal time is measured against.
 */
export function longestPath(graph: BudgetGraph): BudgetPath {
  const hours = new Map(graph.nodes.map((node) => [node.id, node.hours]));
  const next = new Map<string, string[]>(graph.nodes.map((node) => [node.id, []]));
  const incoming = new Map<string, number>(graph.nodes.map((node) => [node.id, 0]));
  for (const [from, to] of graph.edges) {
    if (!next.has(from) || !next.has(to)) continue;
    next.get(from)!.push(to);
    incoming.set(to, incoming.get(to)! + 1);
  }
  const roots = graph.nodes.filter((node) => incoming.get(node.id) === 0).map((node) => node.id);
  const order = depthFirstOrder(
    roots.length ? roots : graph.nodes.slice(0, 1).map((n) => n.id),
    next,
    graph.nodes.map((n) => n.id),
  );

  // Memoised "best path from here" over the acyclic part, in reverse finishing order.
  const best = new Map<string, BudgetPath>();
  for (const id of order.finished) {
    let tail: BudgetPath | null = null;
    for (const to of next.get(id)!) {
      if (order.backEdges.has(`${id}\u0000${to}`)) continue;
      const candidate = best.get(to)!;
      if (!tail || candidate.hours > tail.hours) tail = candidate;
    }
    best.set(id, { hours: hours.get(id)! + (tail?.hours ?? 0), path: [id, ...(tail?.path ?? [])] });
  }
  // From a start when there is one, so the path reads from the beginning of the procedure.
  let result: BudgetPath = { hours: 0, path: [] };
  for (const id of roots.length ? roots : best.keys()) {
    const candidate = best.get(id)!;
    if (candidate.hours > result.hours || result.path.length === 0) result = candidate;
  }
  return result;
}

/** Post-order of a DFS (children before parents) and the edges that point back into the stack. */
function depthFirstOrder(roots: string[], next: Map<string, string[]>, all: string[]) {
  const state = new Map<string, 'open' | 'done'>();
  const finished: string[] = [];
  const backEdges = new Set<string>();
  const visit = (start: string) => {
    // Iterative, so a long procedure cannot overflow the stack.
    const stack: { id: string; index: number }[] = [{ id: start, index: 0 }];
    state.set(start, 'open');
    while (stack.length) {
      const frame = stack[stack.length - 1];
      const children = next.get(frame.id)!;
      if (frame.index < children.length) {
        const child = children[frame.index++];
        const seen = state.get(child);
        if (seen === 'open') backEdges.add(`${frame.id}\u0000${child}`);
        else if (!seen) {
          state.set(child, 'open');
          stack.push({ id: child, index: 0 });
        }
      } else {
        state.set(frame.id, 'done');
        finished.push(frame.id);
        stack.pop();
      }
    }
  };
  for (const root of roots) if (!state.has(root)) visit(root);
  for (const id of all) if (!state.has(id)) visit(id);
  return { finished, backEdges };
}
