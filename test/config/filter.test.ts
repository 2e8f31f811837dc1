import { isIncluded, normalizePath } from '../../src/config/filter.js';
import { validateConfig } from '../../src/config/load.js';
import { defaultConfig, type GuardConfig } from '../../src/config/types.js';

function configFrom(raw: unknown): GuardConfig {
  const result = validateConfig(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

describe('isIncluded with the defaults', () => {
  const config = defaultConfig();
  test.each([
    ['src/server.ts', true],
    ['server.mjs', true],
    ['lib/auth/callback.cjs', true],
    ['app/page.tsx', true],
    ['.config/oauth.js', true],
    ['README.md', false],
    ['package.json', false],
    ['node_modules/openid-client/build/index.js', false],
    ['packages/api/node_modules/x/index.js', false],
    ['dist/index.js', false],
    ['packages/web/build/main.js', false],
    ['public/vendor/oauth.min.js', false],
    ['public/vendor/oauth.min.mjs', false],
    ['.git/hooks/pre-commit.js', false],
  ])('%s → %p', (path, expected) => {
    expect(isIncluded(path, config)).toBe(expected);
  });
});

describe('isIncluded with a config', () => {
  const config = configFrom({ include: ['src/**'], exclude: ['**/*.test.ts', 'src/generated/**'] });
  test.each([
    ['src/server.ts', true],
    ['src/auth/github.js', true],
    ['scripts/release.ts', false],
    ['src/server.test.ts', false],
    ['src/generated/client.ts', false],
    ['src/notes.md', false],
    ['src/node_modules/x.js', false],
  ])('%s → %p', (path, expected) => {
    expect(isIncluded(path, config)).toBe(expected);
  });

  test('Windows separators and a leading ./ are normalised', () => {
    expect(normalizePath('.\\src\\server.ts')).toBe('src/server.ts');
    expect(isIncluded('./src/server.ts', config)).toBe(true);
    expect(isIncluded('src\\server.test.ts', config)).toBe(false);
  });

  test('defaultExcludes: false applies only the config own exclusions', () => {
    expect(isIncluded('src/vendor/node_modules/x.js', config, { defaultExcludes: false })).toBe(true);
    expect(isIncluded('src/a.test.ts', config, { defaultExcludes: false })).toBe(false);
  });
});
