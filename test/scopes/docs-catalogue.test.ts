import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCOPE_MAP_PROVIDERS, type Corrections, type ScopeMapFile } from '../../src/analyzer/knowledge/scope-maps/index.js';
import { CATALOGUE_END, CATALOGUE_START, renderScopeCatalogue, withCatalogue } from '../../tools/scopes/docs.js';

const MAPS = join(process.cwd(), 'src', 'analyzer', 'knowledge', 'scope-maps');
const read = <T>(name: string) => JSON.parse(readFileSync(join(MAPS, `${name}.json`), 'utf8')) as T;

describe('docs/rules/broad-scope.md', () => {
  const markdown = readFileSync(join(process.cwd(), 'docs', 'rules', 'broad-scope.md'), 'utf8');
  const maps = SCOPE_MAP_PROVIDERS.map((provider) => ({ provider, file: read<ScopeMapFile>(provider) }));
  const catalogue = renderScopeCatalogue(maps, read<Corrections>('corrections'));

  test('its provider catalogue is the one the vendored data generates (run npm run scopes:generate after changing the maps)', () => {
    expect(markdown.includes(CATALOGUE_START) && markdown.includes(CATALOGUE_END)).toBe(true);
    expect(withCatalogue(markdown, catalogue)).toBe(markdown);
  });

  test('the catalogue names each provider with its source, version and licence', () => {
    for (const { file } of maps) for (const source of file.provenance) expect(catalogue).toContain(`${source.source}, ${source.version} (${source.licence})`);
    for (const heading of ['### Google', '### Microsoft Graph', '### GitHub', '### Slack', '### Corrections']) expect(catalogue).toContain(heading);
  });
});
