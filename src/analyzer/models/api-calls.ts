/**
 * API calls → provider methods → the scopes they need. Recognises, within one file:
 *   - googleapis resource chains (`gmail.users.messages.send`, through aliases, destructuring and
 *     `this.gmail` fields) on clients made by `google.gmail('v1')` / `google.drive({ version })`;
 *   - Octokit: `octokit.rest.issues.create`, `octokit.issues.create`, `octokit.request('GET /route')`
 *     and `octokit.paginate(octokit.rest.x.y | 'GET /route')`;
 *   - Microsoft Graph: `client.api('/me/messages').select(…).get()` and the other verbs;
 *   - Slack: `client.chat.postMessage(…)`, `client.apiCall('chat.postMessage')`;
 *   - Dropbox: the SDK's route methods on `new Dropbox(…)` (`dbx.filesListFolder(…)`);
 *   - Spotify: spotify-web-api-node's methods on `new SpotifyWebApi(…)` (`spotifyApi.getMe()`);
 *   - `fetch`, axios and got calls to a provider's API host, the URL constant-folded and
 *     matched to the maps' URL templates.
 * A call to a provider that cannot be pinned to one method (a computed method name, a route or
 * URL that is not constant) is kept as unresolved: the solver must then not claim a scope is
 * unneeded. Then each call is attributed to the MCP tools that reach it, and the minimal scope
 * set that serves the calls is solved against what the code requests.
 *
 * Engine capability written here (not in engine/): a small intra-file call graph (function →
 * its callers) for the attribution; the cross-module engine of 'Analyzer v2' can replace it.
 */
import { ts } from '../engine/typescript.js';
import { importBindingRef } from '../engine/modules.js';
import { UNKNOWN, type ValueResolver } from '../engine/values.js';
import {
  coveredBy,
  loadScopeMap,
  strictlyCovers,
  type ScopeMap,
  type ScopeMapEntry,
  SCOPE_MAP_PROVIDERS,
  type ScopeMapProvider,
} from '../knowledge/scope-maps/index.js';
import { providerRecord } from '../knowledge/providers/index.js';

export interface ApiCall {
  provider: ScopeMapProvider;
  /** The call in its file's tree; left out of a call kept for the whole scan (it would keep every tree alive): see `site`. */
  node?: ts.Node;
  /** Where the call is, for a call kept without its tree. */
  site?: { fileName: string; line: number };
  /** The method, when the call is pinned to one. */
  entry?: ScopeMapEntry;
  /** Why the call could not be pinned to one method. */
  unresolved?: string;
  /** The object literal of the call's parameters, when visible (for the parameter limits). */
  parameters?: ts.Expression;
  /** Query parameters of a URL call (for the parameter limits). */
  query?: Map<string, string>;
  /** Names of the MCP tools whose handlers reach the call (empty: none seen). */
  tools: string[];
  /** The scope options after the parameter limits, fixed while the file's values were at hand (for judging across files). */
  options?: string[][];
}

/** Words a file must contain for a provider's calls to be looked for (and its map loaded). */
export const PROVIDER_CALL_TEXT: Record<ScopeMapProvider, RegExp> = Object.fromEntries(
  SCOPE_MAP_PROVIDERS.map((provider) => [provider, providerRecord(provider).scopeMap!.callText]),
) as Record<ScopeMapProvider, RegExp>;

/** The `googleapis` factory names and the map's API id for each (the version the map holds). */
const GOOGLE_FACTORIES: Record<string, string> = {
  gmail: 'gmail:v1', drive: 'drive:v3', calendar: 'calendar:v3', docs: 'docs:v1', sheets: 'sheets:v4', slides: 'slides:v1',
  people: 'people:v1', tasks: 'tasks:v1', youtube: 'youtube:v3', forms: 'forms:v1', chat: 'chat:v1', admin: 'admin:directory_v1',
  meet: 'meet:v2', keep: 'keep:v1', script: 'script:v1', searchconsole: 'searchconsole:v1',
};
/** Generated client classes (`new gmail_v1.Gmail(…)`). */
const GOOGLE_CLASSES: Record<string, string> = {
  Gmail: 'gmail', Drive: 'drive', Calendar: 'calendar', Docs: 'docs', Sheets: 'sheets', Slides: 'slides', People: 'people', Tasks: 'tasks',
  Youtube: 'youtube', Forms: 'forms', Chat: 'chat', Admin: 'admin', Meet: 'meet', Keep: 'keep', Script: 'script', Searchconsole: 'searchconsole',
};

const GRAPH_VERBS: Record<string, string> = { get: 'GET', post: 'POST', patch: 'PATCH', update: 'PATCH', put: 'PUT', delete: 'DELETE', del: 'DELETE', getStream: 'GET', putStream: 'PUT' };
const AXIOS_VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', head: 'HEAD' };

/** What a receiver expression stands for. */
type Client =
  | { kind: 'google'; api: string; path: string[] }
  | { kind: 'octokit'; path: string[] }
  | { kind: 'slack'; path: string[] }
  | { kind: 'dropbox'; path: string[] }
  | { kind: 'spotify'; path: string[] };

const MAX_FOLLOW = 8;

let dropboxNamespaceWords: Set<string> | undefined;
/** The first word of every Dropbox SDK method ('files' of filesListFolder, 'file' of fileRequestsCreate), from the map. */
function dropboxNamespaces(): Set<string> {
  return (dropboxNamespaceWords ??= new Set([...loadScopeMap('dropbox').byMethod.values()].map((entry) => /^[a-z]+/.exec(entry.method)![0])));
}

const GOOGLE_CLIENT_TEXT = new RegExp(
  `\\bgoogle\\s*\\.\\s*(${Object.keys(GOOGLE_FACTORIES).join('|')})\\s*\\(|\\b(${Object.keys(GOOGLE_FACTORIES).join('|')})_v\\w+\\s*\\.\\s*[A-Z]\\w*\\b|@googleapis\\/(${Object.keys(GOOGLE_FACTORIES).join('|')})\\b`,
  'g',
);

/**
 * The googleapis APIs (map ids) whose clients a module creates: `google.drive(…)`, `new drive_v3.Drive(…)`,
 * `@googleapis/drive`. Read from the text of modules that name googleapis, so a scan knows them before any call.
 */
export function googleClientsCreatedIn(text: string): Set<string> {
  const apis = new Set<string>();
  if (!PROVIDER_CALL_TEXT.google.test(text)) return apis;
  for (const match of text.matchAll(GOOGLE_CLIENT_TEXT)) apis.add(GOOGLE_FACTORIES[(match[1] ?? match[2] ?? match[3])!]!);
  return apis;
}

/** A literal, a collection or an instance of some class: not a googleapis client handed in. */
function isVisiblyNotAClient(node: ts.Node): boolean {
  return ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) || ts.isNewExpression(node) || ts.isStringLiteralLike(node) || ts.isTemplateExpression(node);
}


const resourceTexts = new Map<string, RegExp>();
/** Text a module needs to call one of these APIs by its resources (`.files.`, `.users.`, `.spreadsheets.`). */
export function googleResourceText(apis: ReadonlySet<string>): RegExp {
  const key = [...apis].sort().join(' ');
  let pattern = resourceTexts.get(key);
  if (!pattern) {
    const roots = new Set<string>();
    for (const entry of loadScopeMap('google').byMethod.values()) if (apis.has(entry.api)) roots.add(entry.method.split('.')[0]!);
    pattern = roots.size ? new RegExp(`\\.\\s*(?:${[...roots].join('|')})\\s*\\.`) : /$^/;
    resourceTexts.set(key, pattern);
  }
  return pattern;
}

export interface FileCalls {
  calls: ApiCall[];
  /** Providers whose calls were looked for (their text was in the file). */
  providers: Set<ScopeMapProvider>;
  /** MCP tool handlers the file registers: without any, the tools (and most calls) live elsewhere. */
  toolHandlers: number;
}

/** Every provider call in the file, resolved where possible, with the tools that reach it. */
export function findApiCalls(sourceFile: ts.SourceFile, values: ValueResolver, text = sourceFile.text, googleClients: ReadonlySet<string> = googleClientsCreatedIn(text)): FileCalls {
  const providers = new Set<ScopeMapProvider>();
  for (const provider of Object.keys(PROVIDER_CALL_TEXT) as ScopeMapProvider[]) if (PROVIDER_CALL_TEXT[provider].test(text)) providers.add(provider);
  // A module that only receives the clients (a tool file handed `getDriveClient`) calls them without naming googleapis.
  if (googleClients.size > 0 && googleResourceText(googleClients).test(text)) providers.add('google');
  if (providers.size === 0) return { calls: [], providers, toolHandlers: 0 };
  const finder = new CallFinder(sourceFile, values, providers, googleClients);
  const calls = finder.run();
  const tools = new ToolAttribution(sourceFile, values, finder.allCalls);
  for (const call of calls) call.tools = tools.toolsReaching(call.node!);
  return { calls, providers, toolHandlers: tools.handlerCount };
}

/** Text that an MCP tool registration needs (`server.tool(`, `registerTool(`, `addTool(`, `CallToolRequestSchema`). */
export const TOOL_REGISTRATION_TEXT = /\.(?:tool|registerTool|addTool)\s*\(|CallToolRequestSchema/;

/** How many MCP tool handlers a file registers, whatever APIs they call (a file of tools that call helpers elsewhere). */
export function toolHandlerCount(sourceFile: ts.SourceFile, values: ValueResolver): number {
  if (!TOOL_REGISTRATION_TEXT.test(sourceFile.text)) return 0;
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return new ToolAttribution(sourceFile, values, calls).handlerCount;
}

class CallFinder {
  readonly allCalls: ts.CallExpression[] = [];
  private readonly propertyAccesses: ts.PropertyAccessExpression[] = [];
  /** `this.name = value` and class property initialisers, by name. */
  private readonly fields = new Map<string, ts.Expression[]>();
  private readonly calls: ApiCall[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly values: ValueResolver,
    private readonly providers: Set<ScopeMapProvider>,
    /** googleapis APIs whose clients the scan creates: a receiver the values cannot follow is matched against them by shape. */
    private readonly googleClients: ReadonlySet<string> = new Set(),
  ) {}

  run(): ApiCall[] {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) this.allCalls.push(node);
      else if (ts.isPropertyAccessExpression(node)) this.propertyAccesses.push(node);
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
        this.addField(node.left.name.text, node.right);
      }
      if (ts.isPropertyDeclaration(node) && node.initializer && (ts.isIdentifier(node.name) || ts.isPrivateIdentifier(node.name))) this.addField(node.name.text, node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(this.sourceFile);
    for (const call of this.allCalls) this.visitCall(call);
    if (this.providers.has('github')) for (const access of this.propertyAccesses) this.visitOctokitReference(access);
    return this.calls;
  }

  private addField(name: string, value: ts.Expression): void {
    const list = this.fields.get(name) ?? [];
    list.push(value);
    this.fields.set(name, list);
  }

  private add(call: Omit<ApiCall, 'tools'>): void {
    const key = `${call.node!.pos}:${call.node!.end}:${call.entry ? `${call.entry.api} ${call.entry.method}` : ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.calls.push({ ...call, tools: [] });
  }

  private visitCall(call: ts.CallExpression): void {
    const callee = this.values.unwrap(call.expression);
    if (this.providers.has('microsoft') && ts.isPropertyAccessExpression(callee) && callee.name.text === 'api' && call.arguments.length >= 1) {
      this.visitGraphCall(call);
      return;
    }
    if (ts.isIdentifier(callee) || (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && /^(axios|got|ky|superagent|request)$/.test(callee.expression.text))) {
      this.visitHttpCall(call, callee);
      return;
    }
    if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return;
    // `oauth2Client.request({ url, method })` (google-auth-library, gaxios and other clients): a call to the
    // provider's API like fetch, kept unresolved when its method is not visible.
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'request' && call.arguments[0] && this.values.objectProperties(call.arguments[0])?.has('url')) {
      this.visitHttpCall(call, callee);
      return;
    }
    const chain = this.memberChain(callee);
    if (!chain) return;
    let client = this.clientOf(chain.root, 0);
    if (!client) {
      // `app.client.chat.postMessage` (Bolt), `context.octokit.rest.issues.create` (Probot): the member names the client.
      const slackAt = this.providers.has('slack') ? chain.names.indexOf('client') : -1;
      const octokitAt = this.providers.has('github') ? chain.names.indexOf('octokit') : -1;
      if (slackAt >= 0 && slackAt < chain.names.length - 1) {
        client = { kind: 'slack', path: [] };
        chain.names = chain.names.slice(slackAt + 1);
      } else if (octokitAt >= 0 && octokitAt < chain.names.length - 1) {
        client = { kind: 'octokit', path: [] };
        chain.names = chain.names.slice(octokitAt + 1);
      }
    }
    if (!client && this.visitGoogleByShape(call, chain)) return;
    if (!client) {
      // axios instances and got/ky extensions: `http.get(url)` on `axios.create(…)`.
      if (ts.isPropertyAccessExpression(callee) && AXIOS_VERBS[callee.name.text] && chain.names.length === 1 && this.isHttpInstance(chain.root)) this.visitHttpCall(call, callee);
      return;
    }
    const names = [...client.path, ...chain.names];
    if (client.kind === 'google') this.visitGoogle(call, client.api, names, chain.dynamic);
    else if (client.kind === 'octokit') this.visitOctokit(call, names, chain.dynamic);
    else if (client.kind === 'slack') this.visitSlack(call, names, chain.dynamic);
    else if (client.kind === 'dropbox') this.visitDropbox(call, names, chain.dynamic);
    else if (client.kind === 'spotify') this.visitSpotify(call, names, chain.dynamic);
  }

  /**
   * A call on a receiver the values cannot follow (a client handed in through options, returned by a
   * getter in another module) whose resource path and method name one method of exactly one API whose
   * clients the scan creates: `drive.files.list(…)` after `google.drive(…)` elsewhere. A receiver whose
   * value is visible and is not such a client is not matched.
   */
  private visitGoogleByShape(call: ts.CallExpression, chain: { root: ts.Expression; names: string[]; dynamic: boolean }): boolean {
    if (this.googleClients.size === 0 || chain.dynamic || chain.names.length < 2) return false;
    if (!this.rootMayBeClient(chain.root)) return false;
    const map = loadScopeMap('google');
    let method = chain.names.join('.');
    let matches = [...this.googleClients].filter((api) => map.byMethod.has(`${api} ${method}`));
    // `clients.drive.files.list`: the member names the API (but `forms.forms.get` is the forms API's own path).
    const named = GOOGLE_FACTORIES[chain.names[0]!];
    if (matches.length === 0 && named && this.googleClients.has(named) && chain.names.length >= 3) {
      method = chain.names.slice(1).join('.');
      matches = map.byMethod.has(`${named} ${method}`) ? [named] : [];
    }
    if (matches.length > 1) {
      // `gmailClient.users.getProfile` vs the same path elsewhere: the receiver's name decides, else nothing does.
      const rootName = (ts.isIdentifier(chain.root) ? chain.root.text : ts.isPropertyAccessExpression(chain.root) ? chain.root.name.text : '').toLowerCase();
      matches = matches.filter((api) => rootName.includes(api.split(':')[0]!));
    }
    if (matches.length !== 1) return false;
    this.add({ provider: 'google', node: call, entry: map.byMethod.get(`${matches[0]} ${method}`)!, parameters: this.parametersOf(call) });
    return true;
  }

  /** A receiver whose visible value is a literal, a collection or an instance of another class is not an API client. */
  private rootMayBeClient(root: ts.Expression): boolean {
    const node = this.values.unwrap(root);
    if (isVisiblyNotAClient(node)) return false;
    if (ts.isIdentifier(node)) {
      const declaration = this.values.declarationOf(node);
      if (declaration?.kind === 'function' || declaration?.kind === 'class') return false;
      // A client exported by a module of the project may be; a package's export (`fs`, `lodash`) is not.
      if (declaration?.kind === 'import' && !importBindingRef(declaration.node)?.module.startsWith('.')) return false;
      if (declaration?.initializer && !declaration.path && isVisiblyNotAClient(this.values.unwrap(declaration.initializer))) return false;
    }
    return true;
  }

  /** `a.b[c].d` → root `a`, names ['b', c?, 'd']; a computed name that is not constant marks the chain dynamic. */
  private memberChain(expression: ts.Expression): { root: ts.Expression; names: string[]; dynamic: boolean } | undefined {
    const names: string[] = [];
    let dynamic = false;
    let current = this.values.unwrap(expression);
    for (let depth = 0; depth < 12; depth++) {
      // `this.gmail.users…`: the field is the root (its assignments say what it holds).
      if (ts.isPropertyAccessExpression(current) && current.expression.kind === ts.SyntaxKind.ThisKeyword) return names.length ? { root: current, names, dynamic } : undefined;
      if (ts.isPropertyAccessExpression(current)) {
        names.unshift(current.name.text);
        current = this.values.unwrap(current.expression);
      } else if (ts.isElementAccessExpression(current)) {
        const keys = this.values.stringValues(current.argumentExpression);
        if (keys?.length === 1 && !keys[0]!.includes(UNKNOWN)) names.unshift(keys[0]!);
        else {
          names.unshift('[]');
          dynamic = true;
        }
        current = this.values.unwrap(current.expression);
      } else return names.length ? { root: current, names, dynamic } : undefined;
    }
    return undefined;
  }

  /** What a receiver is: a googleapis client (and the resource path already taken), an Octokit, a Slack WebClient. */
  private clientOf(expression: ts.Expression, depth: number): Client | undefined {
    if (depth > MAX_FOLLOW) return undefined;
    const node = this.values.unwrap(expression);
    if (ts.isCallExpression(node)) return this.clientFromFactory(node);
    if (ts.isNewExpression(node)) return this.clientFromConstructor(node);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
        for (const value of this.fields.get(node.name.text) ?? []) {
          const client = this.clientOf(value, depth + 1);
          if (client) return client;
        }
        return this.clientByName(node.name.text);
      }
      const chain = this.memberChain(node);
      if (!chain || chain.dynamic) return undefined;
      const base = this.clientOf(chain.root, depth + 1);
      if (base) return { ...base, path: [...base.path, ...chain.names] };
      // `app.client` (Bolt), `context.octokit` (Probot), `github.rest`.
      const last = chain.names[chain.names.length - 1]!;
      if (last === 'client' && this.providers.has('slack')) return { kind: 'slack', path: [] };
      if (last === 'octokit' && this.providers.has('github')) return { kind: 'octokit', path: [] };
      return undefined;
    }
    if (ts.isIdentifier(node)) {
      const declaration = this.values.declarationOf(node);
      if (declaration?.initializer && (declaration.kind === 'variable' || declaration.kind === 'parameter')) {
        const base = this.clientOf(declaration.initializer, depth + 1);
        if (base) return declaration.path ? { ...base, path: [...base.path, ...declaration.path] } : base;
      }
      if (declaration?.kind === 'parameter' || !declaration || declaration.kind === 'import') return this.clientByName(node.text, declaration?.node);
      return undefined;
    }
    return undefined;
  }

  /** A receiver known only by its name or type annotation: `octokit`, `slackClient: WebClient`, `gmail: gmail_v1.Gmail`. */
  private clientByName(name: string, declaration?: ts.Node): Client | undefined {
    const type = declaration && (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.type ? declaration.type.getText(this.sourceFile) : '';
    const google = /\b([a-z]+)_v\d[a-z0-9_]*\.([A-Z][a-z]+)\b/.exec(type);
    if (google && this.providers.has('google') && GOOGLE_CLASSES[google[2]!]) return { kind: 'google', api: GOOGLE_FACTORIES[GOOGLE_CLASSES[google[2]!]!]!, path: [] };
    if (this.providers.has('github') && (/\bOctokit\b/.test(type) || /^(octokit|github|gh|octo)$/i.test(name))) return { kind: 'octokit', path: [] };
    if (this.providers.has('slack') && (/\bWebClient\b/.test(type) || /^(slack|slackClient|webClient|web)$/i.test(name))) return { kind: 'slack', path: [] };
    if (this.providers.has('dropbox') && (/\bDropbox\b/.test(type) || /^(dbx|dropbox|dropboxClient)$/i.test(name))) return { kind: 'dropbox', path: [] };
    if (this.providers.has('spotify') && (/\bSpotifyWebApi\b/.test(type) || /^(spotifyApi|spotifyWebApi|spotifyClient)$/i.test(name))) return { kind: 'spotify', path: [] };
    return undefined;
  }

  private clientFromFactory(call: ts.CallExpression): Client | undefined {
    const callee = this.values.unwrap(call.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (!name) return undefined;
    if (this.providers.has('google') && GOOGLE_FACTORIES[name] && (ts.isPropertyAccessExpression(callee) ? /google/i.test(callee.expression.getText(this.sourceFile)) : /@googleapis\//.test(this.sourceFile.text))) {
      return { kind: 'google', api: this.googleApiId(name, call), path: [] };
    }
    if (this.providers.has('github') && (name === 'getOctokit' || (name === 'getInstallationOctokit' || name === 'getUserOctokit'))) return { kind: 'octokit', path: [] };
    return undefined;
  }

  /** The map's API id, or the id with the version the code names when that differs (then nothing matches: unresolved). */
  private googleApiId(factory: string, call: ts.CallExpression): string {
    const known = GOOGLE_FACTORIES[factory]!;
    const first = call.arguments[0];
    let version: string[] | undefined;
    if (first && ts.isObjectLiteralExpression(this.values.unwrap(first))) version = this.values.objectProperties(first)?.get('version') && this.values.stringValues(this.values.objectProperties(first)!.get('version')!);
    else if (first) version = this.values.stringValues(first);
    if (version?.length === 1 && !version[0]!.includes(UNKNOWN)) return `${factory}:${version[0]}`;
    return known;
  }

  private clientFromConstructor(expression: ts.NewExpression): Client | undefined {
    const callee = this.values.unwrap(expression.expression);
    const text = callee.getText(this.sourceFile);
    if (this.providers.has('github') && /(^|\.)Octokit\b|Octokit\.plugin\(/.test(text)) return { kind: 'octokit', path: [] };
    if (this.providers.has('github') && /^(MyOctokit|ProbotOctokit)$/.test(text)) return { kind: 'octokit', path: [] };
    if (this.providers.has('slack') && /(^|\.)WebClient$/.test(text)) return { kind: 'slack', path: [] };
    if (this.providers.has('dropbox') && /(^|\.)Dropbox$/.test(text)) return { kind: 'dropbox', path: [] };
    if (this.providers.has('spotify') && /(^|\.)SpotifyWebApi$/.test(text)) return { kind: 'spotify', path: [] };
    const google = /^([a-z]+)_v\d[a-z0-9_]*\.([A-Z][a-z]+)$/.exec(text);
    if (google && this.providers.has('google') && GOOGLE_CLASSES[google[2]!]) return { kind: 'google', api: GOOGLE_FACTORIES[GOOGLE_CLASSES[google[2]!]!]!, path: [] };
    return undefined;
  }

  private isHttpInstance(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.values.declarationOf(node);
    const init = declaration?.initializer && this.values.unwrap(declaration.initializer);
    return !!init && ts.isCallExpression(init) && /^(axios\.create|got\.extend|ky\.create|ky\.extend)$/.test(init.expression.getText(this.sourceFile));
  }

  private parametersOf(call: ts.CallExpression): ts.Expression | undefined {
    const first = call.arguments[0];
    return first && ts.isObjectLiteralExpression(this.values.unwrap(first)) ? first : first;
  }

  private visitGoogle(call: ts.CallExpression, api: string, names: string[], dynamic: boolean): void {
    const map = loadScopeMap('google');
    const method = names.join('.');
    const entry = map.byMethod.get(`${api} ${method}`);
    if (entry) {
      this.add({ provider: 'google', node: call, entry, parameters: this.parametersOf(call) });
      return;
    }
    const prefix = names.filter((name) => name !== '[]').slice(0, -1).join('.');
    const isResource = [...map.byMethod.keys()].some((key) => key.startsWith(`${api} ${prefix}.`) || key.startsWith(`${api} ${names[0]}.`));
    if (dynamic && isResource) this.add({ provider: 'google', node: call, unresolved: `'${api.split(':')[0]} ${method.replace('[]', '[…]')}' names its method at run time` });
    else if (!map.file.entries.some((candidate) => candidate.api === api) && names.length >= 2 && !isHelperName(names[names.length - 1]!)) {
      this.add({ provider: 'google', node: call, unresolved: `API '${api}' is not in the vendored map` });
    }
  }

  private visitOctokit(call: ts.CallExpression, names: string[], dynamic: boolean): void {
    const path = names[0] === 'rest' ? names.slice(1) : names;
    const last = names[names.length - 1];
    if (last === 'request' || last === 'paginate' || (last === 'iterator' && names[names.length - 2] === 'paginate')) {
      const first = call.arguments[0];
      if (!first) return;
      const unwrapped = this.values.unwrap(first);
      if ((ts.isPropertyAccessExpression(unwrapped) || ts.isElementAccessExpression(unwrapped)) && /\.rest\./.test(unwrapped.getText(this.sourceFile))) return; // the reference itself is a call site (visitOctokitReference)
      const routes = this.values.stringValues(first);
      this.addRoute(call, routes, call.arguments[1]);
      return;
    }
    if (last === 'graphql') {
      this.add({ provider: 'github', node: call, unresolved: 'a GraphQL query: its scopes are not in the map' });
      return;
    }
    if (path.length !== 2) return;
    const map = loadScopeMap('github');
    const entry = map.byMethod.get(`rest ${path.join('.')}`);
    if (entry) this.add({ provider: 'github', node: call, entry, parameters: this.parametersOf(call) });
    else if (dynamic && [...map.byMethod.keys()].some((key) => key.startsWith(`rest ${path[0]}.`))) this.add({ provider: 'github', node: call, unresolved: `'octokit.rest.${path[0]}[…]' names its method at run time` });
    else if (names[0] === 'rest' && !isHelperName(path[1]!)) this.add({ provider: 'github', node: call, unresolved: `'${path.join('.')}' has no classic-scope entry in the map` });
  }

  /** `octokit.rest.issues.listForRepo` passed by reference (to `paginate`, or stored and called later). */
  private visitOctokitReference(access: ts.PropertyAccessExpression): void {
    if (ts.isPropertyAccessExpression(access.parent) && access.parent.expression === access) return;
    if (ts.isCallExpression(access.parent) && access.parent.expression === access) return; // a direct call: visitCall
    const chain = this.memberChain(access);
    if (!chain || chain.names.length < 3 || chain.names[chain.names.length - 3] !== 'rest') return;
    const path = chain.names.slice(-2);
    const entry = loadScopeMap('github').byMethod.get(`rest ${path.join('.')}`);
    if (entry) this.add({ provider: 'github', node: access, entry });
  }

  private addRoute(call: ts.CallExpression, routes: string[] | undefined, parameters?: ts.Expression): void {
    if (!routes || routes.length !== 1) {
      this.add({ provider: 'github', node: call, unresolved: 'the route is not a constant' });
      return;
    }
    const match = /^(GET|POST|PUT|PATCH|DELETE|HEAD)\s+(\S+)$/i.exec(routes[0]!.trim()) ?? /^(\/\S*)$/.exec(routes[0]!.trim());
    if (!match) {
      this.add({ provider: 'github', node: call, unresolved: 'the route is not a constant' });
      return;
    }
    const http = match.length === 3 ? match[1]!.toUpperCase() : 'GET';
    const path = match.length === 3 ? match[2]! : match[1]!;
    const entry = matchUrl(loadScopeMap('github'), http, `https://api.github.com${path}`);
    if (entry) this.add({ provider: 'github', node: call, entry, parameters });
    else this.add({ provider: 'github', node: call, unresolved: `route '${http} ${path.replace(new RegExp(UNKNOWN, 'g'), '…')}' is not in the map` });
  }

  private visitSlack(call: ts.CallExpression, names: string[], dynamic: boolean): void {
    const map = loadScopeMap('slack');
    const last = names[names.length - 1];
    if (last === 'apiCall') {
      const methods = call.arguments[0] && this.values.stringValues(call.arguments[0]);
      const entry = methods?.length === 1 ? map.byMethod.get(`web ${methods[0]}`) : undefined;
      if (entry) this.add({ provider: 'slack', node: call, entry, parameters: call.arguments[1] });
      else this.add({ provider: 'slack', node: call, unresolved: methods?.length === 1 && !methods[0]!.includes(UNKNOWN) ? `method '${methods[0]}' is not in the map` : 'the method name is not a constant' });
      return;
    }
    const method = names.join('.');
    const entry = map.byMethod.get(`web ${method}`);
    if (entry) this.add({ provider: 'slack', node: call, entry, parameters: this.parametersOf(call) });
    else if (dynamic) this.add({ provider: 'slack', node: call, unresolved: `'${method.replace('[]', '[…]')}' names its method at run time` });
    else if (names.length >= 2 && /^(admin|chat|conversations|users|files|reactions|pins|bookmarks|reminders|search|team|usergroups|dnd|emoji|views|canvases|apps|auth|calls|dialog|oauth|openid|rtm|stars|workflows|assistant|functions)$/.test(names[0]!) && !isHelperName(last!)) {
      this.add({ provider: 'slack', node: call, unresolved: `method '${method}' is not in the curated map` });
    }
  }

  /** `dbx.filesListFolder(arg)`: one SDK method, one route (the SDK's other members, such as `auth`, are not calls). */
  private visitDropbox(call: ts.CallExpression, names: string[], dynamic: boolean): void {
    if (names.length !== 1) return;
    const method = names[0]!;
    const entry = loadScopeMap('dropbox').byMethod.get(`dropbox ${method}`);
    if (entry) this.add({ provider: 'dropbox', node: call, entry, parameters: call.arguments[0] });
    else if (dynamic) this.add({ provider: 'dropbox', node: call, unresolved: 'the SDK method is named at run time' });
    else if (dropboxNamespaces().has(/^[a-z]+(?=[A-Z])/.exec(method)?.[0] ?? '')) {
      // Named like a route of the SDK (its namespace, then the route): a route this map does not have.
      this.add({ provider: 'dropbox', node: call, unresolved: `method '${method}' is not in the map` });
    }
  }

  /**
   * `spotifyApi.getMe()`, `spotifyApi.addTracksToPlaylist(id, uris)`: spotify-web-api-node's API
   * methods (the map's 'spotify-web-api-node' entries). Its credential methods (`setAccessToken`,
   * `refreshAccessToken`, `createAuthorizeURL` …) are not API calls.
   */
  private visitSpotify(call: ts.CallExpression, names: string[], dynamic: boolean): void {
    if (names.length !== 1) return;
    const method = names[0]!;
    const entry = loadScopeMap('spotify').byMethod.get(`spotify-web-api-node ${method}`);
    if (entry) this.add({ provider: 'spotify', node: call, entry });
    else if (dynamic) this.add({ provider: 'spotify', node: call, unresolved: 'the client method is named at run time' });
    else if (!/^((get|set|reset)(Credentials|ClientId|ClientSecret|AccessToken|RefreshToken|RedirectURI)|refreshAccessToken|authorizationCodeGrant|clientCredentialsGrant|createAuthorizeURL|then|catch|finally)$/.test(method)) {
      this.add({ provider: 'spotify', node: call, unresolved: `method '${method}' is not in the map` });
    }
  }

  private visitGraphCall(apiCall: ts.CallExpression): void {
    // Walk up `.api(path).select(…).top(…).get()` to the verb.
    let current: ts.Node = apiCall;
    let verb: string | undefined;
    for (let depth = 0; depth < 12; depth++) {
      const parent: ts.Node = current.parent;
      if (!parent || !ts.isPropertyAccessExpression(parent) || parent.expression !== current) break;
      const call = parent.parent;
      if (!call || !ts.isCallExpression(call) || call.expression !== parent) break;
      if (GRAPH_VERBS[parent.name.text]) {
        verb = GRAPH_VERBS[parent.name.text];
        current = call;
        break;
      }
      current = call;
    }
    if (!verb) return;
    const paths = this.values.stringValues(apiCall.arguments[0]!);
    if (!paths || paths.length !== 1 || paths[0] === UNKNOWN) {
      this.add({ provider: 'microsoft', node: current, unresolved: 'the Graph path is not a constant' });
      return;
    }
    const path = paths[0]!;
    if (!path.startsWith('/') && !/^https:\/\/graph\.microsoft\.com/i.test(path)) return; // some other `.api()`
    const url = /^https:/i.test(path) ? path : `https://graph.microsoft.com/v1.0${path}`;
    const entry = matchUrl(loadScopeMap('microsoft'), verb, url);
    if (entry) this.add({ provider: 'microsoft', node: current, entry, query: queryOf(url) });
    else this.add({ provider: 'microsoft', node: current, unresolved: `'${verb} ${path.replace(new RegExp(UNKNOWN, 'g'), '…')}' is not in the map` });
  }

  /** `fetch(url, { method })`, `axios.get(url)`, `axios({ url, method })`, `got.post(url)` to a provider's API host. */
  private visitHttpCall(call: ts.CallExpression, callee: ts.Expression): void {
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    if (ts.isIdentifier(callee) && !/^(fetch|axios|got|ky|request|undiciRequest|nodeFetch)$/.test(name)) return;
    const first = call.arguments[0];
    if (!first) return;
    let urlExpression: ts.Expression | undefined = first;
    let options: ts.Expression | undefined = call.arguments[1];
    const firstObject = this.values.objectProperties(first);
    if (firstObject && !ts.isStringLiteralLike(this.values.unwrap(first))) {
      urlExpression = firstObject.get('url') ?? firstObject.get('uri');
      options = first;
    }
    if (!urlExpression) return;
    let urls = this.values.stringValues(urlExpression);
    // `${this.config.apiBase}${endpoint}`: a base kept on the instance, which the values do not follow.
    if (!urls || !urls.some((url) => providerOfApiUrl(url))) urls = this.instanceUrlStrings(urlExpression, 0) ?? urls;
    if (!urls) return;
    const optionProperties = options ? this.values.objectProperties(options) : undefined;
    const baseURL = optionProperties?.get('baseURL') ?? optionProperties?.get('prefixUrl');
    const bases = baseURL ? this.values.stringValues(baseURL) : undefined;
    const fullUrls = urls.slice(0, 8).map((raw) => (bases?.length === 1 && !/^https?:/i.test(raw) ? bases[0]!.replace(/\/$/, '') + '/' + raw.replace(/^\//, '') : raw));
    const provider = fullUrls.map(providerOfApiUrl).find((candidate) => candidate !== undefined);
    if (!provider || !this.providers.has(provider)) return;
    const methods = this.httpMethods(receiver && AXIOS_VERBS[name] ? AXIOS_VERBS[name]! : undefined, options, optionProperties, name === 'request' && !!receiver);
    if (!methods) {
      this.add({ provider, node: call, unresolved: 'the HTTP method is not a constant' });
      return;
    }
    // A helper called with several paths and verbs stands for one call per pair; which path goes with
    // which verb is not known, so pairs that match no method are skipped as long as every path and
    // every verb matches in some pair (the extra pairs can only make more scopes needed).
    const map = loadScopeMap(provider);
    const found: { entry: ScopeMapEntry; url: string; http: string }[] = [];
    for (const url of fullUrls) {
      for (const http of methods) {
        const entry = provider === 'slack' ? map.byMethod.get(`web ${/slack\.com\/api\/([A-Za-z.]+)/.exec(url)?.[1] ?? ''}`) : matchUrl(map, http, url);
        if (entry && providerOfApiUrl(url) === provider) found.push({ entry, url, http });
      }
    }
    const unmatchedUrl = fullUrls.find((url) => !found.some((item) => item.url === url));
    const unmatchedVerb = methods.find((http) => !found.some((item) => item.http === http));
    if (unmatchedUrl !== undefined || unmatchedVerb !== undefined) {
      this.add({ provider, node: call, unresolved: `'${unmatchedVerb ?? methods[0]} ${shortUrl(unmatchedUrl ?? fullUrls[0]!)}' could not be matched to one method` });
      return;
    }
    for (const { entry, url } of found) this.add({ provider, node: call, entry, query: queryOf(url), parameters: optionProperties?.get('params') });
  }

  /**
   * A URL's strings where a part is read from the instance (`this.baseUrl`, `this.config.apiBase`): the
   * field's assignments in this file (`this.config = { apiBase: options.apiBase || 'https://api.github.com' }`)
   * give it; every other part is left to the values. Undefined when no part is an instance field.
   */
  private instanceUrlStrings(expression: ts.Expression, depth: number): string[] | undefined {
    if (depth > 4) return undefined;
    const node = this.values.unwrap(expression);
    if (ts.isIdentifier(node)) {
      const declaration = this.values.declarationOf(node);
      return declaration?.kind === 'variable' && declaration.initializer && !declaration.path ? this.instanceUrlStrings(declaration.initializer, depth + 1) : undefined;
    }
    const parts: ts.Expression[] | undefined = ts.isTemplateExpression(node)
      ? node.templateSpans.map((span) => span.expression)
      : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken ? [node.left, node.right] : undefined;
    if (!parts) return this.instanceFieldStrings(node);
    const partValues = parts.map((part) => this.instanceUrlStrings(part, depth + 1));
    if (partValues.every((values) => values === undefined)) return undefined;
    const valuesOf = (index: number) => partValues[index] ?? this.values.stringValues(parts[index]!) ?? [UNKNOWN];
    let variants: string[];
    if (ts.isTemplateExpression(node)) {
      variants = [node.head.text];
      node.templateSpans.forEach((span, index) => {
        variants = variants.flatMap((prefix) => valuesOf(index).map((value) => prefix + value + span.literal.text)).slice(0, 8);
      });
    } else {
      variants = valuesOf(0).flatMap((left) => valuesOf(1).map((right) => left + right)).slice(0, 8);
    }
    return variants;
  }

  /** `this.baseUrl` or `this.config.apiBase`: the string values of what the field is assigned in this file. */
  private instanceFieldStrings(node: ts.Expression): string[] | undefined {
    const path: string[] = [];
    let current: ts.Expression = node;
    while (ts.isPropertyAccessExpression(current) && current.expression.kind !== ts.SyntaxKind.ThisKeyword) {
      path.unshift(current.name.text);
      current = this.values.unwrap(current.expression);
    }
    if (!ts.isPropertyAccessExpression(current) || path.length > 2) return undefined;
    const found: string[] = [];
    for (const assigned of this.fields.get(current.name.text) ?? []) {
      let value: ts.Expression | undefined = assigned;
      for (const key of path) value = value && this.values.objectProperties(value)?.get(key);
      const strings = value && this.values.stringValues(value);
      if (strings) found.push(...strings.filter((text) => !text.includes(UNKNOWN)));
    }
    return found.length ? [...new Set(found)].slice(0, 8) : undefined;
  }

  /** The HTTP methods a call may use; undefined when not known (a spread or an options object out of sight may set it). */
  private httpMethods(verb: string | undefined, options: ts.Expression | undefined, properties: Map<string, ts.Expression> | undefined, generic: boolean): string[] | undefined {
    if (verb) return [verb];
    const method = properties?.get('method');
    if (method) {
      const values = this.values.stringValues(method);
      return values && values.length <= 4 && values.every((value) => !value.includes(UNKNOWN)) ? [...new Set(values.map((value) => value.toUpperCase()))] : undefined;
    }
    if (generic) return undefined;
    if (!options) return ['GET'];
    if (!properties) return undefined;
    const literal = this.values.unwrap(options);
    if (ts.isObjectLiteralExpression(literal) && literal.properties.some((property) => ts.isSpreadAssignment(property) && !this.spreadSetsNoMethod(property.expression))) return undefined;
    return ['GET'];
  }

  /**
   * `{ ...options, headers }` in a request helper: the spread cannot set the method when it is a literal
   * without one, or the helper's parameter whose default has none and which no call of the helper in
   * this file passes (or passes as such a literal).
   */
  private spreadSetsNoMethod(expression: ts.Expression): boolean {
    const node = this.values.unwrap(expression);
    if (ts.isObjectLiteralExpression(node)) return setsNoMethod(node);
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.values.declarationOf(node);
    const parameter = declaration?.kind === 'parameter' && !declaration.path ? declaration.node : undefined;
    if (!parameter || !ts.isParameter(parameter) || parameter.dotDotDotToken) return false;
    if (parameter.initializer && !setsNoMethod(this.values.unwrap(parameter.initializer))) return false;
    const fn = parameter.parent;
    const index = fn.parameters.indexOf(parameter);
    const name = functionNameOf(fn);
    if (!name) return false;
    const callers = this.allCalls.filter((call) => {
      const callee = this.values.unwrap(call.expression);
      return (ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined) === name;
    });
    return callers.length > 0 && callers.every((call) => {
      if (call.arguments.some((argument) => ts.isSpreadElement(argument))) return false;
      const argument = call.arguments[index];
      return !argument || setsNoMethod(this.values.unwrap(argument));
    });
  }
}

/** An object literal that visibly sets no `method` (no spread, no computed key). */
function setsNoMethod(node: ts.Node): boolean {
  return ts.isObjectLiteralExpression(node) && node.properties.every((property) => !ts.isSpreadAssignment(property) && property.name !== undefined && !ts.isComputedPropertyName(property.name) && property.name.getText() !== 'method');
}

/** Calls on clients that are not API methods (`gmail.context`, `octokit.hook.before`, `octokit.log.info`). */
function isHelperName(name: string): boolean {
  return /^(then|catch|finally|bind|call|apply|toString|on|hook|log|auth|before|after|wrap|error|plugin|defaults|options|context)$/.test(name);
}

/** Which provider's API host a URL goes to (the OAuth hosts themselves are not API calls). */
export function providerOfApiUrl(url: string): ScopeMapProvider | undefined {
  const match = /^https?:\/\/([^/?#:]+)/i.exec(url);
  if (!match || match[1]!.includes(UNKNOWN)) return undefined;
  const host = match[1]!.toLowerCase();
  return SCOPE_MAP_PROVIDERS.find((provider) => {
    const api = providerRecord(provider).scopeMap!.apiUrl;
    return api.host.test(host) && (!api.url || api.url.test(url));
  });
}

function shortUrl(url: string): string {
  return url.replace(new RegExp(UNKNOWN, 'g'), '…').replace(/\?.*$/, '');
}

function queryOf(url: string): Map<string, string> {
  const result = new Map<string, string>();
  const query = url.split('?')[1];
  if (!query) return result;
  for (const pair of query.split('&')) {
    const [key, value = ''] = pair.split('=');
    if (key && !key.includes(UNKNOWN)) result.set(key, value);
  }
  return result;
}

interface CompiledTemplate {
  entry: ScopeMapEntry;
  pattern: RegExp;
  /** Literal characters: the more, the more specific (`/messages/send` beats `/messages/{id}`). */
  weight: number;
}
const compiled = new WeakMap<ScopeMap, CompiledTemplate[]>();

function templatesOf(map: ScopeMap): CompiledTemplate[] {
  let list = compiled.get(map);
  if (list) return list;
  // A client library's names for the same operations share their URLs: only the URL API's entries are templates.
  const urlApi = providerRecord(map.provider).scopeMap?.apiUrl.api;
  list = map.file.entries.filter((entry) => !urlApi || entry.api === urlApi).map((entry) => {
    const path = urlPath(entry.urlTemplate, map.provider);
    const source = path.split(/(\{\+?[^}]+\})/).map((part) => (part.startsWith('{+') ? '.+' : part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    return { entry, pattern: new RegExp(`^${source}$`, map.provider === 'microsoft' ? 'i' : ''), weight: path.replace(/\{[^}]+\}/g, '').length };
  });
  compiled.set(map, list);
  return list;
}

/** The part of a URL the templates are matched on: host and path for Google, the path after the version for Graph, the path for GitHub. */
function urlPath(url: string, provider: ScopeMapProvider): string {
  let path = url.replace(/[?#].*$/, '');
  if (provider === 'google') return path.replace(/^https?:\/\//i, '');
  path = path.replace(/^https?:\/\/[^/]+/i, '');
  if (provider === 'microsoft') path = path.replace(/^\/(v1\.0|beta|\{version\})(?=\/)/i, '').toLowerCase();
  return path.replace(/\/+$/, '') || '/';
}

/** The map entry a concrete URL (unknown parts standing for one path segment each) and HTTP method reach. */
export function matchUrl(map: ScopeMap, http: string, url: string): ScopeMapEntry | undefined {
  let path = urlPath(url, map.provider).replace(new RegExp(`${UNKNOWN}+`, 'g'), 'x');
  const candidates = (target: string) => templatesOf(map).filter((template) => template.entry.http === http && template.pattern.test(target));
  let found = candidates(path);
  if (found.length === 0 && map.provider === 'microsoft' && /^\/users\/[^/]+/.test(path)) {
    path = path.replace(/^\/users\/[^/]+/, '/me');
    found = candidates(path);
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => b.weight - a.weight);
  if (found.length > 1 && found[0]!.weight === found[1]!.weight && found[0]!.entry.method !== found[1]!.entry.method) return undefined;
  return found[0]!.entry;
}

/**
 * Which MCP tools reach a node: handlers of `server.tool(name, …, fn)`, `server.registerTool(name,
 * config, fn)`, `server.setRequestHandler(CallToolRequestSchema, fn)` (named by the `case 'name':`
 * around the call, when there is one) and `addTool({ name, execute })`, followed back through
 * the file's own functions.
 */
class ToolAttribution {
  private readonly handlers = new Map<ts.Node, string>();
  private readonly callersByName = new Map<string, ts.CallExpression[]>();

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly values: ValueResolver,
    calls: readonly ts.CallExpression[],
  ) {
    for (const call of calls) {
      this.recordHandler(call);
      const callee = values.unwrap(call.expression);
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (!name) continue;
      const list = this.callersByName.get(name) ?? [];
      list.push(call);
      this.callersByName.set(name, list);
    }
  }

  private recordHandler(call: ts.CallExpression): void {
    const callee = this.values.unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    const args = call.arguments;
    const nameOf = (expression: ts.Expression | undefined): string | undefined => {
      const names = expression && this.values.stringValues(expression);
      return names?.length === 1 && !names[0]!.includes(UNKNOWN) ? names[0] : undefined;
    };
    const handlerOf = (expression: ts.Expression | undefined): ts.Node | undefined => {
      if (!expression) return undefined;
      const node = this.values.unwrap(expression);
      if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
      if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
        for (const origin of this.values.origins(node)) if (ts.isArrowFunction(origin) || ts.isFunctionExpression(origin) || ts.isFunctionDeclaration(origin) || ts.isMethodDeclaration(origin)) return origin;
        if (ts.isIdentifier(node)) {
          const declaration = this.values.declarationOf(node);
          if (declaration?.kind === 'function') return declaration.node;
        }
      }
      return undefined;
    };
    if ((method === 'tool' || method === 'registerTool') && args.length >= 2) {
      const handler = handlerOf(args[args.length - 1]);
      if (handler) this.handlers.set(handler, nameOf(args[0]) ?? '(unnamed tool)');
    } else if (method === 'setRequestHandler' && args.length >= 2 && /CallTool/.test(args[0]!.getText(this.sourceFile))) {
      const handler = handlerOf(args[1]);
      if (handler) this.handlers.set(handler, '*');
    } else if (method === 'addTool' && args.length >= 1) {
      const properties = this.values.objectProperties(args[0]!);
      const handler = handlerOf(properties?.get('execute') ?? properties?.get('handler'));
      if (handler) this.handlers.set(handler, nameOf(properties?.get('name')) ?? '(unnamed tool)');
    }
  }

  get handlerCount(): number {
    return this.handlers.size;
  }

  toolsReaching(node: ts.Node): string[] {
    const tools = new Set<string>();
    const visited = new Set<ts.Node>();
    const walk = (from: ts.Node, depth: number): void => {
      if (depth > 8) return;
      for (let current: ts.Node | undefined = from; current; current = current.parent) {
        if (!ts.isFunctionLike(current)) continue;
        if (visited.has(current)) return;
        visited.add(current);
        const tool = this.handlers.get(current);
        if (tool) {
          tools.add(tool === '*' ? this.caseName(from, current) ?? 'CallTool handler' : tool);
          return;
        }
        const name = functionNameOf(current);
        if (!name) continue; // an inner callback: keep climbing to the function that holds it
        for (const caller of this.callersByName.get(name) ?? []) if (caller !== from) walk(caller, depth + 1);
        return;
      }
    };
    walk(node, 0);
    return [...tools].sort();
  }

  /** `case 'send_email':` (or `if (name === 'send_email')`) between the handler and the call. */
  private caseName(node: ts.Node, handler: ts.Node): string | undefined {
    for (let current: ts.Node | undefined = node; current && current !== handler; current = current.parent) {
      if (ts.isCaseClause(current) && ts.isStringLiteralLike(current.expression)) return current.expression.text;
      if (ts.isIfStatement(current) && ts.isBinaryExpression(current.expression) && /^={2,3}$/.test(current.expression.operatorToken.getText(this.sourceFile)) && ts.isStringLiteralLike(current.expression.right)) {
        return current.expression.right.text;
      }
    }
    return undefined;
  }
}

function functionNameOf(fn: ts.Node): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && (ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name))) return parent.name.text;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Solving: which scopes the calls need, and which requested scopes are unneeded or too broad.

/** How a call is named in messages: 'gmail users.messages.send', 'GET /me/messages', 'issues.create', 'chat.postMessage'. */
export function callLabel(entry: ScopeMapEntry): string {
  if (entry.provider === 'google') return `${entry.api.split(':')[0]} ${entry.method}`;
  return entry.method;
}

/** The call's scope options after the parameter limits of the corrections. */
/** Where a call is: its file and 1-based line. */
export function callSite(call: ApiCall): { fileName: string; line: number } {
  if (call.site || !call.node) return call.site ?? { fileName: '', line: 0 };
  const sourceFile = call.node.getSourceFile();
  return { fileName: sourceFile.fileName, line: sourceFile.getLineAndCharacterOfPosition(call.node.getStart(sourceFile)).line + 1 };
}

/**
 * A call as the whole scan keeps it: its scope options fixed while its file's values are at hand,
 * its place as file and line, and no reference into its file's tree (a scan of thousands of files
 * must not keep every tree alive for one rule's judgement).
 */
export function detachedCall(call: ApiCall, values?: ValueResolver): ApiCall {
  const options = call.entry ? optionsOf(loadScopeMap(call.provider), call, values) : call.options;
  return { provider: call.provider, entry: call.entry, unresolved: call.unresolved, query: call.query, tools: call.tools, options, site: callSite(call) };
}

export function optionsOf(map: ScopeMap, call: ApiCall, values?: ValueResolver): string[][] {
  if (call.options) return call.options;
  const entry = call.entry!;
  const limits = map.limits.filter((limit) => limit.api === entry.api && limit.methods.includes(entry.method));
  if (limits.length === 0) return entry.anyOf;
  return entry.anyOf.filter((set) => set.every((scope) => {
    const limit = limits.find((candidate) => candidate.scope === scope);
    return !limit || limitAllows(limit.allowedWhen, argumentValues(call, limit.allowedWhen.argument, values));
  }));
}

/** Values an argument takes: undefined when not visible, [] when visibly absent. */
function argumentValues(call: ApiCall, name: string | undefined, values?: ValueResolver): string[] | undefined {
  if (!name) return undefined;
  if (call.query) {
    const value = call.query.get(name);
    return value === undefined ? (call.parameters ? undefined : []) : [value];
  }
  if (!call.parameters || !values) return undefined;
  const properties = values.objectProperties(call.parameters);
  if (!properties) return undefined;
  if ([...properties.keys()].some((key) => key.includes(UNKNOWN))) return undefined;
  const value = properties.get(name);
  if (!value) return [];
  const strings = values.stringValues(value);
  return strings && strings.every((text) => !text.includes(UNKNOWN)) ? strings : undefined;
}

function limitAllows(when: { argument?: string; values?: string[]; notValues?: string[]; absent?: boolean; never?: boolean }, actual: string[] | undefined): boolean {
  if (when.never) return false;
  // Not visible: assume the limit bites, so the narrower scope is never proposed on a guess.
  if (actual === undefined) return false;
  if (when.absent) return actual.length === 0;
  if (when.values) return actual.length > 0 && actual.every((value) => when.values!.includes(value));
  if (when.notValues) return actual.every((value) => !when.notValues!.includes(value));
  return true;
}

export interface ScopeNeed {
  /** The call's scope options (after the parameter limits). */
  options: string[][];
  call: ApiCall;
}

/** Normalised for comparison: Microsoft Graph scopes are case-insensitive and may carry the resource prefix. */
export function scopeKey(provider: ScopeMapProvider, scope: string): string {
  if (provider === 'microsoft') return scope.replace(/^https:\/\/graph\.microsoft\.com\//i, '').toLowerCase();
  if (provider === 'google' && !scope.includes('://') && scope !== 'openid' && scope !== 'email' && scope !== 'profile') return `https://www.googleapis.com/auth/${scope}`;
  return scope;
}

/** The scopes `granted` cover (each scope with everything the hierarchy puts under it), as comparison keys. */
function closure(map: ScopeMap, granted: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const scope of granted) {
    const canonical = canonicalScope(map, scope);
    for (const covered of coveredBy(map, canonical)) result.add(scopeKey(map.provider, covered));
  }
  return result;
}

/** The map's own spelling of a requested scope (Graph: case). */
function canonicalScope(map: ScopeMap, scope: string): string {
  const key = scopeKey(map.provider, scope);
  if (map.provider !== 'microsoft') return key;
  for (const known of map.reach.keys()) if (known.toLowerCase() === key) return known;
  return scope.replace(/^https:\/\/graph\.microsoft\.com\//i, '');
}

function covers(map: ScopeMap, granted: Set<string>, options: string[][]): boolean {
  return options.some((set) => set.every((scope) => granted.has(scopeKey(map.provider, scope))));
}

function reachOf(map: ScopeMap, scope: string): number {
  return map.reach.get(canonicalScope(map, scope)) ?? 0;
}

/**
 * The cheapest scopes (by the map's reach) to add to `granted` so that every need is served,
 * never proposing a scope the corrections keep for narrow contexts. Undefined: no proposable set.
 */
export function cheapestAdditions(map: ScopeMap, needs: readonly ScopeNeed[], granted: readonly string[]): string[] | undefined {
  const chosen: string[] = [];
  const grantedKeys = () => closure(map, [...granted, ...chosen]);
  const ordered = [...needs].sort((a, b) => a.options.length - b.options.length);
  for (const need of ordered) {
    if (covers(map, grantedKeys(), need.options)) continue;
    let best: { set: string[]; cost: number } | undefined;
    for (const set of need.options) {
      if (set.some((scope) => map.notProposed.has(scope))) continue;
      const keys = grantedKeys();
      const missing = set.filter((scope) => !keys.has(scopeKey(map.provider, scope)));
      const cost = missing.reduce((sum, scope) => sum + reachOf(map, scope), 0);
      if (!best || cost < best.cost || (cost === best.cost && missing.join(' ') < best.set.join(' '))) best = { set: missing, cost };
    }
    if (!best) return undefined;
    chosen.push(...best.set);
  }
  // Drop what a later, broader pick made redundant.
  for (const scope of [...chosen].sort((a, b) => reachOf(map, a) - reachOf(map, b))) {
    const rest = chosen.filter((other) => other !== scope);
    const keys = closure(map, [...granted, ...rest]);
    if (needs.every((need) => covers(map, keys, need.options))) chosen.splice(chosen.indexOf(scope), 1);
  }
  return [...new Set(chosen)].sort();
}

export type ScopeVerdictV2 =
  | { kind: 'needed'; scope: string; calls: ApiCall[] }
  | { kind: 'unneeded'; scope: string }
  /** Serves some calls, but the other kept scopes serve them too: dropping it changes no call's access. */
  | { kind: 'redundant'; scope: string }
  | { kind: 'broader'; scope: string; replacement: string[]; calls: ApiCall[] };

export interface ProviderSolution {
  provider: ScopeMapProvider;
  /** Requested scopes that belong to this provider, in request order. */
  requested: string[];
  /** The minimal sufficient set (requested scopes kept where they are needed). */
  needed: string[];
  /** Per needed scope, the calls it serves. */
  callsByScope: Map<string, ApiCall[]>;
  verdicts: ScopeVerdictV2[];
  /** Calls no scope set can serve with the requested scopes. */
  uncovered: ApiCall[];
}

/** Whether a scope belongs to a provider's map (or its corrections). */
export function isProviderScope(map: ScopeMap, scope: string): boolean {
  const key = scopeKey(map.provider, scope);
  if (map.provider === 'microsoft') return map.known.has(key);
  return map.known.has(key) || map.known.has(scope);
}

/**
 * Solves one provider: `calls` must all be resolved. A requested scope is unneeded when the
 * other requested scopes serve every call without it; it is broader when a cheaper set of scopes
 * that it covers serves the calls it is needed for. Every other requested scope is needed.
 */
export function solveProvider(provider: ScopeMapProvider, requested: readonly string[], calls: readonly ApiCall[], values?: ValueResolver): ProviderSolution {
  const map = loadScopeMap(provider);
  const needs: ScopeNeed[] = calls.filter((call) => call.entry).map((call) => ({ call, options: optionsOf(map, call, values) }));
  const perContext = map.perContext.map((group) => new Set(group.scopes.map((scope) => scopeKey(provider, scope))));
  let kept = [...new Set(requested)];
  const verdicts: ScopeVerdictV2[] = [];
  const uncovered = needs.filter((need) => !covers(map, closure(map, kept), need.options)).map((need) => need.call);

  // Unneeded: drop the broadest first while the rest still serves every call the full set served.
  const servedByAll = needs.filter((need) => covers(map, closure(map, kept), need.options));
  // A scope whose own API (where it allows most) has no seen call is not judged: its client may be one the resolver could not follow.
  const seenApis = new Set(needs.map((need) => apiFamily(map, need.call.entry!.api)));
  const judgeable = (scope: string) => {
    const home = homeApi(map, canonicalScope(map, scope));
    return home === undefined || seenApis.has(home);
  };
  for (const scope of [...kept].sort((a, b) => reachOf(map, b) - reachOf(map, a))) {
    if (!judgeable(scope)) continue;
    const rest = kept.filter((other) => other !== scope);
    const restKeys = closure(map, rest);
    if (!servedByAll.every((need) => covers(map, restKeys, need.options))) continue;
    if (map.signIn.has(provider === 'microsoft' ? scopeKey(provider, scope) : canonicalScope(map, scope))) continue;
    // Per-context scopes (Slack channel types) are each needed for their own conversation type.
    const key = scopeKey(provider, scope);
    const group = perContext.find((members) => members.has(key));
    if (group && servedByAll.some((need) => need.options.some((set) => set.some((member) => group.has(scopeKey(provider, member)))))) continue;
    kept = rest;
    // A call that needs no scope is served by any set: it does not make this one useful.
    const servesSome = servedByAll.some((need) => !covers(map, new Set(), need.options) && covers(map, closure(map, [scope]), need.options));
    verdicts.push({ kind: servesSome ? 'redundant' : 'unneeded', scope });
  }

  // Broader: a kept scope whose calls a cheaper covered set serves.
  const final: string[] = [];
  for (const scope of kept) {
    const others = kept.filter((other) => other !== scope);
    const othersKeys = closure(map, [...others, ...final]);
    const dependent = servedByAll.filter((need) => !covers(map, othersKeys, need.options));
    const replacement = dependent.length ? cheapestAdditions(map, dependent, [...others, ...final]) : undefined;
    const broad = canonicalScope(map, scope);
    if (
      judgeable(scope) &&
      replacement &&
      replacement.length > 0 &&
      // A scope of the same per-context group serves other objects (Spotify's collaborative vs private playlists), not fewer.
      replacement.every((candidate) => strictlyCovers(map, broad, canonicalScope(map, candidate)) && !perContext.some((members) => members.has(scopeKey(provider, scope)) && members.has(scopeKey(provider, candidate)))) &&
      replacement.reduce((sum, candidate) => sum + reachOf(map, candidate), 0) < reachOf(map, scope)
    ) {
      verdicts.push({ kind: 'broader', scope, replacement, calls: dependent.map((need) => need.call) });
      final.push(...replacement);
    } else {
      final.push(scope);
      verdicts.push({ kind: 'needed', scope, calls: dependent.map((need) => need.call) });
    }
  }
  const needed = [...new Set(final)];
  const callsByScope = new Map<string, ApiCall[]>();
  for (const scope of needed) {
    const keys = closure(map, [scope]);
    callsByScope.set(scope, servedByAll.filter((need) => covers(map, keys, need.options)).map((need) => need.call));
  }
  return { provider, requested: [...new Set(requested)], needed, callsByScope, verdicts, uncovered };
}

/** The API in which a scope allows the most methods (undefined when it allows none). */
function homeApi(map: ScopeMap, scope: string): string | undefined {
  const counts = new Map<string, number>();
  for (const index of map.allows.get(scope) ?? []) {
    const api = map.file.entries[index]!.api;
    counts.set(api, (counts.get(api) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [api, count] of counts) if (best === undefined || count > counts.get(best)! || (count === counts.get(best)! && api < best)) best = api;
  return best === undefined ? undefined : apiFamily(map, best);
}

/** The API an API of the map counts as: the URL API when the map also names a client library's methods (Spotify). */
function apiFamily(map: ScopeMap, api: string): string {
  return providerRecord(map.provider).scopeMap?.apiUrl.api ?? api;
}

/** A Google scope as the issue's messages write it: without the `https://www.googleapis.com/auth/` prefix. */
export function displayScope(scope: string): string {
  return scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}
