import { OAUTH_REQUEST_TEXT } from '../knowledge/prefilter.js';
import { oauthRequestVisitors, locateScopeLiteral, splitScopes, type OAuthRequest } from '../models/oauth-client.js';
import { GENERIC_BROAD_WORDS, KNOWN_NARROW_SCOPES, MAIL_PROTOCOL_EVIDENCE, PROTOCOL_SCOPES, type ScopeProvider } from '../knowledge/scopes.js';
import { classifyScope, type ScopeVerdict } from '../models/scope-breadth.js';
import type { ts } from './define.js';
import { defineRule } from './define.js';
import type { RuleContext } from '../engine/context.js';
import type { Severity } from '../types.js';
import { loadScopeMap, SCOPE_MAP_PROVIDERS, type ScopeMapProvider } from '../knowledge/scope-maps/index.js';
import { PROVIDER_NAMES } from '../knowledge/scopes.js';
import {
  callLabel, callSite, detachedCall, displayScope, findApiCalls, googleClientsCreatedIn, googleResourceText, isProviderScope, optionsOf, PROVIDER_CALL_TEXT, solveProvider, TOOL_REGISTRATION_TEXT, toolHandlerCount,
  type ApiCall, type FileCalls,
} from '../models/api-calls.js';

/** The provider a request goes to: its endpoint or library, else the provider its distinctive scopes belong to. */
function providerOf(request: OAuthRequest, scopes: string[]): ScopeProvider | undefined {
  if (request.provider) return request.provider;
  for (const scope of scopes) {
    const verdict = classifyScope(scope);
    if (verdict?.kind === 'catalogued') return verdict.entry.provider;
    const narrow = KNOWN_NARROW_SCOPES.find((entry) => entry.provider !== 'oidc' && (typeof entry.scope === 'string' ? entry.scope === scope : entry.scope.test(scope)));
    if (narrow && narrow.provider !== 'oidc') return narrow.provider;
  }
  return undefined;
}

function quoteList(scopes: string[], conjunction: 'or' | 'and' = 'or'): string {
  const quoted = scopes.map((scope) => `'${scope}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** What the rule works out for one file; the `scopes` command prints it. */
export interface FileScopeAnalysis {
  path: string;
  requests: { provider?: ScopeProvider; scopes: string[]; line: number }[];
  calls: ApiCall[];
  /** Map providers whose calls were looked for in this file. */
  providers: Set<ScopeMapProvider>;
  /** MCP tool handlers the file registers. */
  toolHandlers: number;
}

/** Providers with a vendored scope map, by the names the OAuth request model uses. */
const MAP_PROVIDERS: Partial<Record<ScopeProvider, ScopeMapProvider>> = Object.fromEntries(SCOPE_MAP_PROVIDERS.map((provider) => [provider, provider]));

/** The calls of a file, found once per file and only when a request to a mapped provider needs them. */
class LazyCalls {
  private found?: FileCalls;
  constructor(
    private readonly context: RuleContext,
    readonly project?: ProjectCalls,
  ) {}
  /** This file's calls. */
  get(): FileCalls {
    return (this.found ??= findApiCalls(this.context.sourceFile, this.context.values, undefined, googleClientsOf(this.context)));
  }
  /** The calls the judgement uses: the whole tree's when a first pass collected them or the scan's files were handed in, else this file's. */
  judged(): { calls: ApiCall[]; toolHandlers: number } {
    return this.project ?? scanCalls(this.context) ?? this.get();
  }
}

/** The calls of each scan, found once per scan (on the first file with a request that needs them). */
const CALLS_BY_SCAN = new WeakMap<object, ProjectCalls>();
const GOOGLE_CLIENTS_BY_SCAN = new WeakMap<object, Set<string>>();

/** The googleapis APIs whose clients the scan (or this file alone) creates, read from text before any parse. */
function googleClientsOf(context: RuleContext): Set<string> {
  const scan = context.scan;
  if (!scan || scan.files <= 1) return googleClientsCreatedIn(context.sourceFile.text);
  let apis = GOOGLE_CLIENTS_BY_SCAN.get(scan.key);
  if (!apis) {
    const found = new Set<string>(googleClientsCreatedIn(context.sourceFile.text));
    // Only the text is read: the tester records and declines, so no module is parsed for this.
    scan.each({ test: (text) => (googleClientsCreatedIn(text).forEach((api) => found.add(api)), false) }, () => undefined);
    GOOGLE_CLIENTS_BY_SCAN.set(scan.key, (apis = found));
  }
  return apis;
}

/** Text of a file that may call a mapped provider's API or register MCP tools. */
const SCAN_TEXT = { test: (text: string) => TOOL_REGISTRATION_TEXT.test(text) || Object.values(PROVIDER_CALL_TEXT).some((pattern) => pattern.test(text)) };

/**
 * The API calls and tool handlers of every file of the scan: tools registered in one module
 * calling helpers in another still count as what the tools need.
 */
function scanCalls(context: RuleContext): ProjectCalls | undefined {
  const scan = context.scan;
  // A scan of this file alone: its own calls, worded as this file's.
  if (!scan || scan.files <= 1) return undefined;
  let found = CALLS_BY_SCAN.get(scan.key);
  if (!found) {
    const calls: ApiCall[] = [];
    let toolHandlers = 0;
    const googleClients = googleClientsOf(context);
    const mentions = googleClients.size > 0 ? { test: (text: string) => SCAN_TEXT.test(text) || googleResourceText(googleClients).test(text) } : SCAN_TEXT;
    scan.each(mentions, ({ sourceFile, values }) => {
      const fileCalls = findApiCalls(sourceFile, values, sourceFile.text, googleClients);
      for (const call of fileCalls.calls) calls.push(detachedCall(call, values));
      toolHandlers += fileCalls.providers.size > 0 ? fileCalls.toolHandlers : toolHandlerCount(sourceFile, values);
    });
    CALLS_BY_SCAN.set(scan.key, (found = { calls, toolHandlers }));
  }
  return found;
}

interface Part {
  scope: string;
  /** The finding's message for this scope alone, and its part of a combined message. */
  alone: { messageId: 'unneeded' | 'broader' | 'unneededInTree' | 'broaderInTree' | 'catalogued' | 'generic'; data: Record<string, string> };
  short: string;
  severity?: Severity;
}

/** 'gmail users.messages.list, users.messages.get and users.messages.send': the API named once per run. */
export function describeCalls(calls: readonly ApiCall[], limit = 6): string {
  const labels: string[] = [];
  let previousApi: string | undefined;
  const seen = new Set<string>();
  for (const call of calls) {
    if (!call.entry) continue;
    const label = callLabel(call.entry);
    if (seen.has(label)) continue;
    seen.add(label);
    const api = call.entry.provider === 'google' ? label.split(' ')[0] : undefined;
    labels.push(api && api === previousApi ? label.slice(api.length + 1) : label);
    previousApi = api;
  }
  const shown = labels.slice(0, limit);
  if (labels.length > limit) shown.push(`${labels.length - limit} more`);
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function toolNote(calls: readonly ApiCall[]): string {
  const tools = [...new Set(calls.flatMap((call) => call.tools))].sort();
  return tools.length ? ` (tools ${tools.map((tool) => `'${tool}'`).join(', ')})` : '';
}

/**
 * Calls found in every file of the scanned tree (a first pass, as `mcp-oauth-guard scopes` makes):
 * given, the rule judges a request against them instead of the calls of its own file only.
 */
export interface ProjectCalls {
  calls: ApiCall[];
  toolHandlers: number;
}

export function createBroadScope(onAnalysis?: (analysis: FileScopeAnalysis) => void, project?: ProjectCalls) {
  return defineRule({
    meta: {
      id: 'broad-scope',
      description: 'An OAuth authorization request asks for a scope broader than the tools need.',
      defaultSeverity: 'error',
      cwe: ['CWE-250', 'CWE-272'],
      securitySeverity: '6.5',
      precision: 'high',
      requiresText: OAUTH_REQUEST_TEXT,
      messages: {
        unneeded: 'The tools call {{calls}}{{tools}}: none of these needs `{{scope}}`; drop it.',
        broader: 'The tools call {{calls}}{{tools}}: request `{{replacement}}` instead of `{{scope}}`.',
        unneededInTree: 'The scanned files call {{calls}}{{tools}} (not all traced to an MCP tool): none of these needs `{{scope}}`; drop it.',
        broaderInTree: 'The scanned files call {{calls}}{{tools}} (not all traced to an MCP tool): request `{{replacement}}` instead of `{{scope}}`.',
        catalogued: "Scope '{{scope}}' {{grants}}; {{advice}}{{unseen}}.",
        generic: "Scope '{{scope}}' asks for {{breadth}}; request only the narrower scopes the tools use, or list it under 'allowed_scopes' with a reason{{unseen}}.",
        several: 'Scopes {{scopes}} are broader than the tools usually need; {{details}}{{unseen}}.',
        combined: '{{details}}.',
      },
    },
    create(context) {
      const calls = new LazyCalls(context, project);
      return oauthRequestVisitors(context, (requests) => {
        const allowed = new Set(context.config.allowedScopes.map((entry) => entry.scope.toLowerCase()));
        const byNode = new Map<ts.Node, Map<string, Part>>();
        const unseenByNode = new Map<ts.Node, string>();
        const speaksMailProtocol = MAIL_PROTOCOL_EVIDENCE.test(context.sourceFile.text);
        const analysis: FileScopeAnalysis | undefined = onAnalysis ? { path: context.path, requests: [], calls: [], providers: new Set(), toolHandlers: 0 } : undefined;
        for (const request of requests) {
          const scopeLists = request.scopes.map((value) => ({ value, scopes: value.values.flatMap((text) => splitScopes(text, value.encoded)) }));
          const allScopes = [...new Set(scopeLists.flatMap((list) => list.scopes))];
          const provider = providerOf(request, allScopes);
          analysis?.requests.push({ provider, scopes: allScopes, line: context.sourceFile.getLineAndCharacterOfPosition(request.node.getStart(context.sourceFile)).line + 1 });
          const judged = judgeWithCalls(context, calls, provider, allScopes);
          for (const { value, scopes } of scopeLists) {
            for (const scope of new Set(scopes)) {
              if (allowed.has(scope.toLowerCase())) continue;
              if (speaksMailProtocol && PROTOCOL_SCOPES.some((entry) => entry.scope === scope && (!provider || entry.provider === provider))) continue;
              const node: ts.Node | undefined = locateScopeLiteral(context.values, value.roots, scope) ?? value.fallback;
              let part: Part | undefined;
              if (judged.kind === 'solved' && judged.parts.has(scope)) part = judged.parts.get(scope);
              else if (judged.kind === 'solved' && judged.judgedScopes.has(scope)) part = undefined; // needed: never reported
              else if (judged.kind === 'unseen' && judged.neededByResolved?.has(scope)) continue; // the calls that were seen need it
              else {
                const verdict = classifyScope(scope, provider);
                if (!verdict || verdict.kind === 'narrow') continue;
                if (!catalogueMayJudge(verdict, judged)) continue;
                part = cataloguePart(scope, verdict);
                // The calls decide for this provider and could not be seen (or not from the tools): the catalogue's guess is not evidence.
                const unseen = judged.kind === 'unseen' ? judged.reason : judged.kind === 'solved' ? judged.unseen : undefined;
                if (unseen) {
                  unseenByNode.set(node, unseen);
                  part = { ...part, severity: 'note' };
                }
              }
              if (!part) continue;
              const found = byNode.get(node) ?? new Map<string, Part>();
              byNode.set(node, found);
              if (!found.has(scope)) found.set(scope, part);
            }
          }
        }
        if (analysis) {
          const found = calls.get();
          for (const call of found.calls) if (call.entry) call.options = optionsOf(loadScopeMap(call.provider), call, context.values);
          analysis.calls = found.calls;
          analysis.providers = found.providers;
          analysis.toolHandlers = found.toolHandlers;
          onAnalysis!(analysis);
        }
        for (const [node, found] of byNode) report(context, node, [...found.values()], unseenByNode.get(node));
      });
    },
  });
}

function report(context: RuleContext, node: ts.Node, parts: Part[], unseenReason: string | undefined): void {
  const unseen = unseenReason ? `; ${unseenReason}, so this is the catalogue's judgement` : '';
  const catalogueOnly = parts.every((part) => part.alone.messageId === 'catalogued' || part.alone.messageId === 'generic');
  if (parts.length === 1) {
    const [part] = parts;
    const data = { ...part!.alone.data, unseen };
    context.report({ node, messageId: part!.alone.messageId, data, severity: part!.severity });
    return;
  }
  // The finding is as severe as its most severe part (a part without a severity has the rule's default, error).
  const severity = parts.some((part) => part.severity === undefined) ? undefined : parts.some((part) => part.severity === 'warning') ? 'warning' : 'note';
  if (catalogueOnly) {
    context.report({ node, messageId: 'several', data: { scopes: quoteList(parts.map((part) => part.scope), 'and'), details: parts.map((part) => part.short).join('; '), unseen }, severity });
    return;
  }
  const details = mergeUnneeded(parts).map((short, index) => (index === 0 ? short : short.replace(/^The /, 'the '))).join('; ');
  context.report({ node, messageId: 'combined', data: { details: details.replace(/\.$/, '') + (unseen && parts.some((part) => part.alone.messageId === 'catalogued' || part.alone.messageId === 'generic') ? unseen : '') }, severity });
}

/** The parts' shorts, scopes that the same calls do not need named once: "none of these needs `user` or `admin:org`; drop them". */
function mergeUnneeded(parts: readonly Part[]): string[] {
  const groups = new Map<string, Part[]>();
  const keyOf = (part: Part) => (part.alone.messageId === 'unneeded' || part.alone.messageId === 'unneededInTree' ? `${part.alone.messageId} ${part.alone.data.calls} ${part.alone.data.tools}` : undefined);
  for (const part of parts) {
    const key = keyOf(part);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), part]);
  }
  const shorts: string[] = [];
  for (const part of parts) {
    const group = groups.get(keyOf(part) ?? '');
    if (!group || group.length === 1) shorts.push(part.short);
    else if (group[0] === part) {
      const scopes = group.map((member) => `\`${member.scope}\``);
      const named = `${scopes.slice(0, -1).join(', ')} or ${scopes[scopes.length - 1]}`;
      shorts.push(part.short.replace(/none of these needs `[^`]+`; drop it$/, `none of these needs ${named}; drop them`));
    }
  }
  return shorts;
}

function cataloguePart(scope: string, verdict: BroadVerdict): Part {
  if (verdict.kind === 'catalogued') {
    return { scope, alone: { messageId: 'catalogued', data: { scope, grants: verdict.grants, advice: advice(verdict) } }, short: shortAdvice(scope, verdict) };
  }
  return { scope, alone: { messageId: 'generic', data: { scope, breadth: verdict.breadth } }, short: shortAdvice(scope, verdict), severity: 'warning' };
}

type Judgement =
  | { kind: 'solved'; parts: Map<string, Part>; judgedScopes: Set<string>; unseen?: string }
  /**
   * The calls could not decide. `toolsCallVisibly`: the tools' calls to the provider are in sight but
   * some cannot be pinned to a method (a method named at run time, a call-any-endpoint tool);
   * `neededByResolved`: requested scopes the calls that were pinned depend on.
   */
  | { kind: 'unseen'; reason: string; toolsCallVisibly?: boolean; neededByResolved?: Set<string> }
  | { kind: 'unmapped' };

/**
 * Whether the catalogue may speak for a scope the calls did not decide. With the tools' calls in
 * sight but not all pinned, it is the documented fallback. With no call in sight (none in the scan,
 * tools not registered, no scope map for the provider), only a grant that almost no tool needs is
 * reported: a scope tools commonly need ('repo', 'drive', 'cloud-platform') is as likely needed as
 * not, and a bare 'write' is an API's normal grant for any change.
 */
function catalogueMayJudge(verdict: BroadVerdict, judged: Judgement): boolean {
  if (verdict.kind === 'generic') return verdict.breadth !== GENERIC_BROAD_WORDS.write || (judged.kind === 'unseen' && judged.toolsCallVisibly === true);
  if (judged.kind === 'unseen' && judged.toolsCallVisibly) return true;
  return verdict.entry.rarelyNeeded !== undefined;
}

/** Judges a request's scopes against the file's calls to the provider, or says why it cannot. */
function judgeWithCalls(context: RuleContext, calls: LazyCalls, provider: ScopeProvider | undefined, scopes: string[]): Judgement {
  const mapProvider = provider ? MAP_PROVIDERS[provider] : undefined;
  if (!mapProvider) return { kind: 'unmapped' };
  const map = loadScopeMap(mapProvider);
  const judgedScopes = scopes.filter((scope) => isProviderScope(map, scope));
  if (judgedScopes.length === 0) return { kind: 'unmapped' };
  const found = calls.judged();
  const providerCalls = found.calls.filter((call) => call.provider === mapProvider);
  const name = PROVIDER_NAMES[provider!];
  const scanned = calls.judged() === calls.get() ? 'in this file' : 'in the scanned files';
  if (providerCalls.length === 0) return { kind: 'unseen', reason: `the ${name} API calls the tools make could not be seen ${scanned}` };
  // Calls in a file that registers no tool (an auth module checking the token with one call) are not what the tools call.
  if (found.toolHandlers === 0) return { kind: 'unseen', reason: `the MCP tools are not registered ${scanned}, so the ${name} API calls they make could not be seen` };
  const unresolved = providerCalls.filter((call) => !call.entry);
  if (unresolved.length > 0) {
    const first = unresolved[0]!;
    const site = callSite(first);
    const where = site.fileName === context.sourceFile.fileName ? `line ${site.line}` : `${site.fileName}:${site.line}`;
    // What the pinned calls depend on is needed whatever the others call. The catalogue is the fallback only
    // when a tool makes an unpinned call (a method named at run time, a call-any-endpoint tool): an unpinned
    // call elsewhere (a CLI's own call to an API the maps do not cover) says nothing about the tools.
    const resolved = providerCalls.filter((call) => call.entry);
    const partial = resolved.length ? solveProvider(mapProvider, judgedScopes, resolved, context.values) : undefined;
    const neededByResolved = new Set(partial?.verdicts.filter((verdict) => (verdict.kind === 'needed' && verdict.calls.length > 0) || verdict.kind === 'broader').map((verdict) => verdict.scope));
    return { kind: 'unseen', reason: `the ${name} API calls could not all be seen (${where}: ${first.unresolved})`, toolsCallVisibly: unresolved.some((call) => call.tools.length > 0), neededByResolved };
  }
  const solution = solveProvider(mapProvider, judgedScopes, providerCalls, context.values);
  if (solution.uncovered.length > 0) {
    // The requested scopes do not serve every call: the request is not the one these calls use.
    return { kind: 'unseen', reason: `the requested ${name} scopes do not serve ${describeCalls(solution.uncovered, 3)}, so the calls may use another request` };
  }
  // Across the scan, a call is known to be the tools' only when a tool handler of its own file reaches it;
  // calls in helper modules are often the tools' too, and an auth module's own check of the token only adds
  // needs. So untraced calls still decide, worded as the scanned files' calls and one level lower.
  const untraced = scanned === 'in the scanned files' && !calls.project && providerCalls.some((call) => call.tools.length === 0);
  // No call traced to a tool at all: the tools' own calls are unseen, and an auth module's check must not decide.
  if (untraced && providerCalls.every((call) => call.tools.length === 0)) {
    const judgedByCatalogue = new Set(solution.verdicts.filter((verdict) => verdict.kind !== 'needed').map((verdict) => verdict.scope));
    return {
      kind: 'solved', parts: new Map(), judgedScopes: new Set(judgedScopes.filter((scope) => !judgedByCatalogue.has(scope))),
      unseen: `none of the ${name} API calls in the scanned files could be traced to the MCP tools`,
    };
  }
  const parts = new Map<string, Part>();
  const allCalls = solution.verdicts.length ? providerCalls : [];
  // The combined message is built from the shorts: each must say that not all the calls were traced to a tool.
  const who = untraced ? 'The scanned files call' : 'The tools call';
  const traced = untraced ? ' (not all traced to an MCP tool)' : '';
  const severity: Severity | undefined = untraced ? 'warning' : undefined;
  for (const verdict of solution.verdicts) {
    if (verdict.kind === 'unneeded') {
      const data = { scope: verdict.scope, calls: describeCalls(allCalls), tools: toolNote(allCalls) };
      parts.set(verdict.scope, { scope: verdict.scope, alone: { messageId: untraced ? 'unneededInTree' : 'unneeded', data }, short: `${who} ${data.calls}${data.tools}${traced}: none of these needs \`${verdict.scope}\`; drop it`, severity });
    } else if (verdict.kind === 'broader') {
      const data = { scope: verdict.scope, calls: describeCalls(verdict.calls), tools: toolNote(verdict.calls), replacement: verdict.replacement.map(displayScope).join(' ') };
      parts.set(verdict.scope, { scope: verdict.scope, alone: { messageId: untraced ? 'broaderInTree' : 'broader', data }, short: `${who} ${data.calls}${data.tools}${traced}: request \`${data.replacement}\` instead of \`${verdict.scope}\``, severity });
    }
  }
  return { kind: 'solved', parts, judgedScopes: new Set(judgedScopes) };
}

export const broadScope = createBroadScope();

type BroadVerdict = Exclude<ScopeVerdict, { kind: 'narrow' }>;

function advice(verdict: Extract<ScopeVerdict, { kind: 'catalogued' }>): string {
  return verdict.narrower.length ? `request ${quoteList(verdict.narrower)} if ${verdict.entry.when}` : `drop it unless ${verdict.entry.when}`;
}

/** One scope's part of the several-scopes message: what to ask for instead (the doc says what each grants). */
function shortAdvice(scope: string, verdict: BroadVerdict): string {
  if (verdict.kind === 'generic') return `'${scope}' asks for ${verdict.breadth}`;
  return verdict.narrower.length ? `instead of '${scope}' request ${quoteList(verdict.narrower)}` : `drop '${scope}' unless ${verdict.entry.when}`;
}
