/**
 * Google: the generated client code of the `googleapis` package. Each method's doc example in
 * the `.d.ts` lists the scopes that authorise it (`scopes: [...]`, any one suffices) and names
 * the call (`await gmail.users.messages.send(`); the `.js` gives its URL and HTTP method, found
 * by following the resource classes from the API class (`this.users = new Resource$Users`).
 */
import type { ScopeMapEntry } from './format.js';

/** The APIs MCP servers use: directory and file (under build/src/apis) with the API id the code passes to google.<name>(). */
export const GOOGLE_APIS: readonly { dir: string; file: string; api: string }[] = [
  { dir: 'gmail', file: 'v1', api: 'gmail:v1' },
  { dir: 'drive', file: 'v3', api: 'drive:v3' },
  { dir: 'calendar', file: 'v3', api: 'calendar:v3' },
  { dir: 'docs', file: 'v1', api: 'docs:v1' },
  { dir: 'sheets', file: 'v4', api: 'sheets:v4' },
  { dir: 'slides', file: 'v1', api: 'slides:v1' },
  { dir: 'people', file: 'v1', api: 'people:v1' },
  { dir: 'tasks', file: 'v1', api: 'tasks:v1' },
  { dir: 'youtube', file: 'v3', api: 'youtube:v3' },
  { dir: 'forms', file: 'v1', api: 'forms:v1' },
  { dir: 'chat', file: 'v1', api: 'chat:v1' },
  { dir: 'admin', file: 'directory_v1', api: 'admin:directory_v1' },
  { dir: 'meet', file: 'v2', api: 'meet:v2' },
  { dir: 'keep', file: 'v1', api: 'keep:v1' },
  { dir: 'script', file: 'v1', api: 'script:v1' },
  { dir: 'searchconsole', file: 'v1', api: 'searchconsole:v1' },
];

/** Per call chain ('users.messages.send'), the scopes of its doc example. */
export function scopesFromDeclarations(dts: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const lines = dts.split('\n');
  let scopes: string[] | undefined;
  let inScopes = false;
  for (const line of lines) {
    const text = line.replace(/^\s*\*\s?/, '').trim();
    if (/^scopes:\s*\[\s*\],?$/.test(text)) {
      scopes = [];
      continue;
    }
    const inline = /^scopes:\s*\[((?:\s*'[^']+',?)+)\s*\],?$/.exec(text);
    if (inline) {
      scopes = [...inline[1]!.matchAll(/'([^']+)'/g)].map((match) => match[1]!);
      continue;
    }
    if (/^scopes:\s*\[$/.test(text)) {
      scopes = [];
      inScopes = true;
      continue;
    }
    if (inScopes) {
      const scope = /^'([^']+)',?$/.exec(text);
      if (scope) scopes!.push(scope[1]!);
      else if (/^\],?$/.test(text)) inScopes = false;
      continue;
    }
    const call = /^const res = await [A-Za-z0-9_]+\.([A-Za-z0-9_.]+)\(/.exec(text);
    if (call && scopes) {
      result.set(call[1]!, scopes);
      scopes = undefined;
    }
  }
  return result;
}

/** Per call chain, the HTTP method and URL template of the generated implementation. */
export function routesFromImplementation(js: string): Map<string, { http: string; url: string }> {
  const children = new Map<string, { field: string; child: string }[]>();
  const methods = new Map<string, { name: string; http: string; url: string }[]>();
  let rootClass: string | undefined;
  let currentClass: string | undefined;
  let currentMethod: string | undefined;
  let rootUrl = '';
  let url: string | undefined;
  let urlOnNextLine = false;
  for (const line of js.split('\n')) {
    const classMatch = /^ {4}class ([A-Za-z0-9_$]+) \{/.exec(line);
    if (classMatch) {
      currentClass = classMatch[1]!;
      if (!currentClass.startsWith('Resource$')) rootClass ??= currentClass;
      continue;
    }
    if (!currentClass) continue;
    const child = /^ {12}this\.([A-Za-z0-9_]+) = new (Resource\$[A-Za-z0-9_$]+)\(this\.context\);/.exec(line);
    if (child) {
      const list = children.get(currentClass) ?? [];
      list.push({ field: child[1]!, child: child[2]! });
      children.set(currentClass, list);
      continue;
    }
    const method = /^ {8}([A-Za-z0-9_]+)\(paramsOrCallback, optionsOrCallback, callback\) \{/.exec(line);
    if (method) {
      currentMethod = method[1]!;
      url = undefined;
      continue;
    }
    const root = /const rootUrl = options\.rootUrl \|\| '([^']+)';/.exec(line);
    if (root) rootUrl = root[1]!;
    // The generated code breaks long URLs after 'rootUrl +'.
    const urlMatch = /url: \(rootUrl \+ '([^']+)'\)/.exec(line) ?? (urlOnNextLine ? /^\s+'([^']+)'\)/.exec(line) : null);
    urlOnNextLine = /url: \(rootUrl \+$/.test(line);
    if (urlMatch && currentMethod) url = rootUrl.replace(/\/$/, '') + '/' + urlMatch[1]!.replace(/^\/+/, '');
    const http = /^\s+method: '([A-Z]+)',/.exec(line);
    if (http && currentMethod && url) {
      const list = methods.get(currentClass) ?? [];
      list.push({ name: currentMethod, http: http[1]!, url });
      methods.set(currentClass, list);
      currentMethod = undefined;
    }
  }
  const result = new Map<string, { http: string; url: string }>();
  const visit = (cls: string, prefix: string, depth: number): void => {
    if (depth > 12) return;
    for (const method of methods.get(cls) ?? []) result.set(prefix + method.name, { http: method.http, url: method.url });
    for (const { field, child } of children.get(cls) ?? []) visit(child, `${prefix}${field}.`, depth + 1);
  };
  if (rootClass) visit(rootClass, '', 0);
  return result;
}

/** Google's `scopes` list is any-of: each scope alone authorises the method. */
export function googleEntries(api: string, dts: string, js: string): ScopeMapEntry[] {
  const scopes = scopesFromDeclarations(dts);
  const routes = routesFromImplementation(js);
  const entries: ScopeMapEntry[] = [];
  for (const [method, route] of routes) {
    const methodScopes = scopes.get(method);
    if (!methodScopes) continue;
    entries.push({ provider: 'google', api, method, http: route.http, urlTemplate: route.url, anyOf: methodScopes.length ? methodScopes.map((scope) => [scope]) : [[]] });
  }
  return entries;
}
