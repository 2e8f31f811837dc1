import { readFileSync } from 'node:fs';
import { Analyzer, type FileAnalysis } from '../../src/analyzer/index.js';
import { defaultConfig } from '../../src/config/types.js';

/** What the text prefilter did on one file set, and whether it changed any result. */
export interface PrefilterCheck {
  set: string;
  files: number;
  bytes: number;
  /** Files no rule applied to: not parsed. */
  notParsed: number;
  notParsedBytes: number;
  findings: number;
  /** Files whose findings or suppressions differ with the prefilter off (must be none). */
  differing: string[];
}

/**
 * Analyses every file twice in this process, with and without the prefilter, and compares the
 * findings: the speed work must not change what is found (issue 4's acceptance).
 */
export function checkPrefilter(set: string, files: readonly { path: string; absolutePath: string }[]): PrefilterCheck {
  const config = defaultConfig();
  const filtered = new Analyzer(config);
  const unfiltered = new Analyzer(config, undefined, { prefilter: false });
  const check: PrefilterCheck = { set, files: files.length, bytes: 0, notParsed: 0, notParsedBytes: 0, findings: 0, differing: [] };
  const comparable = (analysis: FileAnalysis) => JSON.stringify([analysis.findings, analysis.suppressed]);
  for (const file of files) {
    const text = readFileSync(file.absolutePath, 'utf8');
    const bytes = Buffer.byteLength(text);
    const input = { path: file.path, text };
    const on = filtered.analyzeFile(input);
    const off = unfiltered.analyzeFile(input);
    check.bytes += bytes;
    check.findings += off.findings.length;
    if (on.prefiltered) {
      check.notParsed++;
      check.notParsedBytes += bytes;
    }
    if (comparable(on) !== comparable(off)) check.differing.push(file.path);
  }
  return check;
}

export function prefilterLine(check: PrefilterCheck): string {
  const share = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((part / whole) * 100)}%`;
  const verdict = check.differing.length === 0
    ? `findings identical with and without it on all ${check.files} files (${check.findings} findings)`
    : `findings DIFFER on ${check.differing.length} files: ${check.differing.slice(0, 5).join(', ')}`;
  return `Prefilter on the ${check.set}: ${check.notParsed} of ${check.files} files (${share(check.notParsedBytes, check.bytes)} of the bytes) not parsed; ${verdict}.`;
}
