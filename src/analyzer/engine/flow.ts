import { ts } from './typescript.js';

/**
 * The one value follower of the analyzer. Every question a model asks about where a value
 * comes from or what it carries (the origins of an expression, the strings it may be, the
 * credential it carries) is a `FollowQuery` run by `Flow.follow`: one memo table, one cycle
 * guard, one depth rule and one per-file budget, instead of followers that each keep their own.
 */

/** Thrown when a file's analysis spends its budget; the engine reports it as an error for that file. */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`analysis took longer than the ${formatSeconds(budgetMs)} per-file budget`);
    this.name = 'BudgetExceeded';
  }
}

export interface BudgetOptions {
  /** Milliseconds one file may take; needs `now`. The analyzer reads no clock of its own. */
  fileBudgetMs?: number;
  /** A monotonic clock in milliseconds (`performance.now`), handed in by the caller. */
  now?: () => number;
}

/** How often (in follow steps) the clock is read: reading it costs more than a step. */
const CLOCK_EVERY = 512;

/** One file's time budget, shared by every follower and rule run on that file. */
export class FileBudget {
  private steps = 0;
  private deadline: number | undefined;

  constructor(private readonly options: BudgetOptions = {}) {
    const { fileBudgetMs, now } = options;
    this.deadline = fileBudgetMs !== undefined && now ? now() + fileBudgetMs : undefined;
  }

  /** Counts one step of work; past the deadline, throws `BudgetExceeded`. */
  charge(): void {
    if (this.deadline === undefined || ++this.steps % CLOCK_EVERY !== 0) return;
    this.check();
  }

  /**
   * Runs work that is not this file's (a pass over the whole scan that several files share)
   * without charging its time to this file: the deadline moves by the time it took.
   */
  excluding<T>(work: () => T): T {
    if (this.deadline === undefined) return work();
    const started = this.options.now!();
    try {
      return work();
    } finally {
      this.deadline += this.options.now!() - started;
    }
  }

  /** Reads the clock now (between rules, after the parse). */
  check(): void {
    if (this.deadline !== undefined && this.options.now!() > this.deadline) throw new BudgetExceeded(this.options.fileBudgetMs!);
  }
}

export interface FollowQuery<T> {
  /** Names the query's memo (answers of different questions about one node are kept apart). */
  name: string;
  /** Nesting beyond which a search is cut short. */
  maxDepth: number;
  /** The answer for one (unwrapped) node; it asks `follow` again, at `depth + 1`, for the nodes it steps to. */
  judge(node: ts.Expression, depth: number): T;
  /** The answer where a search is cut: a cycle (`a = b; b = a`) or the depth limit. */
  cut(node: ts.Expression): T;
  /**
   * Whether an answer that a cut shaped is remembered. Yes keeps chains of helpers linear;
   * no keeps answers exact (a later question from nearer the value gets the full search).
   */
  rememberCutAnswers: boolean;
  /** An answer that stands even when cut (a found credential is found, however the search went on). */
  isFinal?(answer: T): boolean;
  /** Check the depth before the memo (an answer remembered for a shallower question is not reused past the limit). */
  depthBeforeMemo?: boolean;
}

/** Strips parentheses, type assertions, `!`, `satisfies` and `await`: they do not change what a value carries. */
export function unwrapExpression(expression: ts.Expression): ts.Expression {
  let current = expression;
  // One switch on the kind: this runs for nearly every question any rule asks.
  for (;;) {
    switch (current.kind) {
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.AwaitExpression:
        current = (current as unknown as { expression: ts.Expression }).expression;
        break;
      case ts.SyntaxKind.BinaryExpression:
        if (!isIndirectCallTarget(current)) return current;
        current = current.right;
        break;
      default:
        return current;
    }
  }
}

/**
 * `(0, fs_1.writeFileSync)(…)`: compiled CommonJS calls an imported function through a comma
 * expression so that it runs without a `this`; the value is the right-hand side.
 */
function isIndirectCallTarget(expression: ts.Expression): expression is ts.BinaryExpression {
  return ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.CommaToken &&
    ts.isNumericLiteral(expression.left) && expression.left.text === '0';
}

/**
 * An answer a cut shaped, kept while it still holds: while every node it was cut against is still
 * being followed (a later search meets the same cuts), and, when the depth limit cut it, for searches
 * that reach the node with no more depth left than it had (they could see no more).
 */
interface ProvisionalAnswer {
  node: ts.Node;
  answer: unknown;
  depth: number;
  depthCut: boolean;
  /** Stack index of the innermost node it was cut against; -1 when only the depth cut it. */
  cutIndex: number;
}

/** A node being followed: the cuts its search has met so far. */
interface Frame {
  node: ts.Node;
  /** Stack index of the innermost active node a cycle cut this search against; -1 for none. */
  cutIndex: number;
  depthCut: boolean;
}

/** One query's state in one file: its answers, the nodes being followed, the cuts made. */
interface QueryState {
  memo: Map<ts.Node, unknown>;
  /** The nodes being followed, outermost first, and each one's stack index. */
  stack: Frame[];
  active: Map<ts.Node, number>;
  provisional: Map<ts.Node, ProvisionalAnswer>;
  /** Provisional answers cut against a node, by that node's stack index (answers the depth alone cut are not listed: they stay). */
  provisionalAt: ProvisionalAnswer[][];
  cuts: number;
}

/** One file's follower state: the memo of every query, the nodes being followed, the cuts made. */
export class Flow {
  private readonly queries = new Map<string, QueryState>();

  constructor(readonly budget: FileBudget = new FileBudget()) {}

  /**
   * Follows `expression` for `query`: memoised per node, cycle-safe, depth-limited, charged to the file's budget.
   *
   * A query that does not remember cut answers (`rememberCutAnswers: false`) still keeps them for as
   * long as they are exact (Tarjan's observation: an answer cut only against nodes still being followed
   * is what a repeated search would give until the innermost of them finishes). Without that, one
   * question over code full of cycles (minified bundles) re-searches the same nodes exponentially often.
   */
  follow<T>(expression: ts.Expression, query: FollowQuery<T>, depth = 0): T {
    const state = this.stateOf(query);
    const parent = state.stack[state.stack.length - 1];
    if (query.depthBeforeMemo && depth > query.maxDepth) {
      state.cuts++;
      if (parent) parent.depthCut = true;
      return query.cut(expression);
    }
    const node = unwrapExpression(expression);
    if (state.memo.has(node)) return state.memo.get(node) as T;
    const activeIndex = state.active.get(node);
    if (activeIndex !== undefined) {
      state.cuts++;
      if (parent && activeIndex > parent.cutIndex) parent.cutIndex = activeIndex;
      return query.cut(node);
    }
    if (depth > query.maxDepth) {
      state.cuts++;
      if (parent) parent.depthCut = true;
      return query.cut(node);
    }
    const kept = state.provisional.get(node);
    if (kept && (!kept.depthCut || depth >= kept.depth)) {
      state.cuts++; // the answer a cut shaped: a caller counting cuts must not take it for exact
      if (parent) {
        if (kept.cutIndex > parent.cutIndex) parent.cutIndex = kept.cutIndex;
        if (kept.depthCut) parent.depthCut = true;
      }
      return kept.answer as T;
    }
    this.budget.charge();
    const index = state.stack.length;
    const frame: Frame = { node, cutIndex: -1, depthCut: false };
    state.stack.push(frame);
    state.active.set(node, index);
    const cutsBefore = state.cuts;
    let answer: T;
    try {
      answer = query.judge(node, depth);
    } finally {
      state.stack.pop();
      state.active.delete(node);
      this.dropProvisional(state, index);
    }
    // A cycle back to the node itself adds nothing: only cuts against its ancestors (or the depth) shape the answer.
    const ancestorCut = frame.cutIndex < index ? frame.cutIndex : -1;
    const exact = state.cuts === cutsBefore || (!frame.depthCut && ancestorCut === -1);
    if (query.rememberCutAnswers || exact || query.isFinal?.(answer)) {
      state.memo.set(node, answer);
    } else {
      const entry: ProvisionalAnswer = { node, answer, depth, depthCut: frame.depthCut, cutIndex: ancestorCut };
      state.provisional.set(node, entry);
      // Cut only by the depth: it holds for the rest of the file, for questions with no more depth left.
      if (ancestorCut >= 0) (state.provisionalAt[ancestorCut] ??= []).push(entry);
    }
    if (parent) {
      if (frame.depthCut) parent.depthCut = true;
      if (!exact && ancestorCut > parent.cutIndex) parent.cutIndex = ancestorCut;
    }
    return answer;
  }

  /** The search at stack index `index` finished: answers cut against it no longer hold. */
  private dropProvisional(state: QueryState, index: number): void {
    const entries = state.provisionalAt[index];
    if (!entries?.length) return;
    for (const entry of entries) if (state.provisional.get(entry.node) === entry) state.provisional.delete(entry.node);
    state.provisionalAt[index] = [];
  }

  /** How many cuts a query has made so far in this file (a search that made none is exact). */
  cutsOf(query: FollowQuery<unknown>): number {
    return this.stateOf(query).cuts;
  }

  private stateOf(query: FollowQuery<unknown>): QueryState {
    let state = this.queries.get(query.name);
    if (!state) {
      state = { memo: new Map(), stack: [], active: new Map(), provisional: new Map(), provisionalAt: [], cuts: 0 };
      this.queries.set(query.name, state);
    }
    return state;
  }
}

function formatSeconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
