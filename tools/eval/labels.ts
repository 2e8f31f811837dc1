/**
 * The label files of tools/eval/FORMAT.md: their shape, and the checks that need no network
 * (schema, rule ids, file name) apart from those that need the unpacked package (files, lines, globs).
 * Pure: data in, problems out.
 */
import picomatch from 'picomatch';

export const SPLITS = ['tune', 'blind'] as const;
export type Split = (typeof SPLITS)[number];

/** The four rules the acceptance bar of issue 9 is measured on. */
export const CORE_RULES = ['missing-pkce', 'refresh-token-not-rotated', 'token-logged', 'plaintext-token-storage'] as const;

/** Rules a label may name: issue 9's five OAuth rules and issue 11's MCP authorization rules. */
export const LABEL_RULES = [
  'broad-scope',
  ...CORE_RULES,
  'token-passthrough',
  'token-audience-not-validated',
  'redirect-uri-not-exact',
  'oauth-state-missing',
  'bearer-token-in-query',
  'secret-compare-not-constant-time',
  'dns-rebinding-unprotected',
] as const;

export interface Label {
  rule: string;
  file: string;
  line: number;
  endLine?: number;
  /** Labels of one package and rule sharing a group are one problem, reportable at any of their lines. */
  group?: string;
  why: string;
}

export interface PackageLabels {
  package: string;
  version: string;
  integrity: string;
  split: Split;
  labelledBy: string;
  reviewed: string[];
  labels: Label[];
  notes?: string;
}

/** A label file as found on disk: where it came from, and its parsed content when it is valid. */
export interface LabelFile {
  /** Path shown in messages, e.g. tools/eval/splits/tune/foo@1.0.0.json. */
  path: string;
  /** The split directory the file sits in. */
  directory: Split;
  labels: PackageLabels;
}

const TOP_KEYS = new Set(['package', 'version', 'integrity', 'split', 'labelledBy', 'reviewed', 'labels', 'notes']);
const LABEL_KEYS = new Set(['rule', 'file', 'line', 'endLine', 'group', 'why']);
const SRI_SHA512 = /^sha512-[A-Za-z0-9+/]{86}==$/;
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** `@scope/name` → `scope__name`, as FORMAT.md names files and cache folders. */
export function slugOf(name: string): string {
  return name.replace(/^@/, '').replace(/\//g, '__');
}

export function fileNameOf(name: string, version: string): string {
  return `${slugOf(name)}@${version}.json`;
}

/**
 * Checks one parsed label file against FORMAT.md. Returns the typed content, or the problems
 * (each a sentence naming the field) when the shape is wrong.
 */
export function parseLabelFile(
  path: string,
  directory: Split,
  json: unknown,
): { file: LabelFile; problems: [] } | { file?: undefined; problems: string[] } {
  const problems: string[] = [];
  const at = (field: string, message: string) => problems.push(`${path}: ${field}: ${message}`);
  if (!isRecord(json)) return { problems: [`${path}: the file must hold one JSON object`] };

  for (const key of Object.keys(json)) if (!TOP_KEYS.has(key)) at(key, `unknown field (allowed: ${[...TOP_KEYS].join(', ')})`);
  const name = json.package;
  if (typeof name !== 'string' || !PACKAGE_NAME.test(name)) at('package', 'must be an npm package name');
  const version = json.version;
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/.test(version)) at('version', 'must be an exact version (x.y.z)');
  if (typeof json.integrity !== 'string' || !SRI_SHA512.test(json.integrity)) {
    at('integrity', "must be the tarball's sha512 in SRI form (`npm view <name>@<version> dist.integrity`)");
  }
  if (json.split !== directory) at('split', `must be "${directory}", the directory the file is in`);
  if (typeof json.labelledBy !== 'string' || json.labelledBy.trim() === '') at('labelledBy', 'must say how the labels were written');
  else if (directory === 'blind' && json.labelledBy !== 'reading') at('labelledBy', 'blind labels must be "reading" (written before any analyzer run)');
  if (json.notes !== undefined && typeof json.notes !== 'string') at('notes', 'must be a string');

  const reviewed = json.reviewed;
  if (!Array.isArray(reviewed) || reviewed.length === 0) at('reviewed', 'must list the globs of the files read completely');
  else {
    reviewed.forEach((glob, index) => {
      if (typeof glob !== 'string' || glob.trim() === '') at(`reviewed[${index}]`, 'must be a non-empty glob');
      else if (glob.startsWith('/') || glob.startsWith('package/') || glob.split('/').includes('..')) {
        at(`reviewed[${index}]`, `'${glob}' must be relative to the tarball's package/ folder`);
      }
    });
  }

  const labels = json.labels;
  if (!Array.isArray(labels)) at('labels', 'must be a list (empty when the reviewed files are clean)');
  else {
    const seen = new Set<string>();
    labels.forEach((label, index) => {
      const field = `labels[${index}]`;
      if (!isRecord(label)) return at(field, 'must be an object');
      for (const key of Object.keys(label)) if (!LABEL_KEYS.has(key)) at(`${field}.${key}`, `unknown field (allowed: ${[...LABEL_KEYS].join(', ')})`);
      if (typeof label.rule !== 'string' || !(LABEL_RULES as readonly string[]).includes(label.rule)) {
        at(`${field}.rule`, `'${String(label.rule)}' is not a rule id (${LABEL_RULES.join(', ')})`);
      }
      if (typeof label.file !== 'string' || label.file === '' || label.file.startsWith('/') || label.file.startsWith('package/') || label.file.split('/').includes('..')) {
        at(`${field}.file`, "must be a path relative to the tarball's package/ folder");
      }
      if (!isPositiveInteger(label.line)) at(`${field}.line`, 'must be a line number (1 or more)');
      if (label.endLine !== undefined && (!isPositiveInteger(label.endLine) || (isPositiveInteger(label.line) && label.endLine < label.line))) {
        at(`${field}.endLine`, 'must be a line number not before line');
      }
      if (label.group !== undefined && (typeof label.group !== 'string' || label.group.trim() === '')) at(`${field}.group`, 'must be a non-empty name');
      if (typeof label.why !== 'string' || label.why.trim() === '') at(`${field}.why`, 'must say why in one factual sentence');
      const key = `${String(label.rule)}\u0000${String(label.file)}\u0000${String(label.line)}`;
      if (seen.has(key)) at(field, `repeats the label ${String(label.rule)} at ${String(label.file)}:${String(label.line)}`);
      seen.add(key);
    });
  }

  if (typeof name === 'string' && typeof version === 'string') {
    const expected = fileNameOf(name, version);
    const actual = path.split('/').pop();
    if (actual !== expected) problems.push(`${path}: the file must be named ${expected} (package and version inside it)`);
  }
  if (problems.length > 0) return { problems };
  return { file: { path, directory, labels: json as unknown as PackageLabels }, problems: [] };
}

/** Every package name sits in one split only, once. */
export function checkSplitsDisjoint(files: readonly LabelFile[]): string[] {
  const byName = new Map<string, LabelFile[]>();
  for (const file of files) {
    const list = byName.get(file.labels.package) ?? [];
    list.push(file);
    byName.set(file.labels.package, list);
  }
  const problems: string[] = [];
  for (const [name, list] of byName) {
    if (list.length < 2) continue;
    const splits = new Set(list.map((file) => file.directory));
    const where = list.map((file) => file.path).join(', ');
    problems.push(splits.size > 1 ? `package ${name} is in both splits (${where}); the splits must not share a package` : `package ${name} is labelled twice (${where})`);
  }
  return problems;
}

/** What the unpacked package offers the content checks: each file's path and line count. */
export interface PackageContents {
  /** Paths relative to package/, `/`-separated, every file of the tarball. */
  files: ReadonlyMap<string, { lines: number }>;
  /** The subset of files the evaluation scans (FORMAT.md "Scanned files"). */
  scanned: ReadonlySet<string>;
}

export interface ContentCheck {
  errors: string[];
  warnings: string[];
}

/** Checks labels against the package they describe: files exist and are scanned, lines in range, globs match. */
export function checkAgainstPackage(file: LabelFile, contents: PackageContents): ContentCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { labels: data, path } = file;
  const reviewed = reviewedMatcher(data.reviewed);
  const paths = [...contents.files.keys()];
  data.reviewed.forEach((glob, index) => {
    const matches = picomatch(glob, { dot: true });
    if (!paths.some((candidate) => matches(candidate))) errors.push(`${path}: reviewed[${index}]: '${glob}' matches no file of the package`);
    else if (!paths.some((candidate) => matches(candidate) && contents.scanned.has(candidate))) {
      warnings.push(`${path}: reviewed[${index}]: '${glob}' matches no scanned file (its findings could never be judged)`);
    }
  });
  data.labels.forEach((label, index) => {
    const where = `${path}: labels[${index}] (${label.rule} ${label.file}:${label.line})`;
    const info = contents.files.get(label.file);
    if (!info) return errors.push(`${where}: the package has no file ${label.file}`);
    if (!contents.scanned.has(label.file)) errors.push(`${where}: ${label.file} is not a scanned file (declarations, minified files and node_modules are not analysed)`);
    const last = label.endLine ?? label.line;
    if (last > info.lines) errors.push(`${where}: line ${last} is past the end of the file (${info.lines} lines)`);
    if (!reviewed(label.file)) warnings.push(`${where}: the file is not in 'reviewed'; the label still counts for recall`);
  });
  return { errors, warnings };
}

/** Whether a path is covered by the package's `reviewed` globs. */
export function reviewedMatcher(globs: readonly string[]): (path: string) => boolean {
  const matchers = globs.map((glob) => picomatch(glob, { dot: true }));
  return (path) => matchers.some((matches) => matches(path));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}
