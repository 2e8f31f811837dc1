import { markdownToHtml, PLAIN, renderHtml, renderTerminal, wrapAtWords, type CheckRunView } from '../../tools/demo/render.js';
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
  it('prints a compact table of the annotations, not the raw Markdown summary', () => {
    const text = renderTerminal(view(completedRun()), PLAIN);
    expect(text).toContain('MCP OAuth Guard  failure  (1.23 s from webhook to completed run)');
    expect(text).toContain('  Level    Where              Rule         Message\n');
    expect(text).toContain("  failure  src/oauth.ts:2:15  broad-scope  Scope 'repo' grants write access; request 'public_repo'.\n");
    expect(text).not.toMatch(/\*\*|\| ---|###|Conclusion: failure/);
    expect(text).toContain('   3  GET /repos/{owner}/{repo}/git/blobs/{file_sha}');
  });

  it('wraps a long message at words under its column, cutting nothing', () => {
    const message = `Scope 'repo' grants write access to every repository ${'and more words '.repeat(10)}end.`;
    const long = completedRun({ annotations: [{ ...completedRun().annotations[0]!, message }] });
    const lines = renderTerminal(view(long), PLAIN, 100).split('\n');
    const first = lines.findIndex((line) => line.startsWith('  failure'));
    const column = lines[first]!.indexOf("Scope 'repo'");
    const messageLines = [lines[first]!.slice(column)];
    for (let index = first + 1; lines[index]!.startsWith(' '.repeat(column)) && lines[index]!.trim() !== ''; index++) messageLines.push(lines[index]!.slice(column));
    expect(messageLines.length).toBeGreaterThan(1);
    expect(messageLines.join(' ')).toBe(message.trim());
    for (const line of lines.slice(first, first + messageLines.length)) expect(line.length).toBeLessThanOrEqual(100);
    expect(wrapAtWords('one two three', 8)).toEqual(['one two', 'three']);
  });

  it('the HTML has every PR, the API-validity result and readable headings', () => {
    const second = { ...view(completedRun({ conclusion: 'success', annotations: [] })), heading: 'PR #3: A 20-file PR', expectedConclusion: 'success' };
    const html = renderHtml([view(completedRun()), second], new Date(0), { requests: 15, problems: [] });
    expect(html).toContain('PR #1: Add tools');
    expect(html).toContain('PR #3: A 20-file PR');
    expect(html).toContain("all 15 API requests the app sent were valid per GitHub's OpenAPI descriptions");
    const broken = renderHtml([view(completedRun())], new Date(0), { requests: 3, problems: ['GET /x → 404: ["unknown route"]'] });
    expect(broken).toContain('1 of 3 API requests broke');
    expect(html).toMatch(/\.output h4, \.output h5, \.output h6 \{ font-size: 1\.05em/);
  });

  it('renders the summary Markdown GitHub shows: tables, bold, code', () => {
    expect(markdownToHtml('### Counts\n\n| Rule | Error |\n| --- | ---: |\n| `broad-scope` | 1 |\n\n**Conclusion:** ok')).toBe(
      '<h4>Counts</h4>\n<table><thead><tr><th>Rule</th><th>Error</th></tr></thead><tbody><tr><td><code>broad-scope</code></td><td>1</td></tr></tbody></table>\n<p><strong>Conclusion:</strong> ok</p>',
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
