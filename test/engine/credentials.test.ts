import { ts } from 'ts-morph';
import { Parser } from '../../src/analyzer/engine/parse.js';
import { ValueResolver } from '../../src/analyzer/engine/values.js';
import { walkFile } from '../../src/analyzer/engine/walk.js';
import { classifyName, TokenModel } from '../../src/analyzer/models/credentials.js';

/** Parses a snippet and asks the token model about the argument of its last `probe(...)` call. */
function credentialOf(code: string) {
  const { sourceFile } = new Parser().parse('probe.ts', code);
  const walked = walkFile(sourceFile, new Set([ts.SyntaxKind.CallExpression]));
  const tokens = new TokenModel(new ValueResolver(walked));
  const calls = (walked.nodesByKind.get(ts.SyntaxKind.CallExpression) ?? []) as ts.CallExpression[];
  const probe = calls.filter((call) => ts.isIdentifier(call.expression) && call.expression.text === 'probe').pop();
  if (!probe) throw new Error('snippet has no probe(...) call');
  return tokens.credentialIn(probe.arguments[0]!);
}

describe('classifyName: OAuth vocabulary with exclusions', () => {
  test.each([
    ['secretKey', 'credential'],
    ['AWS_SECRET_ACCESS_KEY', 'credential'],
    ['GITHUB_CLIENT_SECRET', 'credential'],
    ['currentAccessToken', 'credential'],
    ['usedRefreshToken', 'credential'],
    ['validToken', 'credential'],
    ['bearerToken', 'credential'],
    ['authInfo', 'credential'],
    ['authorization', 'credential'],
    ['x-api-key', 'credential'],
    ['oauthTokens', 'credential'],
    ['jwtSecret', 'credential'],
    ['tokenKey', 'not-credential'],
    ['csrfToken', 'not-credential'],
    ['pad_token', 'not-credential'],
    ['prompt_tokens', 'not-credential'],
    ['completionTokens', 'not-credential'],
    ['total_tokens', 'not-credential'],
    ['tokensUsed', 'not-credential'],
    ['nextPageToken', 'not-credential'],
    ['syncToken', 'not-credential'],
    ['cancellationToken', 'not-credential'],
    ['GOOGLE_APPLICATION_CREDENTIALS', 'not-credential'],
    ['codeChallenge', 'not-credential'],
    ['decodedToken', 'not-credential'],
    ['jwtPayload', 'not-credential'],
    ['hashedToken', 'not-credential'],
    ['tokenInfo', 'not-credential'],
    ['clientSecretExpiresAt', 'not-credential'],
    ['hasToken', 'not-credential'],
    ['PWD', 'neutral'],
    ['authorizationServerUrl', 'neutral'],
    ['scope', 'neutral'],
  ])('%s is %s', (name, expected) => {
    expect(classifyName(name)).toBe(expected);
  });
});

describe('credentialIn: values that carry a credential', () => {
  test.each([
    ['google getToken() result', `const { tokens } = await oauth2Client.getToken(code); probe(tokens);`, 'name'],
    ['a field of a token response', `const data = await res.json(); probe(data.access_token);`, 'name'],
    ['a whole fetch token response', `const r = await fetch('https://github.com/login/oauth/access_token', { method: 'POST' }); const body = await r.json(); probe(body);`, 'token-response'],
    ['an axios token response destructured', `const { data } = await axios.post(TOKEN_URL, { grant_type: 'refresh_token', refresh_token: rt }); probe(data);`, 'token-response'],
    ['an axios token response read', `const response = await axios.post('https://oauth2.googleapis.com/token', form); probe(response.data);`, 'token-response'],
    ['the Authorization header', `probe(req.headers.authorization);`, 'authorization-header'],
    ['the Authorization header by element access', `probe(req.headers['authorization']);`, 'authorization-header'],
    ['the Authorization header through req.get', `probe(req.get('Authorization'));`, 'authorization-header'],
    ['the Authorization header through Headers.get', `probe(request.headers.get('authorization'));`, 'authorization-header'],
    ['the bearer part of the header', `probe(req.headers.authorization.split(' ')[1]);`, 'authorization-header'],
    ['all request headers', `probe(req.headers);`, 'request-headers'],
    ['process.env whole', `probe(process.env);`, 'environment'],
    ['process.env stringified', `probe(JSON.stringify(process.env, null, 2));`, 'environment'],
    ['process.env spread', `probe({ ...process.env, mode: 'dev' });`, 'environment'],
    ['a secret environment variable', `probe(process.env.GITHUB_CLIENT_SECRET);`, 'environment'],
    ['the MCP SDK auth info', `server.tool('x', {}, async (args, extra) => { probe(extra.authInfo); });`, 'name'],
    ['the MCP SDK auth info token', `server.tool('x', {}, async (args, extra) => { probe(extra.authInfo?.token); });`, 'name'],
    ['verifyAccessToken argument', `class V { async verifyAccessToken(t: string) { probe(t); } }`, 'sdk'],
    ['exchangeRefreshToken argument', `const provider = { async exchangeRefreshToken(client, presented) { probe(presented); } };`, 'sdk'],
    ['a parameter typed OAuthTokens', `function save(t: OAuthTokens) { probe(t); }`, 'sdk'],
    ['encodeURIComponent still leaks', `probe(encodeURIComponent(accessToken));`, 'name'],
    ['a template with a token', 'probe(`Bearer ${accessToken}`);', 'name'],
    ['util.format arguments', `probe(util.format('token=%s', refreshToken));`, 'name'],
    ['a masked-looking but real replace', `probe(authHeader.replace(/^Bearer /, ''));`, 'name'],
    ['a long slice', `probe(accessToken.slice(0, 40));`, 'name'],
    ['a JWT just signed', `const signed = jwt.sign({ sub }, key); probe(signed);`, 'token-response'],
    ['a helper that returns the token', `function bearer() { return session.accessToken; } probe(bearer());`, 'name'],
    ['a local alias of a token', `const value = tokens.refresh_token; const shown = value; probe(shown);`, 'name'],
    ['an object with a token field', `probe({ user: id, access_token: value });`, 'name'],
    ['a conditional token', `probe(useBearer ? accessToken : undefined);`, 'name'],
    ['a generic name assigned from a header', `const token = authorization.split(' ')[1]; probe(token);`, 'name'],
    ['a parameter typed with an interface of this file that has a token member', `interface StoredTokens { accessToken: string; expiresAt: number } function save(data: StoredTokens) { probe(data); }`, 'declared-type'],
    ['a map of such a type', `type Grant = { refreshToken: string }; function dump(all: Record<string, Grant>) { probe(all); }`, 'declared-type'],
    ['a parameter property typed with such an interface', `interface Grant { refreshToken: string } class Store { constructor(private readonly grant: Grant) {} dump() { probe(this.grant); } }`, 'declared-type'],
    ['headers given an Authorization member before the log', 'const headers: Record<string, string> = {}; headers.Authorization = `Bearer ${accessToken}`; probe(headers);', 'name'],
    ['a class field assigned in another method', `class Client { constructor(tokens) { this.auth = { bearer: tokens.access_token }; } dump() { probe(this.auth); } }`, 'name'],
    ['the config of a caught HTTP error', `try { await api.get('/me'); } catch (err) { probe(err.config); }`, 'request-config'],
    ['the headers of a rejected request', `api.interceptors.response.use((r) => r, (error) => { probe(error.config.headers); });`, 'request-config'],
    ['the config in a request interceptor', `api.interceptors.request.use((config) => { probe(config.headers); return config; });`, 'request-config'],
    ['an error narrowed to an axios error', `try { await api.get('/me'); } catch (err) { if (axios.isAxiosError(err)) { probe(err); } }`, 'http-error'],
    ['an error declared as an axios error', `function onError(error: AxiosError) { probe(error.toJSON()); }`, 'http-error'],
  ])('%s', (_title, code, origin) => {
    expect(credentialOf(code)?.origin).toBe(origin);
  });

  test('the label names the credential as the code spells it', () => {
    expect(credentialOf(`probe(tokens.access_token);`)?.label).toBe('tokens.access_token');
    expect(credentialOf(`const data = await res.json(); const shown = data.refresh_token; probe(shown);`)?.label).toBe('shown');
  });

  test('a parameter is labelled by what its caller passes, also when destructured from an opaque object', () => {
    const code = `function keep(value: string) { probe(value); } export function f(session: Session) { const { accessToken, userId } = session; keep(userId); keep(accessToken); }`;
    expect(credentialOf(code)?.label).toBe('accessToken');
  });
});

describe('credentialIn: values that only say "token"', () => {
  test.each([
    ['token metadata: expires_in', `const tokens = await res.json(); probe(tokens.expires_in);`],
    ['token metadata: token_type', `probe(tokens.token_type);`],
    ['token metadata: scope', `probe(tokenResponse.scope);`],
    ['LLM usage', `probe(response.usage.total_tokens);`],
    ['LLM count owner', `probe(result.usage.tokens);`],
    ['LLM count variable', `const tokenCount = countTokens(text); probe(tokenCount);`],
    ['max tokens', `probe(maxTokens);`],
    ['tokenizer output', `const tokens = tokenizer.encode(prompt); probe(tokens);`],
    ['pagination cursor', `const { nextToken } = await client.send(cmd); probe(nextToken);`],
    ['CSRF token', `probe(req.csrfToken());`],
    ['Boolean(token)', `probe(Boolean(accessToken));`],
    ['!!token', `probe(!!accessToken);`],
    ['token ? yes : no', `probe(accessToken ? 'yes' : 'no');`],
    ['typeof token', `probe(typeof accessToken);`],
    ['token.length', `probe(accessToken.length);`],
    ['a comparison', `probe(accessToken === expected);`],
    ['a hash of the token', `probe(createHash('sha256').update(accessToken).digest('hex'));`],
    ['a short prefix', `probe(accessToken.slice(0, 6));`],
    ['a short prefix in a template', 'probe(`${accessToken.substring(0, 4)}…`);'],
    ['a short suffix', `probe(refreshToken.slice(-4));`],
    ['a masked token', `probe(accessToken.replace(/.(?=.{4})/g, '*'));`],
    ['an error message', `try { await refresh(); } catch (err) { probe(err.message); }`],
    ['a non-secret environment variable', `probe(process.env.PORT);`],
    ['a credentials file path', `probe(process.env.GOOGLE_APPLICATION_CREDENTIALS);`],
    ['auth info client id', `server.tool('x', {}, async (args, { authInfo }) => { probe(authInfo.clientId); });`],
    ['lexer loop', `for (const token of source.split(/\\s+/)) { probe(token); }`],
    ['lexer callback', `source.split(' ').forEach((token) => probe(token));`],
    ['lexer structure', `function emit(token: Token) { probe(token); }`],
    ['a boolean-typed name', `function f(token: boolean) { probe(token); }`],
    ['an object with counts', `probe({ tokens: usage.total_tokens, model });`],
    ['an object with a question', `probe({ hasToken: Boolean(accessToken), user });`],
    ['an object with a prefix', `probe({ token: accessToken.slice(0, 6) });`],
    ['fetch credentials mode', `probe({ credentials: 'same-origin', method: 'GET' });`],
    ['the status of a token request', `const { status } = await axios.post(TOKEN_URL, { grant_type: 'authorization_code', code }); probe(status);`],
    ['a member of an enum-like constant table', `probe(CacheOutcome.NO_CACHED_ACCESS_TOKEN);`],
    ['a table of environment variable names', `probe(EnvironmentVariableNames.MSI_SECRET);`],
    ['a header name constant', `const HEADER = { authorization: 'Authorization' }; probe(HEADER.authorization);`],
    ['a resumption-token callback', `client.request(req, schema, { onresumptiontoken: (token) => probe(token) });`],
    ['a Response object of fetch', `const status = (await fetch(TOKEN_URL, { method: 'POST' })).status; probe(status);`],
    ['a field destructured beside a token', `interface Session { accessToken: string; userId: string } function f(session: Session) { const { userId } = session; probe(userId); }`],
    ['a helper parameter given only harmless fields', `function keep(value: string) { probe(value); } function f(session: Session) { const { userId } = session; keep(userId); }`],
    ['a settings structure kept under a credential-like name', `interface AuthorizationSettings { issuer: string; enabled: boolean } interface Options { authorization: AuthorizationSettings } function f(o: Options) { probe(o); }`],
    ['a type with LLM word lists and counts', `interface Lexed { tokens: string[]; line: number } interface Usage { tokens: number; prompt_tokens: number } function f(l: Lexed, u: Usage) { probe([l, u]); }`],
    ['a header added after the log', `const headers: Record<string, string> = {}; probe(headers); headers.Authorization = accessToken;`],
    ['a paging cursor added to a response', `const response: Record<string, unknown> = {}; response.nextPageToken = cursor; probe(response);`],
    ['a caught error logged whole', `try { await api.get('/me'); } catch (err) { probe(err); }`],
    ['a call on an unknown object is not a call of a plain function', `function update(value: string) { probe(value); } db.update(accessToken);`],
    ['an event-name constant named like a token, through a helper', `const CacheManagerGetRefreshToken = 'cacheManagerGetRefreshToken'; const invoke = (fn, eventName) => { probe(eventName); }; invoke(f, CacheManagerGetRefreshToken);`],
  ])('%s', (_title, code) => {
    expect(credentialOf(code)).toBeUndefined();
  });
});

describe('credentialIn: cost', () => {
  test('a value reached through many call sites of chained helpers is judged quickly', () => {
    // Each helper forwards its parameter to the next from several call sites: without memoising,
    // following every path multiplies the work by the fan-out at each level.
    const levels = 11;
    const helpers = Array.from({ length: levels }, (_, level) =>
      `function step${level}(value) { return step${level + 1}(value) || step${level + 1}(value + 'a') || step${level + 1}(value + 'b'); }`,
    ).join('\n');
    const code = `${helpers}\nfunction step${levels}(value) { probe(value); return value; }\nstep0(input);`;
    const started = performance.now();
    expect(credentialOf(code)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
