import type { RuleMeta } from '../analyzer/rules/define.js';
import type { AnalysisResult, Finding, Severity, SuppressedFinding } from '../analyzer/types.js';
import type { GuardConfig } from '../config/types.js';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from '../version.js';
import { lineHashes } from './fingerprint.js';
import { compareFindings } from './severity.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  /** Every rule the tool has, in a stable order: `ruleIndex` points into this list. */
  rules: readonly RuleMeta<string>[];
  /** The markdown of `docs/rules/<id>.md` per rule id; read by the caller, so this stays pure. */
  ruleDocs?: ReadonlyMap<string, string>;
  /** The text of a reported file, for `primaryLocationLineHash`; undefined leaves the hash to the upload action. */
  sourceText?: (file: string) => string | undefined;
  /** Severity overrides and disabled rules, shown as each rule's default configuration. */
  config?: Pick<GuardConfig, 'rules'>;
  /** `file://` URI of the directory the relative paths start from. */
  srcRootUri?: string;
  version?: string;
  informationUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: 'inSource'; justification: string }[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { enabled: boolean; level: SarifLevel };
  properties: { tags: string[]; precision: string; 'security-severity': string; 'problem.severity': string };
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: { level: 'error' | 'warning'; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[];
    }[];
  }[];
}

const SRCROOT = '%SRCROOT%';
/** Our own engine fingerprint, kept beside GitHub's line hash for tools that match on it. */
export const ENGINE_FINGERPRINT_KEY = 'mcpOauthGuardFingerprint/v1';

/** SARIF 2.1.0 in the shape GitHub code scanning ingests. Pure: documents and sources come in as data. */
export function buildSarif(result: AnalysisResult, options: SarifOptions): SarifLog {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id as string, index]));
  const hashCache = new Map<string, Map<number, string> | undefined>();
  const lineHashFor = (file: string, line: number): string | undefined => {
    if (!hashCache.has(file)) {
      const text = options.sourceText?.(file);
      hashCache.set(file, text === undefined ? undefined : lineHashes(text));
    }
    return hashCache.get(file)?.get(line);
  };

  const toResult = (finding: Finding, suppression?: string): SarifResult => {
    const index = ruleIndex.get(finding.ruleId);
    if (index === undefined) throw new Error(`finding of rule '${finding.ruleId}', which is not in the SARIF rule list`);
    const partialFingerprints: Record<string, string> = {};
    const lineHash = lineHashFor(finding.file, finding.line);
    if (lineHash) partialFingerprints.primaryLocationLineHash = lineHash;
    partialFingerprints[ENGINE_FINGERPRINT_KEY] = finding.fingerprint;
    return {
      ruleId: finding.ruleId,
      ruleIndex: index,
      level: finding.severity,
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(finding.file), uriBaseId: SRCROOT },
            region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
          },
        },
      ],
      partialFingerprints,
      ...(suppression !== undefined ? { suppressions: [{ kind: 'inSource' as const, justification: suppression }] } : {}),
    };
  };

  const results = [
    ...[...result.findings].sort(compareFindings).map((finding) => toResult(finding)),
    ...[...result.suppressed].sort(compareFindings).map((finding: SuppressedFinding) => toResult(finding, finding.reason)),
  ];

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: options.version ?? TOOL_VERSION,
            semanticVersion: options.version ?? TOOL_VERSION,
            informationUri: options.informationUri ?? TOOL_INFORMATION_URI,
            rules: options.rules.map((rule) => toSarifRule(rule, options)),
          },
        },
        ...(options.srcRootUri ? { originalUriBaseIds: { [SRCROOT]: { uri: options.srcRootUri.endsWith('/') ? options.srcRootUri : `${options.srcRootUri}/` } } } : {}),
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [
          {
            // The run completed; files it could not analyse are reported, not fatal.
            executionSuccessful: true,
            toolExecutionNotifications: result.errors.map((error) => ({
              level: error.fatal ? ('error' as const) : ('warning' as const),
              message: { text: error.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: toUri(error.file), uriBaseId: SRCROOT } } }],
            })),
          },
        ],
      },
    ],
  };
}

function toSarifRule(rule: RuleMeta<string>, options: SarifOptions): SarifRule {
  const setting = options.config?.rules[rule.id];
  const level: Severity = setting?.severity ?? rule.defaultSeverity;
  const markdown = options.ruleDocs?.get(rule.id) ?? `# ${rule.id}\n\n${rule.description}\n`;
  const overview = firstParagraph(markdown) ?? rule.description;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: overview },
    help: { text: markdownToText(markdown), markdown },
    defaultConfiguration: { enabled: setting?.enabled !== false, level },
    properties: {
      tags: rule.cwe.length > 0 ? ['security', ...rule.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)] : ['maintainability'],
      precision: rule.precision,
      'security-severity': rule.securitySeverity,
      'problem.severity': rule.defaultSeverity === 'note' ? 'recommendation' : rule.defaultSeverity,
    },
  };
}

/** The paragraph after the title: the doc starts with the rule's description sentence. */
export function firstParagraph(markdown: string): string | undefined {
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((block) => block.trim());
  const paragraph = blocks.find((block) => block.length > 0 && !block.startsWith('#') && !block.startsWith('```'));
  return paragraph ? paragraph.replace(/\s*\n\s*/g, ' ') : undefined;
}

/** Plain text for `help.text`: headings and emphasis unmarked, code kept. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^```\w*\n?/gm, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .trim();
}

/** A relative `/` path as a URI reference: each segment percent-encoded (codeql-action decodes it). */
export function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function pascalCase(id: string): string {
  return id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}
