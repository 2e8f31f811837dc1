import { markdownToHtml, PLAIN, renderHtml, renderTerminal, type CheckRunView } from '../../tools/demo/render.js';
import type { SimulatedCheckRun } from '../support/simulator/world.js';

function completedRun(overrides: Partial<SimulatedCheckRun> = {}): SimulatedCheckRun {
  return {
    id: 1,
    owner: 'acme',
    repo: 'tools',
    name: 'MCP OAuth Guard',
    headSha: 'a'.repeat(40),
    appId: 1,
    checkSuiteId: 2,
    status: 'completed',
    conclusion: 'failure',
    startedAt: '2026-01-01T00:00:00Z',
    completedAt: '2026-01-01T00:00:01Z',
    externalId: '1',
    detailsUrl: null,
    output: { title: '1 error in 1 file', summary: '**Conclusion: failure.**\n\n| Rule | Error |\n| --- | ---: |\n| `broad-scope` | 1 |', text: null },
    annotations: [
      {
        path: 'src/oauth.ts',
        start_line: 2,
        end_line: 2,
        start_column: 15,
        end_column: 20,
        annotation_level: 'failure',
        title: 'broad-scope',
        message: "Scope 'repo' grants write access; request 'public_repo'.",
      },
    ],
    writes: [],
    createdAtMs: 0,
    completedAtMs: 1000,
    ...overrides,
  };
}

const view = (run: SimulatedCheckRun): CheckRunView => ({
  heading: 'PR #1: Add tools',
  expectedConclusion: 'failure',
  run,
  files: new Map([['src/oauth.ts', "// scopes\nconst scope = 'repo';\nexport { scope };\n"]]),
  webhookToCompletedMs: 1234,
  calls: [{ endpoint: 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}', calls: 3 }],
});

describe('the demo view of a check run', () => {
  it('prints each annotation beside its code line, with a marker under the columns', () => {
    const text = renderTerminal(view(completedRun()), PLAIN);
    expect(text).toContain('MCP OAuth Guard  failure  (1.23 s from webhook to completed run)');
    expect(text).toContain('failure src/oauth.ts:2:15  broad-scope');
    const lines = text.split('\n');
    const codeLine = lines.findIndex((line) => line.includes("2 │ const scope = 'repo';"));
    expect(codeLine).toBeGreaterThan(0);
    const marker = lines[codeLine + 1]!;
    const codeStart = lines[codeLine]!.indexOf('const');
    expect(marker.indexOf('^')).toBe(codeStart + 14);
    expect(marker.trim()).toBe('^^^^^^');
    expect(text).toContain("Scope 'repo' grants write access; request 'public_repo'.");
    expect(text).toContain('   3  GET /repos/{owner}/{repo}/git/blobs/{file_sha}');
  });

  it('renders the summary Markdown GitHub shows: tables, bold, code', () => {
    expect(markdownToHtml('### Counts\n\n| Rule | Error |\n| --- | ---: |\n| `broad-scope` | 1 |\n\n**Conclusion:** ok')).toBe(
      '<h5>Counts</h5>\n<table><thead><tr><th>Rule</th><th>Error</th></tr></thead><tbody><tr><td><code>broad-scope</code></td><td>1</td></tr></tbody></table>\n<p><strong>Conclusion:</strong> ok</p>',
    );
  });

  it('escapes whatever the app or the PR put in the output', () => {
    const hostile = completedRun({ output: { title: '<script>alert(1)</script>', summary: '<img src=x onerror=alert(1)>', text: null } });
    const html = renderHtml([view(hostile)], new Date(0));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
