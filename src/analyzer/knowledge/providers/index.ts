/**
 * The providers the analyzer knows, one record each (`<id>.ts`). To add a provider: write its
 * record, list it here, and (for a method → scope map) add `scope-maps/<id>.json` with
 * `npm run scopes:generate`. The order is the order of the docs' catalogue and of the
 * `scopes` report.
 */
import { ATLASSIAN } from './atlassian.js';
import { DROPBOX } from './dropbox.js';
import { GITHUB } from './github.js';
import { GITLAB } from './gitlab.js';
import { GOOGLE } from './google.js';
import { MICROSOFT } from './microsoft.js';
import type { ProviderRecord } from './record.js';
import { SLACK } from './slack.js';
import { SPOTIFY } from './spotify.js';

export type { CatalogueBroadScope, ProviderLibrary, ProviderRecord } from './record.js';

export const PROVIDERS = [GOOGLE, MICROSOFT, GITHUB, SLACK, DROPBOX, SPOTIFY, GITLAB, ATLASSIAN] as const;

export type ProviderId = (typeof PROVIDERS)[number]['id'];

const BY_ID = new Map<string, ProviderRecord<ProviderId>>(PROVIDERS.map((record) => [record.id, record]));

/** The record of a provider id. */
export function providerRecord(id: ProviderId): ProviderRecord<ProviderId> {
  return BY_ID.get(id)!;
}

/** The import specifiers of one of a provider's OAuth packages (throws on a typo, at load time). */
export function providerLibraryModules(id: ProviderId, library: string): readonly string[] {
  const found = providerRecord(id).libraries.oauth.find((entry) => entry.library === library);
  if (!found) throw new Error(`provider '${id}' has no library '${library}'`);
  return found.modules;
}
