/**
 * Audit #7: a 10 MB config (~194k globs) ran the app out of heap, 3 MB blocked /healthz for
 * seconds, and `**\/*a*a*a*a*a*a*a*a*a*b` backtracked for over a minute against one long name.
 * Config size, list lengths and glob complexity are capped; what is refused says why.
 */
import { CONFIG_LIMITS, globComplexity, parseConfigText, validateConfig } from '../../src/config/load.js';
import { isIncluded } from '../../src/config/filter.js';

describe('config limits', () => {
  test('a file over the byte cap is refused before it is parsed', () => {
    const text = `exclude:\n${'  - "src/generated/some/long/path/**"\n'.repeat(3000)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(CONFIG_LIMITS.maxBytes);
    const started = Date.now();
    const result = parseConfigText(text, '.mcp-oauth-guard.yml');
    expect(Date.now() - started).toBeLessThan(50);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ message: expect.stringContaining(`at most ${CONFIG_LIMITS.maxBytes} bytes`) })] });
  });

  test('more globs than the list cap are refused', () => {
    const result = validateConfig({ exclude: Array.from({ length: CONFIG_LIMITS.maxListEntries + 1 }, (_, index) => `gen-${index}/**`) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatchObject({ key: 'exclude', message: expect.stringContaining(`at most ${CONFIG_LIMITS.maxListEntries}`) });
    expect(validateConfig({ exclude: Array.from({ length: CONFIG_LIMITS.maxListEntries }, (_, index) => `gen-${index}/**`) }).ok).toBe(true);
  });

  test('a glob with many stars in one segment is refused; everyday globs pass', () => {
    const backtracking = '**/*a*a*a*a*a*a*a*a*a*b';
    expect(globComplexity(backtracking)).toMatch(/10 '\*' wildcards in one path segment/);
    const result = validateConfig({ exclude: [backtracking] });
    expect(!result.ok && result.errors[0]).toMatchObject({ key: 'exclude[0]' });
    expect(globComplexity('x'.repeat(CONFIG_LIMITS.maxGlobLength + 1))).toMatch(/characters long/);
    for (const glob of ['**/*.test.ts', 'src/**/*.{ts,tsx}', '**/__mocks__/**', 'packages/*/src/**/*-*.ts', '**/*.min.{js,mjs,cjs}']) expect(globComplexity(glob)).toBeUndefined();
  });

  test('the worst glob still allowed matches a 250-character name quickly', () => {
    const result = validateConfig({ exclude: ['**/*a*b'] });
    if (!result.ok) throw new Error('expected a valid config');
    const started = Date.now();
    for (let index = 0; index < 100; index++) isIncluded(`src/${'a'.repeat(250)}${index}.ts`, result.config);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('with quoteValues off, wrong values are described by type, never quoted', () => {
    const result = validateConfig({ fail_on: 'sk_live_VALUE_IN_KNOWN_KEY', max_file_size: 'sk_live_OTHER', include: ['C:\\secret\\path'], rules: { 'broad-scope': 'sk_live_THIRD' } }, { quoteValues: false });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/sk_live|secret\\\\path/);
    // The CLI, reading the user's own file, still quotes them.
    expect(JSON.stringify(validateConfig({ fail_on: 'sk_live_VALUE' }))).toContain('sk_live_VALUE');
  });
});
