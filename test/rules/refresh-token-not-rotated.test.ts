import { Analyzer } from '../../src/analyzer/index.js';
import { refreshTokenNotRotated } from '../../src/analyzer/rules/refresh-token-not-rotated.js';
import { defaultConfig, type ClientTypes } from '../../src/config/types.js';
import type { Finding } from '../../src/analyzer/types.js';

function findings(code: string, clientTypes: ClientTypes = 'public', path = 'server.ts'): Finding[] {
  const analyzer = new Analyzer({ ...defaultConfig(), clientTypes }, [refreshTokenNotRotated]);
  const result = analyzer.analyzeFile({ path, text: code });
  expect(result.errors.filter((error) => error.fatal || /rule/.test(error.message))).toEqual([]);
  return result.findings.filter((finding) => finding.ruleId === 'refresh-token-not-rotated');
}

const summary = (list: Finding[]) => list.map(({ messageId, line, severity }) => ({ messageId, line, severity }));

/** An SDK provider whose refresh grant body is `body`; the grant's first line is line 5. */
function provider(body: string, extraMembers = ''): string {
  return `import { randomUUID } from 'node:crypto';
class Provider {
  private readonly refreshTokens = new Map<string, { clientId: string; familyId: string; used?: boolean }>();
  async exchangeRefreshToken(client: { client_id: string }, refreshToken: string, scopes?: string[]) {
${body}
  }
${extraMembers}
}
`;
}

describe('refresh-token-not-rotated: reported', () => {
  test.each([
    {
      name: 'the presented parameter is handed back',
      code: provider(`    const record = this.refreshTokens.get(refreshToken);
    if (!record) throw new Error('invalid_grant');
    return { access_token: randomUUID(), token_type: 'bearer', refresh_token: refreshToken };`),
      expected: [{ messageId: 'sameTokenReturned', line: 7, severity: 'error' }],
    },
    {
      name: 'the stored copy of the presented token is handed back',
      code: provider(`    const record = this.refreshTokens.get(refreshToken) as any;
    const response = { access_token: randomUUID(), refresh_token: record.refreshToken };
    return response;`),
      expected: [{ messageId: 'sameTokenReturned', line: 7, severity: 'error' }],
    },
    {
      name: 'no refresh token in the response and the old one is never invalidated',
      code: provider(`    const record = this.refreshTokens.get(refreshToken);
    if (!record) throw new Error('invalid_grant');
    return { access_token: randomUUID(), token_type: 'bearer', expires_in: 3600 };`),
      expected: [{ messageId: 'noRefreshTokenReturned', line: 7, severity: 'error' }],
    },
    {
      name: 'a fresh refresh token while the old one stays in the store',
      code: provider(`    const record = this.refreshTokens.get(refreshToken);
    if (!record) throw new Error('invalid_grant');
    const next = randomUUID();
    this.refreshTokens.set(next, record);
    return { access_token: randomUUID(), refresh_token: next };`),
      expected: [{ messageId: 'oldTokenStaysValid', line: 9, severity: 'error' }],
    },
    {
      name: 'rotation that deletes the old token but has no reuse detection',
      code: provider(`    const record = this.refreshTokens.get(refreshToken);
    if (!record) throw new Error('invalid_grant');
    this.refreshTokens.delete(refreshToken);
    const next = randomUUID();
    this.refreshTokens.set(next, record);
    return { access_token: randomUUID(), refresh_token: next };`),
      expected: [{ messageId: 'noReuseDetection', line: 6, severity: 'warning' }],
    },
    {
      name: 'a `lastUsedAt` bookkeeping write is not invalidation',
      code: provider(`    const record = this.refreshTokens.get(refreshToken);
    this.refreshTokens.set(refreshToken, { ...record!, lastUsedAt: Date.now() } as any);
    const next = randomUUID();
    return { access_token: randomUUID(), refresh_token: next };`),
      expected: [{ messageId: 'oldTokenStaysValid', line: 8, severity: 'error' }],
    },
    {
      name: 'an SQL update that only touches bookkeeping columns does not invalidate',
      code: provider(`    const { rows } = await pool.query('SELECT user_id FROM refresh_tokens WHERE token_hash = $1', [sha(refreshToken)]);
    await pool.query('UPDATE refresh_tokens SET last_used_at = now() WHERE token_hash = $1', [sha(refreshToken)]);
    const next = randomUUID();
    return { access_token: randomUUID(), refresh_token: next };`),
      expected: [{ messageId: 'oldTokenStaysValid', line: 8, severity: 'error' }],
    },
    {
      name: 'a grant-type switch in an Express route that destructures the body',
      code: `import express from 'express';
const app = express();
const store = new Map<string, string>();
app.post('/token', (req, res) => {
  const { grant_type, refresh_token } = req.body;
  switch (grant_type) {
    case 'refresh_token': {
      const userId = store.get(refresh_token);
      res.json({ access_token: 'x' + userId, refresh_token });
      break;
    }
  }
});
`,
      expected: [{ messageId: 'sameTokenReturned', line: 9, severity: 'error' }],
    },
  ])('$name', ({ code, expected }) => {
    expect(summary(findings(code))).toEqual(expected);
  });

  test('the message names the handler and the presented token', () => {
    const [finding] = findings(provider(`    const record = this.refreshTokens.get(refreshToken);
    return { access_token: randomUUID(), refresh_token: refreshToken };`));
    expect(finding?.message).toBe(
      "'exchangeRefreshToken' returns the presented refresh token 'refreshToken' unchanged; issue a new refresh token and invalidate the old one.",
    );
  });
});

describe('refresh-token-not-rotated: not reported', () => {
  const hardened = provider(
    `    const record = this.refreshTokens.get(refreshToken);
    if (!record) throw new Error('invalid_grant');
    if (record.used) {
      this.revokeFamily(record.familyId);
      throw new Error('invalid_grant');
    }
    record.used = true;
    const next = randomUUID();
    this.refreshTokens.set(next, { clientId: record.clientId, familyId: record.familyId });
    return { access_token: randomUUID(), refresh_token: next };`,
    `  private revokeFamily(familyId: string) {
    for (const [value, record] of this.refreshTokens) if (record.familyId === familyId) this.refreshTokens.delete(value);
  }`,
  );

  test('rotation with family revocation on reuse', () => {
    expect(findings(hardened)).toEqual([]);
  });

  test('the same handler without its reuse branch is reported, so the negative above is not vacuous', () => {
    const withoutReuseBranch = hardened.replace(/if \(record\.used\) \{[\s\S]*?\n    \}\n/, '');
    expect(summary(findings(withoutReuseBranch))).toEqual([{ messageId: 'noReuseDetection', line: 6, severity: 'warning' }]);
  });

  test.each([
    {
      name: 'a client refreshing against Google',
      code: `export async function refreshGoogle(refreshToken: string) {
  const res = await fetch('https://oauth2.googleapis.com/token', { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }) });
  const json = await res.json();
  return { access_token: json.access_token, refresh_token: refreshToken };
}`,
    },
    {
      name: 'a provider that forwards the presented token upstream',
      code: provider(`    const res = await fetch('https://idp.example/token', { method: 'POST', body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: refreshToken }) });
    return res.json();`),
    },
    {
      name: 'a provider that delegates to something outside the file',
      code: provider(`    return tokenService.rotate(client.client_id, refreshToken, scopes);`),
    },
    {
      name: 'the SDK token handler delegating to its provider',
      code: `export function handler(provider: any) {
  return async (req: any, res: any) => {
    switch (req.body.grant_type) {
      case 'refresh_token': {
        const tokens = await provider.exchangeRefreshToken(req.client, req.body.refresh_token);
        res.status(200).json(tokens);
        break;
      }
    }
  };
}`,
    },
    {
      name: 'a response spreading an object of unknown shape',
      code: provider(`    const record = this.refreshTokens.get(refreshToken);
    return { ...(await mint(record)), access_token: randomUUID() };`),
    },
    {
      name: 'an in-place update that replaces the stored token with a new one',
      code: provider(`    const row = await prisma.refreshToken.findUnique({ where: { token: refreshToken } });
    if (!row) throw new Error('invalid_grant');
    if (row.revokedAt) {
      await prisma.refreshToken.updateMany({ where: { familyId: row.familyId }, data: { revokedAt: new Date() } });
      throw new Error('invalid_grant');
    }
    const next = randomUUID();
    await prisma.refreshToken.update({ where: { id: row.id }, data: { token: next } });
    return { access_token: randomUUID(), refresh_token: next };`),
    },
    {
      name: 'an SQL update whose SET clause replaces the token hash, with family revocation on reuse',
      code: provider(`    const { rows } = await pool.query('SELECT family_id, used FROM refresh_tokens WHERE token_hash = $1', [sha(refreshToken)]);
    if (rows[0]?.used) {
      await pool.query('UPDATE refresh_tokens SET revoked = true WHERE family_id = $1', [rows[0].family_id]);
      throw new Error('invalid_grant');
    }
    const next = randomUUID();
    await pool.query('UPDATE refresh_tokens SET token_hash = $1 WHERE token_hash = $2', [sha(next), sha(refreshToken)]);
    return { access_token: randomUUID(), refresh_token: next };`),
    },
    {
      name: 'a test double answering canned tokens without looking the refresh token up',
      code: `http.post('https://auth.example/token', async ({ request }) => {
  const form = await request.formData();
  if (form.get('grant_type') === 'refresh_token') {
    return HttpResponse.json({ access_token: 'fresh-access', token_type: 'Bearer', expires_in: 60 });
  }
});`,
    },
    {
      name: 'an authorization-code branch only',
      code: `app.post('/token', (req, res) => {
  if (req.body.grant_type === 'authorization_code') {
    return res.json({ access_token: 'a', refresh_token: req.body.refresh_token });
  }
});`,
    },
  ])('$name', ({ code }) => {
    expect(findings(code)).toEqual([]);
  });
});

describe('refresh-token-not-rotated: clientTypes', () => {
  const keepsToken = provider(`    const record = this.refreshTokens.get(refreshToken);
    return { access_token: randomUUID(), refresh_token: refreshToken };`);
  const rotatesWithoutReuse = provider(`    const record = this.refreshTokens.get(refreshToken);
    this.refreshTokens.delete(refreshToken);
    return { access_token: randomUUID(), refresh_token: randomUUID() };`);

  test("'confidential' downgrades a kept refresh token to a warning", () => {
    expect(summary(findings(keepsToken, 'confidential'))).toEqual([{ messageId: 'sameTokenReturned', line: 6, severity: 'warning' }]);
    expect(summary(findings(keepsToken, 'both'))).toEqual([{ messageId: 'sameTokenReturned', line: 6, severity: 'error' }]);
  });

  test("'confidential' skips the reuse-detection warning", () => {
    expect(findings(rotatesWithoutReuse, 'confidential')).toEqual([]);
    expect(summary(findings(rotatesWithoutReuse, 'public'))).toEqual([{ messageId: 'noReuseDetection', line: 4, severity: 'warning' }]);
  });
});
