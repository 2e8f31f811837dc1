import { countBySeverity, failingFindings, meetsFailOn } from '../../src/report/severity.js';
import { sampleResult } from './sample.js';

describe('fail-on threshold', () => {
  test.each([
    ['error', 'error', true],
    ['warning', 'error', false],
    ['warning', 'warning', true],
    ['error', 'note', true],
    ['note', 'warning', false],
    ['note', 'note', true],
    ['error', 'never', false],
  ] as const)('a %s finding with fail-on %s fails: %p', (severity, failOn, fails) => {
    expect(meetsFailOn(severity, failOn)).toBe(fails);
  });

  test('suppressed findings never count', () => {
    const result = { ...sampleResult(), findings: [] };
    expect(failingFindings(result, 'note')).toEqual([]);
  });

  test('counts by severity', () => {
    expect(countBySeverity(sampleResult().findings)).toEqual({ error: 2, warning: 1, note: 0 });
    expect(failingFindings(sampleResult(), 'warning')).toHaveLength(3);
  });
});
