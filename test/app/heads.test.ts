/**
 * Audit #14: two pushes within one second carry the same `updated_at`; delivered out of order,
 * the older synchronize made the real head look superseded ("Superseded by aaaaaaa").
 */
import { PullRequestHeads } from '../../src/app/heads.js';

const repo = { owner: 'acme', repo: 'mcp-server' };
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('PullRequestHeads', () => {
  test('a later updated_at supersedes; an earlier one is ignored', () => {
    const heads = new PullRequestHeads();
    heads.record(repo, 1, A, '2024-05-01T10:00:00Z');
    heads.record(repo, 1, B, '2024-05-01T10:00:05Z');
    heads.record(repo, 1, A, '2024-05-01T10:00:00Z');
    expect(heads.newerThan(repo, 1, A)).toBe(B);
    expect(heads.newerThan(repo, 1, B)).toBeUndefined();
  });

  test('equal updated_at: neither SHA cancels the other, whatever the delivery order', () => {
    const heads = new PullRequestHeads();
    heads.record(repo, 1, B, '2024-05-01T10:00:00Z');
    heads.record(repo, 1, A, '2024-05-01T10:00:00Z');
    expect(heads.newerThan(repo, 1, B)).toBeUndefined();
    expect(heads.newerThan(repo, 1, A)).toBeUndefined();
    // A strictly newer push settles it again.
    heads.record(repo, 1, C, '2024-05-01T10:00:01Z');
    expect(heads.newerThan(repo, 1, A)).toBe(C);
    expect(heads.newerThan(repo, 1, B)).toBe(C);
    expect(heads.newerThan(repo, 1, C)).toBeUndefined();
  });

  test('an unparseable timestamp does not replace a known head', () => {
    const heads = new PullRequestHeads();
    heads.record(repo, 1, A, '2024-05-01T10:00:00Z');
    heads.record(repo, 1, B, 'not a date');
    expect(heads.newerThan(repo, 1, A)).toBeUndefined();
  });
});
