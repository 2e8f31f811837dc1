/**
 * Measures how long this thread's event loop is held up, and by whom. `monitorEventLoopDelay`
 * gives the wall-clock delays; on a shared machine those include time the OS gave other
 * processes. So the probe also reads this thread's own CPU time (Linux /proc) at every tick:
 * a stall in which the thread itself was busy is a blocked loop; a stall in which it barely ran
 * was the machine's load.
 */
import { existsSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoopReport {
  /** Wall-clock event-loop delay, from monitorEventLoopDelay. */
  delay: { p50Ms: number; p99Ms: number; maxMs: number };
  /** The most CPU this thread spent inside one stall between two ticks; undefined without /proc. */
  longestBusyStallMs: number | undefined;
  /** Wall-clock length of the longest stall between two ticks. */
  longestStallMs: number;
}

const TICK_MS = 5;
/** /proc reports CPU time in clock ticks of 10 ms (CLK_TCK = 100 on Linux). */
const MS_PER_CLOCK_TICK = 10;

/** CPU milliseconds (user + system) of this process's main thread, or undefined off Linux. */
export function mainThreadCpuMs(): number | undefined {
  const file = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(file)) return undefined;
  // Fields after the command name: state is field 3, utime and stime are fields 14 and 15.
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_CLOCK_TICK;
}

export function startLoopProbe(): { stop(): LoopReport } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let lastWall = performance.now();
  let lastCpu = mainThreadCpuMs();
  let longestStallMs = 0;
  let longestBusyStallMs: number | undefined = lastCpu === undefined ? undefined : 0;
  const ticker = setInterval(() => {
    const wall = performance.now();
    const cpu = mainThreadCpuMs();
    const stall = wall - lastWall - TICK_MS;
    longestStallMs = Math.max(longestStallMs, stall);
    if (cpu !== undefined && lastCpu !== undefined) longestBusyStallMs = Math.max(longestBusyStallMs ?? 0, Math.min(cpu - lastCpu, stall + MS_PER_CLOCK_TICK));
    lastWall = wall;
    lastCpu = cpu;
  }, TICK_MS);
  return {
    stop(): LoopReport {
      clearInterval(ticker);
      histogram.disable();
      return {
        delay: { p50Ms: histogram.percentile(50) / 1e6, p99Ms: histogram.percentile(99) / 1e6, maxMs: histogram.max / 1e6 },
        longestBusyStallMs,
        longestStallMs,
      };
    },
  };
}
