import { Analyzer } from '../../src/analyzer/index.js';
import { broadScope } from '../../src/analyzer/rules/broad-scope.js';
import { classifyScope } from '../../src/analyzer/models/scope-breadth.js';
import { defaultConfig } from '../../src/config/types.js';

describe('classifyScope', () => {
  test.each([
    ['repo', undefined, ['public_repo']],
    ['admin:org', undefined, ['read:org']],
    ['https://www.googleapis.com/auth/drive', undefined, ['https://www.googleapis.com/auth/drive.readonly', 'https://www.googleapis.com/auth/drive.file']],
    ['https://graph.microsoft.com/Files.ReadWrite.All', undefined, ['Files.Read.All', 'Files.ReadWrite']],
    ['Group.ReadWrite.All', undefined, ['Group.Read.All']],
    ['api', 'gitlab', ['read_api']],
    ['user', 'github', ['read:user', 'user:email']],
  ] as const)('%s (provider %s) is catalogued with its narrower scopes', (scope, provider, narrower) => {
    const verdict = classifyScope(scope, provider);
    expect(verdict).toMatchObject({ kind: 'catalogued', narrower: [...narrower] });
  });

  test('common words need the provider: api, user, admin and client alone are not catalogued', () => {
    for (const scope of ['api', 'user', 'client', 'workflow']) expect(classifyScope(scope)?.kind).not.toBe('catalogued');
  });

  test.each(['files:*', 'db:*', 'admin:*', 'tenant.admin', 'read:all', 'storage.full_access', 'Calendars.ReadWrite.Shared.Everything'])(
    'unknown broad-looking scope %s gets the generic verdict',
    (scope) => expect(classifyScope(scope)?.kind).toBe('generic'),
  );

  test.each([
    'public_repo', 'read:org', 'write:discussion', 'chat:write', 'files:write', 'openid', 'offline_access',
    'https://www.googleapis.com/auth/drive.file', 'https://www.googleapis.com/auth/gmail.modify', 'Files.ReadWrite', 'Mail.Send', '.default', 'read_api',
  ])('known narrow scope %s is never reported', (scope) => {
    expect(classifyScope(scope)?.kind ?? 'narrow').toBe('narrow');
  });

  test('scopes without broad words are unknown, not reported', () => {
    expect(classifyScope('notes:read')).toBeUndefined();
    expect(classifyScope('mcp:tools')).toBeUndefined();
  });
});

describe('broad-scope on whole files', () => {
  const analyse = (text: string) => new Analyzer(defaultConfig(), [broadScope]).analyzeFile({ path: 'server.ts', text }).findings;

  test("one literal with several broad scopes gives one finding that names each of them ('user delete_repo'); with no calls in sight it is a note", () => {
    const findings = analyse(`
      const SCOPES = 'repo user read:org delete_repo';
      export const url = \`https://github.com/login/oauth/authorize?\${new URLSearchParams({ client_id: 'x', scope: SCOPES, code_challenge: c, code_challenge_method: 'S256' })}\`;
    `);
    expect(findings).toHaveLength(1);
    // 'repo' is what GitHub tools commonly need: without the calls it is not judged.
    expect(findings[0]!.message).toMatch(/^Scopes 'user' and 'delete_repo' are broader/);
    expect(findings[0]!.message).not.toContain("'repo'");
    expect(findings[0]!.message).toContain("'read:user'");
    // The catalogue's judgement without the calls is not evidence: it must not fail a gate at 'error' or 'warning'.
    expect(findings[0]!.message).toMatch(/could not be seen in this file, so this is the catalogue's judgement\.$/);
    expect(findings[0]!.severity).toBe('note');
  });
});

describe('broad-scope false-alarm classes from published servers', () => {
  test.each(['contacts.write', 'locations/customValues.write', 'projects:write', 'apps-write', 'urn:neoncloud:projects:delete', 'oauth.write', 'profile:write'])(
    'one action on one named resource (%s) is granular, not broad',
    (scope) => expect(classifyScope(scope)).toBeUndefined(),
  );

  test.each(['write', 'read write', 'delete', 'write:all', 'users.admin']) ('%s without a resource, or with an admin or all word, stays broad', (scope) => {
    expect(classifyScope(scope)?.kind).toBe('generic');
  });

  test.each(['https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send', 'POP.AccessAsUser.All'])('the single scope of a mail protocol (%s) is narrow', (scope) => {
    expect(classifyScope(scope)?.kind).toBe('narrow');
  });
});

describe('classifyScope: read-only and Atlassian scopes', () => {
  test("'.all' on a read-only scope is not a catch-all; 'read:all' and 'write:….all' are", () => {
    expect(classifyScope('read:documents.all')).toBeUndefined();
    expect(classifyScope('list:projects.all')).toBeUndefined();
    expect(classifyScope('read:all')?.kind).toBe('generic');
    expect(classifyScope('write:confluence-content.all')?.kind).toBe('generic');
  });

  test('Atlassian configuration scopes are catalogued; the read scopes are narrow', () => {
    expect(classifyScope('manage:confluence-configuration')).toMatchObject({ kind: 'catalogued', entry: { provider: 'atlassian' } });
    expect(classifyScope('manage:jira-project')).toMatchObject({ kind: 'catalogued', narrower: ['read:jira-work'] });
    expect(classifyScope('read:jira-work')?.kind).toBe('narrow');
  });
});
