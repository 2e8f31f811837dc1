import { ts } from 'ts-morph';
import { Parser } from '../../src/analyzer/engine/parse.js';
import { UNKNOWN, ValueResolver } from '../../src/analyzer/engine/values.js';
import { walkFile } from '../../src/analyzer/engine/walk.js';
import { classifyName, TokenModel } from '../../src/analyzer/models/credentials.js';

/** Parses a snippet and returns the resolver plus the expression passed to the last `probe(...)` call. */
function probe(code: string) {
  const { sourceFile } = new Parser().parse('probe.ts', code);
  const walked = walkFile(sourceFile, new Set([ts.SyntaxKind.CallExpression]));
  const values = new ValueResolver(walked);
  const calls = (walked.nodesByKind.get(ts.SyntaxKind.CallExpression) ?? []) as ts.CallExpression[];
  const call = calls.filter((c) => ts.isIdentifier(c.expression) && c.expression.text === 'probe').pop()!;
  return { values, tokens: new TokenModel(values), argument: call.arguments[0]! };
}

describe('ValueResolver.stringValues', () => {
  test('follows a constant through an array join into a template literal', () => {
    const { values, argument } = probe(`
      const SCOPES = ['repo', 'read:user'];
      const scope = SCOPES.join(' ');
      probe(\`https://github.com/login/oauth/authorize?scope=\${scope}&state=\${state}\`);
    `);
    expect(values.stringValues(argument)).toEqual([`https://github.com/login/oauth/authorize?scope=repo read:user&state=${UNKNOWN}`]);
  });

  test('follows object spreads, property reads and a helper function', () => {
    const { values, argument } = probe(`
      const base = { scope: 'openid' };
      const config = { ...base, extra: 1 };
      function scopeFor() { return config.scope + ' email'; }
      probe(scopeFor());
    `);
    expect(values.stringValues(argument)).toEqual(['openid email']);
  });

  test('resolves a parameter through the calls of its function', () => {
    const { values, argument } = probe(`
      function build(scopes: string[]) { probe(scopes.join(',')); }
      build(['a', 'b']);
    `);
    expect(values.stringValues(argument)).toEqual(['a,b']);
  });

  test('picks the innermost declaration of a shadowed name', () => {
    const { values, argument } = probe(`
      const scope = 'outer';
      function f() { const scope = 'inner'; probe(scope); }
    `);
    expect(values.stringValues(argument)).toEqual(['inner']);
  });
});

describe('class members (this.x)', () => {
  const originsText = (values: ValueResolver, argument: ts.Expression) => values.origins(argument).map((origin) => origin.getText());

  test('a member read follows what the class gives it: constructor assignments and field initializers', () => {
    const { values, argument } = probe(`
      class Server {
        mode = 'strict';
        constructor(config) { this.config = { port: config.port || 3000, check: config.check ?? false }; }
        start() { probe(this.config.check); }
      }
    `);
    expect(originsText(values, argument)).toEqual(['config.check', 'false']);
  });

  test('an arrow function keeps the class\'s this; a nested function expression does not', () => {
    const { values, argument } = probe(`
      class A {
        constructor() { this.url = 'https://example.test'; }
        run() { return [1].map(() => probe(this.url)); }
      }
    `);
    expect(originsText(values, argument)).toEqual(['this.url', "'https://example.test'"]);
    const other = probe(`
      class B {
        constructor() { this.url = 'https://example.test'; }
        run() { return [1].map(function () { return probe(this.url); }); }
      }
    `);
    expect(originsText(other.values, other.argument)).toEqual(['this.url']);
  });

  test('a member filled in after it is built is not resolved to its first value', () => {
    const { values, argument } = probe(`
      class Auth {
        constructor() { this.state = {}; }
        set(token) { this.state.accessToken = token; }
        save() { probe(this.state); }
      }
    `);
    expect(originsText(values, argument)).toEqual(['this.state']);
  });
});

describe('members written after the object is built', () => {
  test('a member assigned to a plain object (hapi\'s internals.defaults) resolves to what was written', () => {
    const { values, argument } = probe(`
      const internals = {};
      internals.defaults = { accessTokenName: 'access_token' };
      probe(internals.defaults.accessTokenName);
    `);
    expect(values.stringValues(argument)).toEqual(['access_token']);
  });

  test('a write to another object of the same name does not count', () => {
    const { values, argument } = probe(`
      const internals = {};
      function other() { const internals = {}; internals.defaults = { name: 'x' }; return internals; }
      probe(internals.defaults);
    `);
    expect(values.origins(argument).map((origin) => origin.getText())).toEqual(['internals.defaults']);
  });
});

describe('token model', () => {
  test.each([
    ['accessToken', 'credential'],
    ['refresh_token', 'credential'],
    ['idToken', 'credential'],
    ['clientSecret', 'credential'],
    ['code_verifier', 'credential'],
    ['Authorization', 'credential'],
    ['tokenCount', 'not-credential'],
    ['maxTokens', 'not-credential'],
    ['nextToken', 'not-credential'],
    ['token_type', 'not-credential'],
    ['expires_in', 'neutral'],
    ['tokenizer', 'not-credential'],
    ['tokenUrl', 'not-credential'],
    ['oauthUrl', 'neutral'],
    ['secretName', 'not-credential'],
    ['encryptedToken', 'not-credential'],
    ['accessTokenExpiresAt', 'not-credential'],
    ['userId', 'neutral'],
  ])('%s is %s', (name, expected) => {
    expect(classifyName(name)).toBe(expected);
  });

  test('a whole token-endpoint response is a credential', () => {
    const { tokens, argument } = probe(`
      const res = await fetch('https://oauth2.googleapis.com/token', { method: 'POST', body });
      const data = await res.json();
      probe(data);
    `);
    expect(tokens.credentialIn(argument)?.origin).toBe('token-response');
  });

  test('Boolean(token) and a short prefix are not credentials', () => {
    expect(probe(`const token = getIt(); probe(Boolean(token));`).tokens.credentialIn(probe(`const token = getIt(); probe(Boolean(token));`).argument)).toBeUndefined();
    const prefixed = probe(`probe(accessToken.slice(0, 4));`);
    expect(prefixed.tokens.credentialIn(prefixed.argument)).toBeUndefined();
  });
});

describe('destructured parameters', () => {
  test('follow the matching property of each call site argument', () => {
    const { values, argument } = probe(`
      function exchange({ url, body }: { url: string; body: string }) { probe(url); }
      exchange({ url: 'https://auth.example.com/token', body: '' });
    `);
    expect(values.stringValues(argument)).toEqual(['https://auth.example.com/token']);
  });
});

describe('declarations found by the walk', () => {
  test('point at the parameter, binding element or variable that declares the name', () => {
    const { values, argument } = probe(`
      function handler(req: Request, { refreshToken }: { refreshToken: string }) {
        const { body: { grant } } = req as never;
        probe([req, refreshToken, grant]);
      }
    `);
    const [req, refreshToken, grant] = (argument as ts.ArrayLiteralExpression).elements as unknown as ts.Identifier[];
    expect(ts.isParameter(values.declarationOf(req!)!.node)).toBe(true);
    expect(ts.isBindingElement(values.declarationOf(refreshToken!)!.node)).toBe(true);
    expect(values.declarationOf(grant!)).toMatchObject({ kind: 'variable', path: ['body', 'grant'] });
    expect(ts.isBindingElement(values.declarationOf(grant!)!.node)).toBe(true);
  });
});
