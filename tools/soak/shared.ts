/**
 * What both soaks share (`npm run soak`, and `npm run soak -- --redis` for queue mode): the mix of
 * 200 pull requests, quantiles, a process's memory from /proc.
 */
import { readFileSync } from 'node:fs';
import type { PullRequestSummary, RepositorySummary } from '../../test/support/simulator/control.js';
import type { FileChange } from '../../test/support/simulator/world.js';

export const PULL_REQUESTS = 200;
export const INSTALLATIONS = 20;
export const CHECK_NAME = 'MCP OAuth Guard';

export type Size = 'small' | 'medium' | 'large';
export interface PlannedPullRequest {
  index: number;
  size: Size;
  vulnerable: boolean;
  changes: FileChange[];
}

export interface SentPullRequest extends PlannedPullRequest {
  repository: RepositorySummary;
  installationId: number;
  pull: PullRequestSummary;
  sentAt: number;
  webhookStatus?: number;
  webhookMs?: number;
  webhookError?: string;
}

/** A helper of a generated OAuth client; clean (no finding) by construction. */
function cleanHelper(index: number): string {
  return [
    `export async function exchangeCode${index}(client: { getToken(input: { code: string }): Promise<{ tokens: { access_token: string } }> }, code: string, user: string) {`,
    '  const { tokens } = await client.getToken({ code });',
    "  console.log('connected', user);",
    `  return { ok: Boolean(tokens), id: ${index}, scope: ['openid', 'email'] };`,
    '}',
    '',
  ].join('\n');
}

function generatedFile(name: string, helpers: number, offset: number): FileChange {
  return { status: 'added', filename: name, content: Array.from({ length: helpers }, (_, i) => cleanHelper(offset + i)).join('') };
}

/** 60% small (1–3 files), 30% medium (10–25 files), 10% large (60–90 files, one of them ~100 KB). Half carry the vulnerable example. */
export function planPullRequests(vulnerable: FileChange[], hardened: FileChange[]): PlannedPullRequest[] {
  const plans: PlannedPullRequest[] = [];
  for (let index = 0; index < PULL_REQUESTS; index++) {
    const size: Size = index % 10 === 9 ? 'large' : index % 10 >= 6 ? 'medium' : 'small';
    const isVulnerable = index % 2 === 0;
    const base = (isVulnerable ? vulnerable : hardened).filter((change) => /\.(?:ts|js)$/.test(change.filename));
    const changes: FileChange[] = [];
    if (size === 'small') {
      changes.push(...base.slice(0, 1 + (index % 3)));
      if (isVulnerable && !changes.some((change) => change.filename === base[0]!.filename)) changes.push(base[0]!);
    } else {
      changes.push(...base);
      const extra = size === 'medium' ? 10 + (index % 16) : 60 + (index % 31);
      for (let i = 0; i < extra; i++) changes.push(generatedFile(`src/generated/helper-${i}.ts`, 3, i * 3));
      if (size === 'large') changes.push(generatedFile('src/generated/client.ts', 450, 1000));
    }
    plans.push({ index, size, vulnerable: isVulnerable, changes });
  }
  return plans;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** VmRSS and VmHWM (peak) of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
    return { rssMb: field('VmRSS'), peakMb: field('VmHWM') };
  } catch {
    return undefined;
  }
}

export const format = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
export const say = (text = '') => process.stdout.write(`${text}\n`);

