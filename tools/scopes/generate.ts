/**
 * `npm run scopes:generate`: rebuilds the vendored scope maps in
 * src/analyzer/knowledge/scope-maps/ from pinned sources. Not run in CI; run it when a pin
 * changes and commit the output. The same inputs give byte-identical files.
 *
 * Inputs, fetched into the cache ($MCP_GUARD_SCOPES_CACHE, default ~/.cache/mcp-oauth-guard-scopes):
 *   - `npm pack googleapis@GOOGLEAPIS_VERSION`, `npm pack @octokit/plugin-rest-endpoint-methods@OCTOKIT_VERSION`
 *     `npm pack dropbox@DROPBOX_VERSION` and `npm pack spotify-web-api-node@SPOTIFY_NODE_VERSION`
 *     (the npm registry is the only network this uses);
 *   - `graph-permissions@GRAPH_COMMIT.json`: `permissions/new/permissions.json` of
 *     microsoftgraph/microsoft-graph-devx-content at GRAPH_COMMIT, placed there by hand
 *     (`git show GRAPH_COMMIT:permissions/new/permissions.json > …` in a clone);
 *   - `spotify-open-api@SPOTIFY_COMMIT.yml`: `fixed-spotify-open-api.yml` of sonallux/spotify-web-api
 *     at SPOTIFY_COMMIT, placed there by hand (`git show SPOTIFY_COMMIT:fixed-spotify-open-api.yml > …`
 *     in a clone); its SHA-256 must be SPOTIFY_DIGEST.
 *
 * `npm run scopes:generate -- spotify dropbox` rebuilds only the maps named (the docs' catalogue
 * is always rewritten from every committed map).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serialiseScopeMap, type ScopeMapEntry } from './format.js';
import { SCOPE_MAP_PROVIDERS } from '../../src/analyzer/knowledge/scope-maps/index.js';
import { githubEntries } from './github.js';
import { GOOGLE_APIS, googleEntries } from './google.js';
import { graphEntries } from './graph.js';
import { slackEntries } from './slack.js';
import { dropboxEntries } from './dropbox.js';
import { spotifyEntries, spotifyNodeEntries } from './spotify.js';
import { renderScopeCatalogue, withCatalogue } from './docs.js';

export const GOOGLEAPIS_VERSION = '188.0.0';
export const OCTOKIT_VERSION = '17.0.0';
export const DROPBOX_VERSION = '10.34.0';
export const GRAPH_COMMIT = '6cbd6bbd665a877560fdefbad74f3bdb5b57af88';
export const SPOTIFY_NODE_VERSION = '5.0.2';
export const SPOTIFY_COMMIT = 'a3369587d22fb1b3fe4aeb4022d67469365695b8';
export const SPOTIFY_DIGEST = 'sha256-ddeb078a50208d94c4538bd891bec0c9e67c9f3406617a2d887f0a482a4501f4';

const OUTPUT = resolve(process.cwd(), 'src/analyzer/knowledge/scope-maps');
const CACHE = process.env.MCP_GUARD_SCOPES_CACHE ?? join(homedir(), '.cache', 'mcp-oauth-guard-scopes');

function integrity(path: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(path)).digest('base64')}`;
}

/** `npm pack name@version` into the cache, unpacked once; returns the package folder and the tarball's integrity. */
function packed(name: string, version: string): { folder: string; integrity: string } {
  const slug = `${name.replace(/^@/, '').replace('/', '__')}@${version}`;
  const folder = join(CACHE, slug);
  const tarball = join(CACHE, `${slug}.tgz`);
  if (!existsSync(tarball)) {
    const output = execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', CACHE, '--json'], { encoding: 'utf8' });
    const file = (JSON.parse(output) as { filename: string }[])[0]!.filename;
    execFileSync('mv', [join(CACHE, file), tarball]);
  }
  if (!existsSync(join(folder, 'package'))) {
    mkdirSync(folder, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', folder]);
  }
  return { folder: join(folder, 'package'), integrity: integrity(tarball) };
}

function write(name: string, provenance: object[], entries: ScopeMapEntry[]): void {
  const path = join(OUTPUT, `${name}.json`);
  writeFileSync(path, serialiseScopeMap({ provenance: provenance as never, entries }));
  process.stdout.write(`${path}: ${entries.length} methods\n`);
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !(SCOPE_MAP_PROVIDERS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`no scope map named ${unknown.join(', ')} (maps: ${SCOPE_MAP_PROVIDERS.join(', ')})`);
  const wanted = (provider: string) => named.length === 0 || named.includes(provider);

  if (wanted('google')) {
    const google = packed('googleapis', GOOGLEAPIS_VERSION);
    const googleMap = GOOGLE_APIS.flatMap((api) => {
      const base = join(google.folder, 'build', 'src', 'apis', api.dir, api.file);
      return googleEntries(api.api, readFileSync(`${base}.d.ts`, 'utf8'), readFileSync(`${base}.js`, 'utf8'));
    });
    write('google', [{
      provider: 'google',
      source: 'npm googleapis (generated client: per-method scopes of the doc examples in build/src/apis/<api>/<version>.d.ts, URL and HTTP method from the .js)',
      version: GOOGLEAPIS_VERSION,
      licence: 'Apache-2.0',
      selection: `APIs: ${GOOGLE_APIS.map((api) => api.api).join(', ')}; anyOf: each listed scope alone authorises the method`,
      inputDigest: google.integrity,
    }], googleMap);
  }

  if (wanted('microsoft')) {
    const graphInput = join(CACHE, `graph-permissions@${GRAPH_COMMIT}.json`);
    if (!existsSync(graphInput)) {
      throw new Error(`missing ${graphInput}: save permissions/new/permissions.json of microsoftgraph/microsoft-graph-devx-content at commit ${GRAPH_COMMIT} there`);
    }
    const graphText = readFileSync(graphInput, 'utf8');
    write('microsoft', [{
      provider: 'microsoft',
      source: 'github microsoftgraph/microsoft-graph-devx-content permissions/new/permissions.json',
      version: GRAPH_COMMIT,
      licence: 'MIT',
      selection: 'delegated schemes only (DelegatedWork, DelegatedPersonal); path roots me, users, drives, drive, sites, groups, teams, chats, planner, contacts, search, subscriptions, organization, communications, places, shares; /users/{id}/… left out where /me/… has the same permissions',
      inputDigest: `sha256-${createHash('sha256').update(graphText).digest('hex')}`,
    }], graphEntries(graphText));
  }

  if (wanted('github')) {
    const octokit = packed('@octokit/plugin-rest-endpoint-methods', OCTOKIT_VERSION);
    const endpoints = (await import(pathToFileURL(join(octokit.folder, 'dist-src', 'generated', 'endpoints.js')).href)) as { default: Record<string, Record<string, unknown[]>> };
    const github = githubEntries(endpoints.default);
    write('github', [{
      provider: 'github',
      source: 'npm @octokit/plugin-rest-endpoint-methods dist-src/generated/endpoints.js (octokit method → route)',
      version: OCTOKIT_VERSION,
      licence: 'MIT',
      selection: `${github.leftOut} routes without a classic OAuth scope rule (GitHub App routes and unlisted ones) left out`,
      inputDigest: octokit.integrity,
    }, {
      provider: 'github',
      source: 'curated classic-scope table tools/scopes/github.ts, from GitHub Docs "Scopes for OAuth apps" (docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps)',
      version: 'read 2026-12',
      licence: 'facts (CC-BY-4.0 docs)',
      selection: 'fine-grained permissions (github/docs src/github-apps/data) are not included: they are GitHub App permissions, not OAuth scope strings',
    }], github.entries);
  }

  if (wanted('slack')) write('slack', [{
    provider: 'slack',
    source: 'curated table tools/scopes/slack.ts, from the "Required scopes" of api.slack.com/methods/<method>',
    version: 'read 2026-12',
    licence: 'facts',
    selection: 'Web API methods MCP servers call; admin.* methods left out',
  }], slackEntries());

  if (wanted('dropbox')) {
    const dropbox = packed('dropbox', DROPBOX_VERSION);
    write('dropbox', [{
      provider: 'dropbox',
      source: 'npm dropbox (the official SDK: lib/routes.js, generated by Dropbox\'s Stone from its API spec; each route\'s required scope is the last argument of its request)',
      version: DROPBOX_VERSION,
      licence: 'MIT',
      selection: 'every route of the SDK (user and team); a route whose scope is null needs none',
      inputDigest: dropbox.integrity,
    }], dropboxEntries(readFileSync(join(dropbox.folder, 'lib', 'routes.js'), 'utf8')));
  }

  if (wanted('spotify')) {
    const spotifyInput = join(CACHE, `spotify-open-api@${SPOTIFY_COMMIT}.yml`);
    if (!existsSync(spotifyInput)) {
      throw new Error(`missing ${spotifyInput}: save fixed-spotify-open-api.yml of sonallux/spotify-web-api at commit ${SPOTIFY_COMMIT} there`);
    }
    const spotifyText = readFileSync(spotifyInput);
    const spotifyDigest = `sha256-${createHash('sha256').update(spotifyText).digest('hex')}`;
    if (spotifyDigest !== SPOTIFY_DIGEST) throw new Error(`${spotifyInput} has digest ${spotifyDigest}, not ${SPOTIFY_DIGEST}: not the pinned file`);
    const webApi = spotifyEntries(spotifyText.toString('utf8'));
    const node = packed('spotify-web-api-node', SPOTIFY_NODE_VERSION);
    const client = spotifyNodeEntries(readFileSync(join(node.folder, 'src', 'spotify-web-api.js'), 'utf8'), webApi);
    write('spotify', [{
      provider: 'spotify',
      source: 'github sonallux/spotify-web-api fixed-spotify-open-api.yml (Spotify Web API OpenAPI with fixes; each operation\'s security lists the scopes of Spotify\'s reference)',
      version: SPOTIFY_COMMIT,
      licence: 'MIT',
      selection: 'every operation (deprecated ones included: servers still call them); each listed scope alone allows the call, except ugc-image-upload (needed with one of the others) and user-read-private, user-read-email, user-read-playback-position (they add fields, the call works without them)',
      inputDigest: spotifyDigest,
    }, {
      provider: 'spotify',
      source: 'npm spotify-web-api-node src/spotify-web-api.js (client method → path and HTTP method, matched to the operations above)',
      version: SPOTIFY_NODE_VERSION,
      licence: 'MIT',
      selection: `every API method (api 'spotify-web-api-node'); ${client.leftOut.length ? `left out, no single operation matches: ${client.leftOut.join(', ')}` : 'none left out'}`,
      inputDigest: node.integrity,
    }], [...webApi, ...client.entries]);
  }

  const docPath = resolve(process.cwd(), 'docs/rules/broad-scope.md');
  const maps = SCOPE_MAP_PROVIDERS.map((provider) => ({ provider, file: JSON.parse(readFileSync(join(OUTPUT, `${provider}.json`), 'utf8')) }));
  const corrections = JSON.parse(readFileSync(join(OUTPUT, 'corrections.json'), 'utf8'));
  writeFileSync(docPath, withCatalogue(readFileSync(docPath, 'utf8'), renderScopeCatalogue(maps, corrections)));
  process.stdout.write(`${docPath}: provider catalogue\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`scopes:generate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
