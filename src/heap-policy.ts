import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived its last full collection, in
 * percent. Left to itself V8 grows it up to 4× when collections look cheap: analysing a
 * 3,000-file PR keeps about 50 MB alive, yet the heap reached 190 MB before a collection and
 * then, when that collection ran while the scan-wide pass was allocating fast (what it allocates
 * meanwhile survives the collection), 190 × 4: the same run peaked at 335 or 739 MiB RSS by
 * chance. At 2× the same run peaks at about 225 MiB every time; 1.5× saves 25 MiB more but costs
 * about 15% more CPU in collections (docs/performance.md).
 */
export const HEAP_GROWING_PERCENT = 100;

/** V8 heap flags a user may have chosen; any of them means the policy stays out of the way. */
const USER_HEAP_FLAG = /^--(heap[-_]growing[-_]percent|max[-_]old[-_]space[-_]size|max[-_]heap[-_]size|max[-_]semi[-_]space[-_]size)\b/;

/**
 * The V8 flags the policy sets for a process started with `execArgv` and `NODE_OPTIONS`:
 * none when the user set a heap flag there themselves. Pure.
 */
export function heapPolicyFlags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  if (given.some((argument) => USER_HEAP_FLAG.test(argument))) return [];
  return [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`];
}

/**
 * Applies the heap policy to this process (the CLI, the app server, the queue worker; worker
 * threads share it). V8 reads the growth factor at each full collection, so setting it once at
 * start is enough; the heap's size limits cannot change after start and are left alone.
 */
export function applyHeapPolicy(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env.NODE_OPTIONS): string[] {
  const flags = heapPolicyFlags(execArgv, nodeOptions);
  for (const flag of flags) setFlagsFromString(flag);
  return flags;
}
