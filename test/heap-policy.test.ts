import { execFileSync } from 'node:child_process';
import { HEAP_GROWING_PERCENT, heapPolicyFlags } from '../src/heap-policy.js';

describe('heap policy', () => {
  test('bounds the growth of the old generation when the user chose no heap flag', () => {
    expect(heapPolicyFlags([], undefined)).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(heapPolicyFlags(['--enable-source-maps'], '--trace-warnings')).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  test("stays out of the way of the user's own heap flags, on the command line or in NODE_OPTIONS", () => {
    expect(heapPolicyFlags(['--max-old-space-size=4096'], undefined)).toEqual([]);
    expect(heapPolicyFlags([], '--enable-source-maps --max_old_space_size=2048')).toEqual([]);
    expect(heapPolicyFlags(['--heap-growing-percent=200'], undefined)).toEqual([]);
  });

  test('the running Node knows the flag it sets (an unknown flag would be ignored with a warning)', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(options).toMatch(/--heap-growing-percent\b/);
  });
});
