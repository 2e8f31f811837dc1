import { ts } from 'ts-morph';
import { OAUTH_REQUEST_KINDS, RequestCollector, locateScopeLiteral, splitScopes, type OAuthRequest } from '../../src/analyzer/models/oauth-client.js';
import { Parser } from '../../src/analyzer/engine/parse.js';
import { UNKNOWN, ValueResolver } from '../../src/analyzer/engine/values.js';
import { walkFile } from '../../src/analyzer/engine/walk.js';

/** Runs the request model over a snippet, feeding it the nodes the engine would. */
function requestsIn(code: string, path = 'snippet.ts'): { requests: readonly OAuthRequest[]; values: ValueResolver; sourceFile: ts.SourceFile } {
  const { sourceFile } = new Parser().parse(path, code);
  const walked = walkFile(sourceFile, new Set(OAUTH_REQUEST_KINDS));
  const values = new ValueResolver(walked);
  const collector = new RequestCollector(sourceFile, values);
  const nodes = OAUTH_REQUEST_KINDS.flatMap((kind) => walked.nodesByKind.get(kind) ?? []).sort((a, b) => a.pos - b.pos);
  for (const node of nodes) collector.add(node);
  return { requests: collector.requests(), values, sourceFile };
}

const lineOf = (node: ts.Node, sourceFile: ts.SourceFile) => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;

describe('authorization requests built by hand', () => {
  test('a template URL absorbs the URLSearchParams it embeds: one request, endpoint and provider known', () => {
    const { requests } = requestsIn(`
      const params = new URLSearchParams({ client_id: 'a', redirect_uri: 'http://localhost/cb', scope: 'repo' });
      export const url = \`https://github.com/login/oauth/authorize?\${params}\`;
    `);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ kind: 'authorize', endpoint: 'https://github.com/login/oauth/authorize', provider: 'github', pkce: { status: 'missing-challenge' } });
  });

  test('searchParams.set calls on a URL count, including those made after a helper returned it', () => {
    const { requests } = requestsIn(`
      function base(clientId: string) {
        const url = new URL('https://auth.example.com/authorize');
        url.searchParams.set('response_type', 'code');
        url.searchParams.set('client_id', clientId);
        return url;
      }
      export function withPkce(clientId: string, challenge: string) {
        const url = base(clientId);
        url.searchParams.set('code_challenge', challenge);
        url.searchParams.set('code_challenge_method', 'S256');
        return url.href;
      }
    `);
    expect(requests.map((request) => request.pkce.status)).toEqual(['present']);
  });

  test("a challenge without a method is 'plain' by default; 'plain' in every branch is reported, a branch with S256 is not", () => {
    const noMethod = requestsIn("export const u = 'https://a.example/authorize?response_type=code&client_id=x&code_challenge=' + c;").requests;
    expect(noMethod.map((request) => request.pkce.status)).toEqual(['missing-method']);
    const branches = requestsIn(`
      const url = new URL('https://a.example/authorize');
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', 'x');
      url.searchParams.set('code_challenge', c);
      if (legacy) url.searchParams.set('code_challenge_method', 'plain');
      else url.searchParams.set('code_challenge_method', 'S256');
    `).requests;
    expect(branches.map((request) => request.pkce.status)).toEqual(['present']);
  });

  test('a request with parameters out of sight is unknown, not missing', () => {
    const { requests } = requestsIn(`
      export function u(extra: Record<string, string>) {
        return 'https://a.example/authorize?' + new URLSearchParams({ response_type: 'code', client_id: 'x', ...extra });
      }
    `);
    expect(requests.map((request) => request.pkce.status)).toEqual(['unknown']);
  });

  test('an implicit-flow request and an object that is never sent are not requests', () => {
    expect(requestsIn("export const u = 'https://a.example/authorize?response_type=token&client_id=x';").requests).toEqual([]);
    expect(requestsIn("pending.set(code, { client_id, redirect_uri, response_type: 'code', state });").requests).toEqual([]);
  });
});

describe('token requests', () => {
  test('the endpoint of a JSON body comes from the fetch call; a GitHub exchange needs no grant_type', () => {
    const { requests } = requestsIn(`
      await fetch('https://github.com/login/oauth/access_token', { method: 'POST', body: JSON.stringify({ client_id: 'a', client_secret: 'b', code }) });
    `);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ kind: 'token', grantType: 'authorization_code', pkce: { status: 'missing-verifier' } });
  });

  test('other grants are token requests for which PKCE does not apply', () => {
    const { requests } = requestsIn(`
      await fetch(TOKEN, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'db:*' }) });
    `);
    expect(requests.map((request) => [request.kind, request.grantType, request.pkce.status])).toEqual([['token', 'client_credentials', 'not-applicable']]);
  });
});

describe('library calls', () => {
  test('google-auth-library: getToken with a bare code has no verifier, with { code, codeVerifier } it has', () => {
    const { requests } = requestsIn(`
      import { OAuth2Client } from 'google-auth-library';
      const client = new OAuth2Client('id', 'secret', 'http://localhost/cb');
      export async function a(code: string) { return client.getToken(code); }
      export async function b(code: string, codeVerifier: string) { return client.getToken({ code, codeVerifier }); }
    `);
    expect(requests.map((request) => [request.callName, request.pkce.status])).toEqual([
      ['client.getToken', 'missing-verifier'],
      ['client.getToken', 'present'],
    ]);
  });

  test("a method named like a library's is ignored when the receiver is not built by that library", () => {
    const { requests } = requestsIn(`
      import { OAuth2Client } from 'google-auth-library';
      const cache = new Map<string, string>();
      export const t = (cache as any).getToken('code');
    `);
    expect(requests).toEqual([]);
  });

  test('arctic: the provider follows from the class; CommonJS require is understood', () => {
    const { requests } = requestsIn(`
      const { GitHub } = require('arctic');
      const github = new GitHub('id', 'secret', null);
      module.exports = () => github.createAuthorizationURL('state', ['repo']);
    `, 'auth.cjs');
    expect(requests.map((request) => [request.kind, request.provider, request.pkce.status])).toEqual([['authorize', 'github', 'missing-challenge']]);
  });

  test("the MCP SDK's auth() always sends PKCE", () => {
    const { requests } = requestsIn(`
      import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
      await auth(provider, { serverUrl, scope: 'mcp:tools' });
    `);
    expect(requests.map((request) => request.pkce.status)).toEqual(['present']);
  });
});

describe('scope values', () => {
  test('splitScopes decodes query strings and splits on spaces, commas and plus signs', () => {
    expect(splitScopes('repo%20read%3Auser', true)).toEqual(['repo', 'read:user']);
    expect(splitScopes('chat:write,channels:read', false)).toEqual(['chat:write', 'channels:read']);
    expect(splitScopes('openid+email', true)).toEqual(['openid', 'email']);
  });

  test('the literal that writes a scope is found through a constant, a join and a helper', () => {
    const { requests, values, sourceFile } = requestsIn(`
      const SCOPES = [
        'read:user',
        'admin:org',
      ];
      function scopeParam() { return SCOPES.join(' '); }
      export const url = \`https://github.com/login/oauth/authorize?client_id=x&scope=\${scopeParam()}\`;
    `);
    const scope = requests[0]!.scopes[0]!;
    const literal = locateScopeLiteral(values, scope.roots, 'admin:org');
    expect(literal && lineOf(literal, sourceFile)).toBe(4);
  });
});

describe('scopes collected from a catalogue', () => {
  const scopesOf = (code: string) => requestsIn(code).requests.flatMap((request) => request.scopes.flatMap((scope) => scope.values));

  test('map over objects, destructuring callbacks, flatMap, Object.values, Set and spreads are followed', () => {
    const values = scopesOf(`
      const TOOLS = [{ scope: 'a:read' }, { scope: 'b:write' }];
      const MORE = { x: 'c:read' };
      const BUNDLES = [{ scopes: ['d:read', 'e:read'] }];
      new URLSearchParams({ client_id: 'x', response_type: 'code', scope: TOOLS.map((t) => t.scope).join(' ') });
      new URLSearchParams({ client_id: 'x', response_type: 'code', scope: [...new Set(Object.values(MORE))].join(' ') });
      new URLSearchParams({ client_id: 'x', response_type: 'code', scope: BUNDLES.flatMap(({ scopes }) => scopes).join(',') });
    `);
    expect(values).toEqual(['a:read', 'b:write', 'c:read', 'd:read', 'e:read']);
  });

  test('a filter that tests literal values, or a callback that computes, leaves the scopes unknown', () => {
    const values = scopesOf(`
      const ALL = ['repo', 'read:user'];
      new URLSearchParams({ client_id: 'x', response_type: 'code', scope: ALL.filter((s) => s !== 'repo').join(' ') });
      new URLSearchParams({ client_id: 'x', response_type: 'code', scope: ALL.map((s) => prefix + s).join(' ') });
    `);
    expect(values.every((value) => value.includes(UNKNOWN))).toBe(true);
  });
});

describe('other request shapes', () => {
  test('a complete authorize URL constant is a request only when every use sends it unchanged', () => {
    const kinds = (code: string) => requestsIn(code).requests.map((request) => request.pkce.status);
    const url = "'https://github.com/login/oauth/authorize?client_id=x&scope=read:user'";
    expect(kinds(`const U = ${url}; app.get('/l', (req, res) => res.redirect(U));`)).toEqual(['missing-challenge']);
    expect(kinds(`const U = ${url}; app.get('/l', (req, res) => res.redirect(addPkce(U)));`)).toEqual([]);
    // Extended once: only the extended URL is a request (with a challenge but no method).
    expect(kinds(`const U = ${url}; res.redirect(U); export const V = U + '&code_challenge=' + c;`)).toEqual(['missing-method']);
    expect(kinds(`export const U = ${url}; res.redirect(U);`)).toEqual([]);
  });

  test('a device authorization request carries scopes but no PKCE check', () => {
    const { requests } = requestsIn(`
      fetch('https://github.com/login/device/code', { method: 'POST', body: new URLSearchParams({ client_id: 'x', scope: 'repo' }) });
    `);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ kind: 'scopes', provider: 'github', pkce: { status: 'not-applicable' } });
  });

  test("passport strategies: 'pkce: true' is PKCE, no flag is none, 'plain' is plain", () => {
    const statuses = requestsIn(`
      import { Strategy } from 'passport-oauth2';
      new Strategy({ authorizationURL: 'https://a/authorize', tokenURL: 'https://a/token', clientID: 'x', pkce: true, state: true }, verify);
      new Strategy({ authorizationURL: 'https://a/authorize', tokenURL: 'https://a/token', clientID: 'x' }, verify);
      new Strategy({ authorizationURL: 'https://a/authorize', tokenURL: 'https://a/token', clientID: 'x', pkce: 'plain', state: true }, verify);
      new Strategy(options, verify);
    `).requests.map((request) => request.pkce.status);
    expect(statuses).toEqual(['present', 'missing-challenge', 'plain', 'unknown']);
  });

  test('a query joined from an array of key=value parts is read; an unknown part makes it incomplete', () => {
    const statuses = (code: string) => requestsIn(code).requests.map((request) => request.pkce.status);
    expect(statuses("export const u = `https://a.example/authorize?${['client_id=x', 'response_type=code'].join('&')}`;")).toEqual(['missing-challenge']);
    expect(statuses("export const u = `https://a.example/authorize?${['client_id=x', 'response_type=code', extra].join('&')}`;")).toEqual(['unknown']);
  });
});
