import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { RULE_IDS, type RuleId, type Severity } from '../analyzer/types.js';
import { closestName as closest, didYouMean as suggestion } from '../did-you-mean.js';
import { TEST_FILES_POLICIES } from './test-files.js';
import { DEFAULT_EXCLUDE, defaultConfig, type ClientTypes, type FailOn, type Gate, type GuardConfig, type OnError, type RuleSetting } from './types.js';

/** One problem in a config file, precise enough to fix without reading our source. */
export interface ConfigError {
  /** Dotted path of the offending key, e.g. 'rules.broad-scope.severity' ('' for the whole file). */
  key: string;
  message: string;
  /** An example of the right form, e.g. "fail_on: warning". */
  example?: string;
  /** 1-based line in the config file, when the error came from parsing text. */
  line?: number;
}

export type ConfigResult = { ok: true; config: GuardConfig } | { ok: false; errors: ConfigError[] };

/**
 * Limits on what a config may ask of us, so a hostile or broken file costs milliseconds, not the
 * process (a 10 MB file of globs ran the app out of heap; one glob with ten stars in a segment
 * backtracked for minutes against a 50-character name). Real configs are a few hundred bytes.
 */
export const CONFIG_LIMITS = {
  /** Bytes of one config file, checked before it is parsed. */
  maxBytes: 64 * 1024,
  /** Globs in `include` or in `exclude`, and entries in `allowed_scopes`. */
  maxListEntries: 200,
  /** Characters of one glob. */
  maxGlobLength: 256,
  /** `*` wildcards in one path segment of a glob (a whole `**` segment is free): three or more can backtrack for seconds. */
  maxStarsPerSegment: 2,
  /** Files in an `_extends` chain. */
  maxExtends: 3,
} as const;

export interface ValidateOptions {
  /**
   * false: error messages describe a wrong value by its type only, never quote it. The app uses
   * this: a check summary is shown to everyone who can see the pull request.
   */
  quoteValues?: boolean;
}

/** A config file over `CONFIG_LIMITS.maxBytes`, as the one error its validation reports. */
export function configTooLarge(sourceName: string, bytes: number): ConfigError {
  return { key: '', message: `${sourceName} is ${bytes} bytes; a config file may have at most ${CONFIG_LIMITS.maxBytes} bytes`, example: 'fail_on: error\ngate: changed-lines' };
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'never'];
const GATES: readonly Gate[] = ['changed-lines', 'changed-files'];
const ON_ERROR: readonly OnError[] = ['failure', 'neutral'];
const CLIENT_TYPES: readonly ClientTypes[] = ['public', 'confidential', 'both'];
const RULE_LEVELS = ['off', ...SEVERITIES] as const;

type Path = (string | number)[];

/** Collects errors while one value is being validated. */
class Problems {
  readonly errors: ConfigError[] = [];
  constructor(private readonly quoteValues = true) {}
  /** A wrong value for a message: quoted only when the caller allows it. */
  describe(value: unknown): string {
    if (!this.quoteValues && typeof value === 'string') return 'a string';
    if (!this.quoteValues && (typeof value === 'number' || typeof value === 'boolean')) return `a ${typeof value}`;
    return describe(value);
  }
  add(path: Path, message: string, example?: string): void {
    this.errors.push(example === undefined ? { key: formatPath(path), message } : { key: formatPath(path), message, example });
  }
}

/** A top-level key of the file: its example, and how it writes into GuardConfig. */
interface FieldSpec {
  example: string;
  apply(value: unknown, path: Path, config: GuardConfig, problems: Problems): void;
}

const FIELDS: Record<string, FieldSpec> = {
  rules: {
    example: 'rules:\n  broad-scope: warning\n  token-logged: off',
    apply(value, path, config, problems) {
      if (!isPlainObject(value)) {
        problems.add(path, `must be a mapping of rule id to off, error, warning or note (got ${problems.describe(value)})`, FIELDS.rules!.example);
        return;
      }
      const known: readonly string[] = RULE_IDS;
      for (const [id, setting] of Object.entries(value)) {
        if (!known.includes(id as RuleId)) {
          problems.add([...path, id], `is not a rule id${suggestion(id, known)}; known rules: ${known.join(', ')}`, `rules:\n  ${closest(id, known) ?? known[0]}: warning`);
          continue;
        }
        const parsed = parseRuleSetting(setting, [...path, id], problems);
        if (parsed) config.rules[id as RuleId] = parsed;
      }
    },
  },
  allowed_scopes: {
    example: "allowed_scopes:\n  - scope: repo\n    reason: \"The 'push_fix' tool writes to private repositories.\"",
    apply(value, path, config, problems) {
      const example = FIELDS.allowed_scopes!.example;
      if (!Array.isArray(value)) {
        problems.add(path, `must be a list of { scope, reason } entries (got ${problems.describe(value)})`, example);
        return;
      }
      if (value.length > CONFIG_LIMITS.maxListEntries) {
        problems.add(path, `has ${value.length} entries; at most ${CONFIG_LIMITS.maxListEntries} are allowed`, example);
        return;
      }
      value.forEach((entry, index) => {
        const entryPath = [...path, index];
        if (!isPlainObject(entry)) {
          problems.add(entryPath, `must be a mapping with 'scope' and 'reason' (got ${problems.describe(entry)})`, example);
          return;
        }
        let valid = true;
        for (const key of Object.keys(entry)) {
          if (key !== 'scope' && key !== 'reason') {
            problems.add([...entryPath, key], `is not a known key${suggestion(key, ['scope', 'reason'])}; an allowed scope has only 'scope' and 'reason'`, example);
            valid = false;
          }
        }
        for (const key of ['scope', 'reason'] as const) {
          const field = entry[key];
          if (typeof field !== 'string' || field.trim() === '') {
            const why = key === 'reason' ? 'every allowed scope needs a non-empty reason, so reviewers see why the exception is justified' : 'must be the scope string exactly as requested';
            problems.add([...entryPath, key], `${field === undefined ? 'is missing' : `must be a non-empty string (got ${problems.describe(field)})`}: ${why}`, example);
            valid = false;
          }
        }
        if (valid) config.allowedScopes.push({ scope: (entry.scope as string).trim(), reason: (entry.reason as string).trim() });
      });
    },
  },
  include: {
    example: 'include: ["src/**"]',
    apply(value, path, config, problems) {
      const globs = parseGlobList(value, path, problems, FIELDS.include!.example);
      if (globs) config.include = globs;
    },
  },
  exclude: {
    example: 'exclude: ["**/*.test.ts"]',
    apply(value, path, config, problems) {
      const globs = parseGlobList(value, path, problems, FIELDS.exclude!.example);
      // Added to the defaults, so excluding tests never starts scanning node_modules.
      if (globs) config.exclude = [...DEFAULT_EXCLUDE, ...globs.filter((glob) => !DEFAULT_EXCLUDE.includes(glob))];
    },
  },
  fail_on: enumField(FAIL_ON, 'fail_on: warning', (config, value) => (config.failOn = value)),
  max_file_size: {
    example: 'max_file_size: 500KB',
    apply(value, path, config, problems) {
      const bytes = parseByteSize(value);
      if (bytes === undefined) {
        problems.add(path, `must be a positive number of bytes or a size such as "500KB" or "1MB" (got ${problems.describe(value)})`, FIELDS.max_file_size!.example);
      } else config.maxFileBytes = bytes;
    },
  },
  gate: enumField(GATES, 'gate: changed-files', (config, value) => (config.gate = value)),
  on_error: enumField(ON_ERROR, 'on_error: neutral', (config, value) => (config.onError = value)),
  client_types: enumField(CLIENT_TYPES, 'client_types: confidential', (config, value) => (config.clientTypes = value)),
  test_files: enumField(TEST_FILES_POLICIES, 'test_files: report', (config, value) => (config.testFiles = value)),
};

export const CONFIG_KEYS: readonly string[] = Object.keys(FIELDS);

/**
 * Validates an already-parsed config object (YAML or JSON, snake_case keys), as the app
 * receives it from `context.config`. `null`/`undefined` (no or empty file) means defaults.
 */
export function validateConfig(raw: unknown, options: ValidateOptions = {}): ConfigResult {
  const config = defaultConfig();
  if (raw === null || raw === undefined) return { ok: true, config };
  const problems = new Problems(options.quoteValues ?? true);
  if (!isPlainObject(raw)) {
    problems.add([], `the file must be a mapping of settings such as 'rules' and 'fail_on' (got ${problems.describe(raw)})`, 'fail_on: error');
    return { ok: false, errors: problems.errors };
  }
  for (const [key, value] of Object.entries(raw)) {
    const field = FIELDS[key];
    if (!field) {
      const known = Object.keys(FIELDS);
      // The example is for the key the user probably meant; without a near miss an unrelated example would mislead.
      const meant = closest(key, known);
      problems.add([key], `is not a known setting${suggestion(key, known)}; known settings: ${known.join(', ')}`, meant === undefined ? undefined : FIELDS[meant]!.example);
      continue;
    }
    if (value === null || value === undefined) {
      problems.add([key], 'has no value; remove the key to use the default', field.example);
      continue;
    }
    field.apply(value, [key], config, problems);
  }
  return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, config };
}

/** Parses YAML (which includes JSON) and validates it; errors carry line numbers where the text has them. */
export function parseConfigText(text: string, sourceName: string, options: ValidateOptions = {}): ConfigResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > CONFIG_LIMITS.maxBytes) return { ok: false, errors: [configTooLarge(sourceName, bytes)] };
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((error) => {
        const noticed = error.linePos?.[0];
        // prettyErrors appends a source excerpt; the first line is the message.
        const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        // An unclosed quote or bracket is noticed where the file ends or the next key starts; point at where it opened.
        const opened = openingOf(text, error.code, message, error.pos[0]);
        const position = opened ? lineCounter.linePos(opened) : noticed;
        const where = position ? ` at line ${position.line}, column ${position.col}` : '';
        const cause = opened && noticed && noticed.line !== position!.line ? ` (opened here, never closed; noticed at line ${noticed.line})` : '';
        return { key: '', message: `${sourceName} is not valid YAML or JSON${where}: ${message}${cause}`, ...(position ? { line: position.line } : {}) };
      }),
    };
  }
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, errors: [{ key: '', message: `${sourceName} could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const result = validateConfig(raw, options);
  if (result.ok) return result;
  return {
    ok: false,
    errors: result.errors.map((error) => {
      const line = lineOfKey(document.contents, error.key, lineCounter);
      return line === undefined ? error : { ...error, line };
    }),
  };
}

/** Offset of the quote or flow bracket a MISSING_CHAR / BAD_INDENT error is about, when it can be found before `at`. */
function openingOf(text: string, code: string, message: string, at: number): number | undefined {
  let opener: string | undefined;
  if (code === 'MISSING_CHAR' && /closing "quote/.test(message)) opener = '"';
  else if (code === 'MISSING_CHAR' && /closing 'quote/.test(message)) opener = "'";
  else if (/^Flow sequence/.test(message)) opener = '[';
  else if (/^Flow map/.test(message)) opener = '{';
  if (!opener) return undefined;
  const offset = text.lastIndexOf(opener, Math.max(0, at - 1));
  return offset >= 0 ? offset : undefined;
}

function parseRuleSetting(value: unknown, path: Path, problems: Problems): RuleSetting | undefined {
  const id = String(path[path.length - 1]);
  const example = `rules:\n  ${id}: warning\n  # or\n  ${id}: { enabled: true, severity: warning }`;
  if (typeof value === 'string') {
    if (value === 'off') return { enabled: false };
    if ((SEVERITIES as readonly string[]).includes(value)) return { enabled: true, severity: value as Severity };
    problems.add(path, `must be one of ${RULE_LEVELS.join(', ')} (got ${problems.describe(value)})`, example);
    return undefined;
  }
  if (!isPlainObject(value)) {
    problems.add(path, `must be one of ${RULE_LEVELS.join(', ')}, or a mapping { enabled, severity } (got ${problems.describe(value)})`, example);
    return undefined;
  }
  const setting: RuleSetting = { enabled: true };
  let valid = true;
  for (const [key, field] of Object.entries(value)) {
    if (key === 'enabled') {
      if (typeof field === 'boolean') setting.enabled = field;
      else {
        problems.add([...path, key], `must be true or false (got ${problems.describe(field)})`, `rules:\n  ${id}: { enabled: false }`);
        valid = false;
      }
    } else if (key === 'severity') {
      const severity = parseEnum(field, SEVERITIES, [...path, key], problems, `rules:\n  ${id}: { severity: warning }`);
      if (severity) setting.severity = severity;
      else valid = false;
    } else {
      problems.add([...path, key], `is not a known key${suggestion(key, ['enabled', 'severity'])}; a rule setting has only 'enabled' and 'severity'`, example);
      valid = false;
    }
  }
  return valid ? setting : undefined;
}

function parseGlobList(value: unknown, path: Path, problems: Problems, example: string): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.add(path, `must be a list of glob patterns (got ${problems.describe(value)})`, example);
    return undefined;
  }
  if (value.length > CONFIG_LIMITS.maxListEntries) {
    problems.add(path, `has ${value.length} globs; at most ${CONFIG_LIMITS.maxListEntries} are allowed (use '**' to cover a directory)`, example);
    return undefined;
  }
  let valid = true;
  value.forEach((glob, index) => {
    if (typeof glob !== 'string' || glob.trim() === '') {
      problems.add([...path, index], `must be a non-empty glob string (got ${problems.describe(glob)})`, example);
      valid = false;
    } else if (glob.includes('\\')) {
      problems.add([...path, index], `must use '/' as the path separator (got ${problems.describe(glob)})`, example);
      valid = false;
    } else {
      const tooComplex = globComplexity(glob.trim());
      if (tooComplex) {
        problems.add([...path, index], tooComplex, example);
        valid = false;
      }
    }
  });
  return valid ? (value as string[]).map((glob) => glob.trim().replace(/^\.\//, '')) : undefined;
}

/**
 * Why a glob is refused, or undefined. Matching compiles globs to regular expressions, and several
 * `*` in one segment backtrack polynomially to exponentially on a long name that almost matches.
 */
export function globComplexity(glob: string): string | undefined {
  if (glob.length > CONFIG_LIMITS.maxGlobLength) return `is ${glob.length} characters long; a glob may have at most ${CONFIG_LIMITS.maxGlobLength}`;
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const stars = segment.split('*').length - 1;
    if (stars > CONFIG_LIMITS.maxStarsPerSegment) {
      return `has ${stars} '*' wildcards in one path segment; at most ${CONFIG_LIMITS.maxStarsPerSegment} are allowed (matching such a glob can take minutes)`;
    }
  }
  return undefined;
}

/** A key whose value is one of a few words. */
function enumField<T extends string>(allowed: readonly T[], example: string, assign: (config: GuardConfig, value: T) => void): FieldSpec {
  return {
    example,
    apply(value, path, config, problems) {
      const parsed = parseEnum(value, allowed, path, problems, example);
      if (parsed) assign(config, parsed);
    },
  };
}

function parseEnum<T extends string>(value: unknown, allowed: readonly T[], path: Path, problems: Problems, example: string): T | undefined {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  problems.add(path, `must be one of ${allowed.join(', ')} (got ${problems.describe(value)})`, example);
  return undefined;
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, kib: 1024, mb: 1024 ** 2, mib: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3 };

/** 1048576, "1048576", "500KB", "1.5 MB" → bytes (1024-based); anything else → undefined. */
export function parseByteSize(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = SIZE_UNITS[(match[2] || 'b').toLowerCase()];
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(match[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

function formatPath(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** The line of the key an error names, found by walking the YAML node tree along the dotted path. */
function lineOfKey(contents: unknown, key: string, lineCounter: LineCounter): number | undefined {
  if (!key) return undefined;
  const parts = key.match(/[^.[\]]+/g) ?? [];
  let node = contents as YamlNode | null | undefined;
  let offset: number | undefined;
  for (const part of parts) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === part);
      if (!pair) break;
      offset = (pair.key as YamlNode).range?.[0];
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && /^\d+$/.test(part)) {
      const item = node.items[Number(part)] as YamlNode | undefined;
      if (!item) break;
      offset = item.range?.[0];
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
