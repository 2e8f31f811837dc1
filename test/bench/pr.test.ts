import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measurePullRequests, peakRssMiB } from '../../tools/bench/pr.js';

describe('bench PR figures', () => {
  it('reads the peak RSS high-water mark of a process from /proc', () => {
    const procRoot = mkdtempSync(join(tmpdir(), 'bench-proc-'));
    try {
      mkdirSync(join(procRoot, '123'));
      writeFileSync(join(procRoot, '123', 'status'), 'Name:\tnode\nVmPeak:\t 2000000 kB\nVmHWM:\t  262144 kB\nVmRSS:\t  131072 kB\n');
      expect(peakRssMiB(123, procRoot)).toBe(256);
      expect(peakRssMiB(999, procRoot)).toBeNaN();
    } finally {
      rmSync(procRoot, { recursive: true, force: true });
    }
  });

  it('skips with a reason when the app or simulator is not built', async () => {
    const emptyRoot = mkdtempSync(join(tmpdir(), 'bench-root-'));
    try {
      const figures = await measurePullRequests(emptyRoot, [], () => undefined);
      expect(figures).toEqual({ status: 'skipped', reason: expect.stringContaining('simulator/app not available') });
    } finally {
      rmSync(emptyRoot, { recursive: true, force: true });
    }
  });
});
