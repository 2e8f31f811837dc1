import { classifyScope } from '../../src/analyzer/rules/broad-scope.js';

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
