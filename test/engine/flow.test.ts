import { Flow, type FollowQuery } from '../../src/analyzer/engine/flow.js';
import { ts } from '../../src/analyzer/engine/typescript.js';

/**
 * The follower on a graph of its own: each name's identifier stands for a value, the graph says which
 * values it steps to. Answers are "reaches a source"; barriers answer no whatever they reach.
 */
function graphQuery(graph: Record<string, string[]>, options: { sources: string[]; barriers?: string[]; maxDepth?: number }) {
  const names = new Set([...Object.keys(graph), ...Object.values(graph).flat()]);
  const source = ts.createSourceFile('graph.ts', [...names].map((name) => `${name};`).join('\n'), ts.ScriptTarget.Latest, true);
  const nodes = new Map<string, ts.Identifier>();
  for (const statement of source.statements) {
    if (ts.isExpressionStatement(statement) && ts.isIdentifier(statement.expression)) nodes.set(statement.expression.text, statement.expression);
  }
  const flow = new Flow();
  const judged: string[] = [];
  const query: FollowQuery<boolean> = {
    name: 'reaches-source',
    maxDepth: options.maxDepth ?? 10,
    rememberCutAnswers: false,
    isFinal: (found) => found,
    cut: () => false,
    judge: (node, depth) => {
      const name = (node as ts.Identifier).text;
      judged.push(name);
      if (options.sources.includes(name)) return true;
      let found = false;
      for (const next of graph[name] ?? []) {
        if (flow.follow(nodes.get(next)!, query, depth + 1)) {
          found = true;
          break;
        }
      }
      return found && !(options.barriers ?? []).includes(name);
    },
  };
  return { ask: (name: string) => flow.follow(nodes.get(name)!, query, 0), judged };
}

/** Plain reachability, for comparison (barriers stop the way through them). */
function reaches(graph: Record<string, string[]>, from: string, sources: string[], barriers: string[] = []): boolean {
  const seen = new Set<string>();
  const walk = (name: string): boolean => {
    if (sources.includes(name)) return true;
    if (seen.has(name) || barriers.includes(name)) return false;
    seen.add(name);
    return (graph[name] ?? []).some(walk);
  };
  return walk(from);
}

describe('Flow.follow on searches that cuts shape', () => {
  test('a dense graph full of cycles is searched in polynomial steps, with the exact answer', () => {
    // 8 layers of 6 values, each stepping to every value of the next layer and back to the first:
    // without keeping cut answers while they hold, one question judged millions of nodes.
    const layers = 8;
    const width = 6;
    const graph: Record<string, string[]> = {};
    const name = (layer: number, i: number) => `v${layer}_${i}`;
    for (let layer = 0; layer < layers; layer++) {
      for (let i = 0; i < width; i++) {
        const next = layer + 1 < layers ? Array.from({ length: width }, (_, j) => name(layer + 1, j)) : [];
        graph[name(layer, i)] = [...next, name(0, (i + 1) % width)];
      }
    }
    graph.root = Array.from({ length: width }, (_, j) => name(0, j));
    const silent = graphQuery(graph, { sources: ['nowhere'], maxDepth: 20 });
    expect(silent.ask('root')).toBe(false);
    expect(silent.judged.length).toBeLessThan(layers * width * layers * width);

    graph[name(layers - 1, width - 1)] = ['source'];
    const found = graphQuery(graph, { sources: ['source'], maxDepth: 20 });
    expect(found.ask('root')).toBe(true);
    expect(found.judged.length).toBeLessThan(layers * width * layers * width);
  });

  test('an answer cut against a node is not reused once that node is done', () => {
    // root → p (a barrier) → n → x → n (cut: x answers "no" while n is followed), n → s (source).
    // Then root → q → x: n is done and reaches s, so x does too.
    const graph = { root: ['p', 'q'], p: ['n'], n: ['x', 's'], x: ['n'], q: ['x'] };
    const { ask } = graphQuery(graph, { sources: ['s'], barriers: ['p'] });
    expect(ask('root')).toBe(reaches(graph, 'root', ['s'], ['p']));
    expect(ask('root')).toBe(true);
  });

  test('an answer the depth limit shaped is not reused for a question with more depth left', () => {
    // root → a → b → x at depth 3 (x → y is cut at depth 4), then root → x at depth 1 reaches s.
    const graph = { root: ['a', 'x'], a: ['b'], b: ['x'], x: ['y'], y: ['s'] };
    const { ask } = graphQuery(graph, { sources: ['s'], maxDepth: 3 });
    expect(ask('root')).toBe(true);
  });

  test('a cycle back to the node itself does not stop its answer being remembered', () => {
    const graph = { root: ['a', 'b'], a: ['c'], c: ['a'], b: ['a'] };
    const query = graphQuery(graph, { sources: ['s'] });
    expect(query.ask('root')).toBe(false);
    // a (with c) is judged once: when b asks again, a's answer is remembered.
    expect(query.judged.filter((name) => name === 'a')).toHaveLength(1);
  });
});
