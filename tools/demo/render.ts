/**
 * Pure: a completed check run shown the way GitHub shows it, in a terminal and as an HTML page.
 * Annotations appear beside the code line they point at, as in the "Files changed" tab.
 */
import type { CheckAnnotationRecord, SimulatedCheckRun } from '../../test/support/simulator/world.js';

export interface CheckRunView {
  /** e.g. "PR #1: Add the GitHub and Google tools". */
  heading: string;
  /** What the demo expects: the vulnerable PR fails, the hardened one passes. */
  expectedConclusion: string;
  run: SimulatedCheckRun;
  /** The PR's files at the head, by path, to show the annotated lines. */
  files: Map<string, string>;
  webhookToCompletedMs: number;
  calls: Array<{ endpoint: string; calls: number }>;
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
export const COLOURS: Style = { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), blue: wrap(34, 39) };
export const PLAIN: Style = { bold: String, dim: String, red: String, green: String, yellow: String, blue: String };

const CONTEXT_LINES = 1;

export function renderTerminal(view: CheckRunView, style: Style): string {
  const { run } = view;
  const conclusion = run.conclusion ?? run.status;
  const mark = conclusion === 'success' ? style.green('✓') : conclusion === 'failure' ? style.red('✗') : style.yellow('●');
  const colour = conclusion === 'success' ? style.green : conclusion === 'failure' ? style.red : style.yellow;
  const lines: string[] = [];
  lines.push(style.bold(`━━ ${view.heading} ━━`));
  lines.push(`${mark} ${style.bold(run.name)}  ${colour(conclusion)}  ${style.dim(`(${formatSeconds(view.webhookToCompletedMs)} from webhook to completed run)`)}`);
  lines.push(`  ${style.bold(run.output.title ?? '')}`);
  lines.push('');
  for (const line of (run.output.summary ?? '').split('\n')) lines.push(`  ${style.dim('│')} ${line}`);
  lines.push('');
  if (run.annotations.length > 0) {
    lines.push(style.bold(`  Annotations (${run.annotations.length})`));
    for (const annotation of run.annotations) lines.push(...renderAnnotationTerminal(annotation, view.files, style), '');
  }
  lines.push(style.bold('  API calls the app made for this PR'));
  for (const { endpoint, calls } of view.calls) lines.push(`  ${String(calls).padStart(4)}  ${endpoint}`);
  lines.push(`  ${String(view.calls.reduce((sum, entry) => sum + entry.calls, 0)).padStart(4)}  ${style.dim('in total')}`);
  return lines.join('\n');
}

function renderAnnotationTerminal(annotation: CheckAnnotationRecord, files: Map<string, string>, style: Style): string[] {
  const level = annotation.annotation_level;
  const colour = level === 'failure' ? style.red : level === 'warning' ? style.yellow : style.blue;
  const location = `${annotation.path}:${annotation.start_line}${annotation.start_column ? `:${annotation.start_column}` : ''}`;
  const lines = [`  ${colour(level.padEnd(7))} ${style.bold(location)}  ${annotation.title ?? ''}`];
  const source = files.get(annotation.path)?.split('\n');
  if (source) {
    const first = Math.max(1, annotation.start_line - CONTEXT_LINES);
    const last = Math.min(source.length, annotation.end_line + CONTEXT_LINES);
    const width = String(last).length;
    for (let number = first; number <= last; number++) {
      const inRange = number >= annotation.start_line && number <= annotation.end_line;
      const gutter = `${inRange ? colour('▌') : ' '} ${String(number).padStart(width)} │ `;
      lines.push(`    ${inRange ? gutter : style.dim(gutter)}${source[number - 1] ?? ''}`);
      if (inRange && number === annotation.start_line && annotation.start_column && annotation.end_line === annotation.start_line) {
        const underline = '^'.repeat(Math.max(1, (annotation.end_column ?? annotation.start_column) - annotation.start_column + 1));
        lines.push(`    ${' '.repeat(width + 5)}${' '.repeat(annotation.start_column - 1)}${colour(underline)}`);
      }
    }
  }
  for (const messageLine of annotation.message.split('\n')) lines.push(`    ${colour(messageLine)}`);
  return lines;
}

export function renderHtml(views: CheckRunView[], generatedAt: Date): string {
  const body = views.map(renderRunHtml).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MCP OAuth Guard: check runs from the demo</title>
<style>
  body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 1.6em; } .meta { color: #59636e; }
  section.run { border: 1px solid #d1d9e0; border-radius: 6px; margin: 2em 0; overflow: hidden; }
  .run > header { padding: 12px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; }
  .badge { display: inline-block; border-radius: 2em; padding: 0 10px; font-weight: 600; color: #fff; }
  .success { background: #1f883d; } .failure { background: #cf222e; } .neutral, .other { background: #59636e; }
  .output { padding: 0 16px 8px; } .output h2.title { font-size: 1.25em; }
  table { border-collapse: collapse; margin: 0.5em 0; } th, td { border: 1px solid #d1d9e0; padding: 4px 10px; text-align: left; }
  code { background: #eff1f3; border-radius: 4px; padding: 0 4px; font-size: 90%; }
  .annotation { margin: 12px 16px; border: 1px solid #d1d9e0; border-radius: 6px; }
  .annotation .where { padding: 6px 10px; background: #f6f8fa; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
  .annotation pre { margin: 0; padding: 0; font: 12px/1.6 ui-monospace, SFMono-Regular, Menlo, monospace; }
  .annotation pre span { display: block; padding: 0 10px; white-space: pre; } .annotation pre span.hit { background: #fff8c5; }
  .annotation pre .ln { display: inline-block; width: 3em; color: #59636e; text-align: right; margin-right: 1em; }
  .annotation .message { padding: 8px 12px; border-top: 1px solid #d1d9e0; }
  .level-failure { border-left: 4px solid #cf222e; } .level-warning { border-left: 4px solid #9a6700; } .level-notice { border-left: 4px solid #0969da; }
  details { margin-top: 6px; } .calls td:first-child { text-align: right; }
</style>
</head>
<body>
<h1>MCP OAuth Guard: check runs from <code>npm run demo</code></h1>
<p class="meta">Generated ${escapeHtml(generatedAt.toISOString())} against the local GitHub simulator.</p>
${body}
</body>
</html>
`;
}

function renderRunHtml(view: CheckRunView): string {
  const { run } = view;
  const conclusion = run.conclusion ?? run.status;
  const badgeClass = conclusion === 'success' || conclusion === 'failure' || conclusion === 'neutral' ? conclusion : 'other';
  const annotations = run.annotations.map((annotation) => renderAnnotationHtml(annotation, view.files)).join('\n');
  const calls = view.calls.map(({ endpoint, calls }) => `<tr><td>${calls}</td><td><code>${escapeHtml(endpoint)}</code></td></tr>`).join('');
  return `<section class="run">
<header><strong>${escapeHtml(view.heading)}</strong><br>
<span class="badge ${badgeClass}">${escapeHtml(conclusion)}</span> <strong>${escapeHtml(run.name)}</strong>
<span class="meta">, ${escapeHtml(formatSeconds(view.webhookToCompletedMs))} from webhook to completed run; expected ${escapeHtml(view.expectedConclusion)}</span></header>
<div class="output">
<h2 class="title">${escapeHtml(run.output.title ?? '')}</h2>
${markdownToHtml(run.output.summary ?? '')}
</div>
${annotations}
<div class="output"><details><summary>API calls the app made for this PR</summary><table class="calls">${calls}</table></details></div>
</section>`;
}

function renderAnnotationHtml(annotation: CheckAnnotationRecord, files: Map<string, string>): string {
  const source = files.get(annotation.path)?.split('\n') ?? [];
  const first = Math.max(1, annotation.start_line - CONTEXT_LINES);
  const last = Math.min(source.length, annotation.end_line + CONTEXT_LINES);
  const code: string[] = [];
  for (let number = first; number <= last; number++) {
    const hit = number >= annotation.start_line && number <= annotation.end_line;
    code.push(`<span${hit ? ' class="hit"' : ''}><span class="ln">${number}</span>${escapeHtml(source[number - 1] ?? '')}</span>`);
  }
  const details = annotation.raw_details ? `<details><summary>How to fix</summary>${markdownToHtml(annotation.raw_details)}</details>` : '';
  return `<div class="annotation level-${annotation.annotation_level}">
<div class="where">${escapeHtml(annotation.path)} line ${annotation.start_line}${annotation.end_line !== annotation.start_line ? `–${annotation.end_line}` : ''} · ${escapeHtml(annotation.annotation_level)} · ${escapeHtml(annotation.title ?? '')}</div>
<pre>${code.join('')}</pre>
<div class="message">${escapeHtml(annotation.message)}${details}</div>
</div>`;
}

/**
 * The Markdown subset the check-run summary uses: headings, tables, lists, paragraphs, `code`, **bold**,
 * [links](url), and GitHub's <details>/<summary>. Everything else is escaped text.
 */
export function markdownToHtml(markdown: string): string {
  const html: string[] = [];
  const lines = markdown.split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.trim() === '') {
      index++;
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = Math.min(6, heading[1]!.length + 2);
      html.push(`<h${level}>${inline(heading[2]!)}</h${level}>`);
      index++;
      continue;
    }
    if (/^\s*<\/?(details|summary)>/.test(line)) {
      html.push(line.replace(/<summary>(.*?)<\/summary>/, (_, text: string) => `<summary>${inline(text)}</summary>`).replace(/^(\s*<\/?(?:details|summary)>)(?!.*<\/summary>)(.*)$/, (_, tag: string, rest: string) => `${tag}${inline(rest)}`));
      index++;
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      const rows: string[][] = [];
      while (index < lines.length && lines[index]!.trimStart().startsWith('|')) {
        const cells = lines[index]!.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
        if (!cells.every((cell) => /^:?-{3,}:?$/.test(cell))) rows.push(cells);
        index++;
      }
      const [head, ...rest] = rows;
      html.push(`<table><thead><tr>${(head ?? []).map((cell) => `<th>${inline(cell)}</th>`).join('')}</tr></thead><tbody>${rest.map((row) => `<tr>${row.map((cell) => `<td>${inline(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const items: string[] = [];
      while (index < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[index]!)) {
        items.push(`<li>${inline(lines[index]!.replace(/^\s*([-*]|\d+\.)\s+/, ''))}</li>`);
        index++;
      }
      html.push(`<ul>${items.join('')}</ul>`);
      continue;
    }
    if (line.startsWith('```')) {
      const code: string[] = [];
      index++;
      while (index < lines.length && !lines[index]!.startsWith('```')) code.push(lines[index++]!);
      index++;
      html.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const paragraph: string[] = [];
    while (index < lines.length && lines[index]!.trim() !== '' && !/^(#{1,6}\s|\s*\||\s*([-*]|\d+\.)\s|```|\s*<\/?(details|summary)>)/.test(lines[index]!)) {
      paragraph.push(lines[index++]!);
    }
    html.push(`<p>${inline(paragraph.join(' '))}</p>`);
  }
  return html.join('\n');
}

function inline(text: string): string {
  const parts = text.split(/(`[^`]*`)/);
  return parts
    .map((part) => {
      if (part.startsWith('`') && part.endsWith('`') && part.length >= 2) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeHtml(part)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/_([^_]+)_/g, (match, inner: string, offset: number, whole: string) =>
          /\w/.test(whole[offset - 1] ?? '') ? match : `<em>${inner}</em>`,
        )
        .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+|[./][^)\s]*)\)/g, '<a href="$2">$1</a>');
    })
    .join('');
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
