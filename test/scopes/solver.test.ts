import { loadScopeMap, type ScopeMapProvider } from '../../src/analyzer/knowledge/scope-maps/index.js';
import { cheapestAdditions, optionsOf, solveProvider, type ApiCall } from '../../src/analyzer/models/api-calls.js';

const G = 'https://www.googleapis.com/auth/';
/** A resolved call to a map method, as the resolver would produce it (no visible parameters unless given). */
function call(provider: ScopeMapProvider, key: string, query?: Record<string, string>): ApiCall {
  const entry = loadScopeMap(provider).byMethod.get(key);
  if (!entry) throw new Error(`no ${key} in the ${provider} map`);
  return { provider, node: undefined as never, entry, tools: [], ...(query ? { query: new Map(Object.entries(query)) } : {}) };
}
const needs = (calls: ApiCall[]) => calls.map((item) => ({ call: item, options: optionsOf(loadScopeMap(item.provider), item) }));

describe('the minimal scope set, with the corrections a naive minimum needs', () => {
  test('Gmail list + get + send: gmail.readonly + gmail.send, not gmail.metadata (it cannot read bodies) nor an add-on scope', () => {
    const calls = [call('google', 'gmail:v1 users.messages.list'), call('google', 'gmail:v1 users.messages.get'), call('google', 'gmail:v1 users.messages.send')];
    expect(cheapestAdditions(loadScopeMap('google'), needs(calls), [])).toEqual([`${G}gmail.readonly`, `${G}gmail.send`]);
  });

  test("Gmail get with format 'metadata' and list without a query: gmail.metadata serves", () => {
    const calls = [call('google', 'gmail:v1 users.messages.list', {}), call('google', 'gmail:v1 users.messages.get', { format: 'metadata' })];
    expect(cheapestAdditions(loadScopeMap('google'), needs(calls), [])).toEqual([`${G}gmail.metadata`]);
  });

  test('Drive list + get (metadata): drive.metadata.readonly, not drive.photos.readonly or drive.file', () => {
    const calls = [call('google', 'drive:v3 files.list', {}), call('google', 'drive:v3 files.get', {})];
    expect(cheapestAdditions(loadScopeMap('google'), needs(calls), [])).toEqual([`${G}drive.metadata.readonly`]);
  });

  test('Drive get with alt=media downloads content: drive.readonly', () => {
    const calls = [call('google', 'drive:v3 files.list', {}), call('google', 'drive:v3 files.get', { alt: 'media' })];
    expect(cheapestAdditions(loadScopeMap('google'), needs(calls), [])).toEqual([`${G}drive.readonly`]);
  });

  test('Drive create: the full drive scope (drive.file only covers files the app opened, so it is never proposed)', () => {
    expect(cheapestAdditions(loadScopeMap('google'), needs([call('google', 'drive:v3 files.create')]), [])).toEqual([`${G}drive`]);
  });

  test('a requested drive.file is accepted for what it serves, and not reported', () => {
    const solution = solveProvider('google', [`${G}drive.file`], [call('google', 'drive:v3 files.create')]);
    expect(solution.verdicts).toEqual([expect.objectContaining({ kind: 'needed', scope: `${G}drive.file` })]);
  });

  test('gmail.modify for list + get + send is broader than gmail.readonly + gmail.send', () => {
    const calls = [call('google', 'gmail:v1 users.messages.list'), call('google', 'gmail:v1 users.messages.get'), call('google', 'gmail:v1 users.messages.send')];
    const solution = solveProvider('google', [`${G}gmail.modify`], calls);
    expect(solution.verdicts).toEqual([expect.objectContaining({ kind: 'broader', scope: `${G}gmail.modify`, replacement: [`${G}gmail.readonly`, `${G}gmail.send`] })]);
    expect(solution.needed).toEqual([`${G}gmail.readonly`, `${G}gmail.send`]);
  });

  test('a needed scope is never reported: gmail.modify for a label change is what the call needs', () => {
    const solution = solveProvider('google', [`${G}gmail.modify`], [call('google', 'gmail:v1 users.messages.modify')]);
    expect(solution.verdicts.map((verdict) => verdict.kind)).toEqual(['needed']);
  });

  test('GitHub: repo is needed for issues, public_repo is never proposed in its place', () => {
    const solution = solveProvider('github', ['repo'], [call('github', 'rest issues.create'), call('github', 'rest issues.listForRepo')]);
    expect(solution.verdicts.map((verdict) => verdict.kind)).toEqual(['needed']);
  });

  test('GitHub: admin:org for listing members is broader than read:org', () => {
    const solution = solveProvider('github', ['admin:org'], [call('github', 'rest orgs.listMembers')]);
    expect(solution.verdicts).toEqual([expect.objectContaining({ kind: 'broader', replacement: ['read:org'] })]);
  });

  test('Graph: scopes compare case-insensitively and with the resource prefix; User.Read (sign-in) is never unneeded', () => {
    const solution = solveProvider('microsoft', ['https://graph.microsoft.com/mail.read', 'User.Read'], [call('microsoft', 'graph GET /me/messages')]);
    expect(solution.verdicts.map((verdict) => verdict.kind)).toEqual(['needed', 'needed']);
  });

  test('Slack: each conversation-type history scope is needed for its own type', () => {
    const solution = solveProvider('slack', ['channels:history', 'groups:history', 'im:history', 'chat:write'], [call('slack', 'web conversations.history'), call('slack', 'web chat.postMessage')]);
    expect(solution.verdicts.every((verdict) => verdict.kind === 'needed')).toBe(true);
  });

  test("a scope whose own API has no seen call is not judged (its client may be one the resolver could not follow)", () => {
    const solution = solveProvider('google', [`${G}drive.readonly`, `${G}documents`], [call('google', 'drive:v3 files.list', {}), call('google', 'drive:v3 files.get', { alt: 'media' })]);
    expect(solution.verdicts.find((verdict) => verdict.scope === `${G}documents`)?.kind).toBe('needed');
  });

  test('calls the requested scopes do not serve are listed, not solved around', () => {
    const solution = solveProvider('slack', ['chat:write'], [call('slack', 'web users.info')]);
    expect(solution.uncovered).toHaveLength(1);
  });
});
