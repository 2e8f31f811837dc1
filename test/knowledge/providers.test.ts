import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUTHORIZE_PATHS, DEVICE_AUTHORIZATION_PATHS, LIBRARY_CALLS, PROVIDER_NAMES, TOKEN_PATHS } from '../../src/analyzer/knowledge/oauth-endpoints.js';
import { PROVIDERS } from '../../src/analyzer/knowledge/providers/index.js';
import { SCOPE_MAP_PROVIDERS } from '../../src/analyzer/knowledge/scope-maps/index.js';
import { providerOfApiUrl } from '../../src/analyzer/models/api-calls.js';
import { providerOfUrl } from '../../src/analyzer/models/oauth-client.js';
import { classifyScope } from '../../src/analyzer/models/scope-breadth.js';
import { PROVIDERS_END, PROVIDERS_START, renderProviderCatalogue, withProviderCatalogue } from '../../tools/docs/providers.js';

/** The path of a documented endpoint (`{tenant}` placeholders filled in). */
function pathOf(url: string): string {
  return new URL(url.replace(/\{[^}]+\}/g, 'common')).pathname;
}

describe('docs/rules/broad-scope.md provider catalogue', () => {
  test('is what `npm run docs:providers` generates from the records', () => {
    const markdown = readFileSync(join(process.cwd(), 'docs', 'rules', 'broad-scope.md'), 'utf8');
    expect(markdown.includes(PROVIDERS_START) && markdown.includes(PROVIDERS_END)).toBe(true);
    expect(withProviderCatalogue(markdown, renderProviderCatalogue(PROVIDERS))).toBe(markdown);
  });

  test('changes when a record changes (the comparison is not vacuous)', () => {
    const markdown = readFileSync(join(process.cwd(), 'docs', 'rules', 'broad-scope.md'), 'utf8');
    const edited = PROVIDERS.map((record, index) => (index === 0 ? { ...record, configNames: [...record.configNames, 'renamedprovider'] } : record));
    expect(withProviderCatalogue(markdown, renderProviderCatalogue(edited))).not.toBe(markdown);
    for (const record of PROVIDERS) expect(markdown).toContain(`### ${record.displayName} (\`${record.id}\`)`);
  });

  test('refuses a doc without the markers', () => {
    expect(() => withProviderCatalogue('# broad-scope\n', renderProviderCatalogue(PROVIDERS))).toThrow(/markers/);
  });
});

describe.each(PROVIDERS.map((record) => [record.id, record] as const))('provider record %s', (id, record) => {
  test('says where its facts come from', () => {
    expect(record.sources.length).toBeGreaterThan(0);
    for (const source of record.sources) expect(source).toMatch(/^https:\/\//);
    expect(record.licence).not.toBe('');
  });

  test('its documented endpoints are recognised as its own, by host and by path', () => {
    for (const url of record.endpoints.authorize) {
      expect({ url, provider: providerOfUrl(url) }).toEqual({ url, provider: id });
      const path = pathOf(url);
      expect({ url, authorize: AUTHORIZE_PATHS.some((pattern) => pattern.test(path)), token: TOKEN_PATHS.some((pattern) => pattern.test(path)) }).toEqual({ url, authorize: true, token: false });
    }
    for (const url of record.endpoints.token) {
      expect({ url, provider: providerOfUrl(url) }).toEqual({ url, provider: id });
      expect({ url, token: TOKEN_PATHS.some((pattern) => pattern.test(pathOf(url))) }).toEqual({ url, token: true });
    }
    for (const url of record.endpoints.device ?? []) {
      expect({ url, provider: providerOfUrl(url) }).toEqual({ url, provider: id });
      expect({ url, device: DEVICE_AUTHORIZATION_PATHS.some((pattern) => pattern.test(pathOf(url))) }).toEqual({ url, device: true });
    }
  });

  test('its names in configuration tables are normalised and its alone', () => {
    for (const name of record.configNames) {
      expect(name).toMatch(/^[a-z0-9]+$/);
      expect({ name, provider: PROVIDER_NAMES[name] }).toEqual({ name, provider: id });
    }
    const others = PROVIDERS.filter((other) => other.id !== id).flatMap((other) => other.configNames);
    expect(record.configNames.filter((name) => others.includes(name))).toEqual([]);
  });

  test('its client libraries reach the library call shapes', () => {
    for (const library of record.libraries.oauth) {
      const shapes = LIBRARY_CALLS.filter((shape) => shape.provider === id && library.modules.every((module) => shape.modules.includes(module)));
      expect({ library: library.library, shapes: shapes.length > 0 }).toEqual({ library: library.library, shapes: true });
    }
    for (const module of record.libraries.passportStrategies) {
      expect(LIBRARY_CALLS.some((shape) => shape.library === 'passport' && shape.provider === id && shape.modules.includes(module))).toBe(true);
    }
  });

  test('each catalogued broad scope is reported as its own, and the narrower scopes it proposes are not', () => {
    for (const entry of record.scopes.broad) {
      if (typeof entry.scope !== 'string') continue;
      const verdict = classifyScope(entry.scope, id);
      expect({ scope: entry.scope, kind: verdict?.kind, provider: verdict?.kind === 'catalogued' ? verdict.entry.provider : undefined }).toEqual({ scope: entry.scope, kind: 'catalogued', provider: id });
      for (const narrower of entry.narrower) {
        if (narrower.includes('$1')) continue;
        expect({ narrower, kind: classifyScope(narrower, id)?.kind }).not.toEqual({ narrower, kind: 'catalogued' });
      }
    }
  });

  test('has a vendored scope map exactly when it names one', () => {
    const maps = readdirSync(join(process.cwd(), 'src', 'analyzer', 'knowledge', 'scope-maps')).filter((name) => name.endsWith('.json') && name !== 'corrections.json');
    expect(maps.includes(`${id}.json`)).toBe(record.scopeMap !== undefined);
    expect((SCOPE_MAP_PROVIDERS as readonly string[]).includes(id)).toBe(record.scopeMap !== undefined);
  });
});

test('API URLs go to the provider whose record names the host', () => {
  expect(providerOfApiUrl('https://gmail.googleapis.com/gmail/v1/users/me/messages')).toBe('google');
  expect(providerOfApiUrl('https://oauth2.googleapis.com/token')).toBeUndefined();
  expect(providerOfApiUrl('https://graph.microsoft.com/v1.0/me')).toBe('microsoft');
  expect(providerOfApiUrl('https://api.github.com/user/repos')).toBe('github');
  expect(providerOfApiUrl('https://slack.com/api/chat.postMessage')).toBe('slack');
  expect(providerOfApiUrl('https://slack.com/oauth/v2/authorize')).toBeUndefined();
  expect(providerOfApiUrl('https://gitlab.com/api/v4/projects')).toBeUndefined();
});
