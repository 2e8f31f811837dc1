import { Analyzer } from '../../src/analyzer/index.js';
import { looksLikeSecret, maskSecrets } from '../../src/analyzer/knowledge/secret-shapes.js';
import { defaultConfig } from '../../src/config/types.js';

describe('secret shapes', () => {
  test.each([
    'ghp_EXAMPLEexample0EXAMPLEexample0EXAMPLE',
    'sk_live_EXAMPLESIGNINGSECRET_0123456789',
    'sk-proj-EXAMPLEexample0123456789',
    'client_secret=GOCSPX-EXAMPLEexampleEXAMPLE',
    'Authorization: Bearer abcdEFGH12345678',
    'xoxb-1234-EXAMPLE',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
    'a1B2c3D4e5F6g7H8i9J0k1L2m3N4',
  ])('%s looks like a secret', (text) => {
    expect(looksLikeSecret(text)).toBe(true);
  });

  test.each([
    'https://github.com/login/oauth/access_token',
    'https://www.googleapis.com/auth/drive.readonly',
    'read:user repo',
    'YOUR_GITHUB_TOKEN',
    'Bearer ${token}',
    'authorization_code',
    'Set GITHUB_TOKEN to a token with the repo scope',
    'task-scheduler',
    'f47ac10b-58cc-4372-a567-0e02b2c3d479',
    'Deployed commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f',
    'AUTHORIZATION_CODE_GRANT_TYPE_V2',
    'projects/my-project-123/locations/us-central1',
    '[LarkOAuth2OAuthServerProvider] Authorizing client',
    'createOAuth2SessionPersistence',
  ])('%s does not', (text) => {
    expect(looksLikeSecret(text)).toBe(false);
  });

  test('masks quoted secrets, cut-off literals and bare values, keeping the rest', () => {
    expect(maskSecrets("jwt.sign({ sub }, 'sk_live_EXAMPLESIGNINGSECRET_0123456789')")).toBe("jwt.sign({ sub }, '<secret string>')");
    expect(maskSecrets("axios.post('https://oauth2.googleapis.com/token', 'client_secret=GOCSPX-EXAMP...")).toBe(
      "axios.post('https://oauth2.googleapis.com/token', '<secret string>");
    expect(maskSecrets("req.headers['authorization']")).toBe("req.headers['authorization']");
    expect(maskSecrets('token ghp_EXAMPLEexample0EXAMPLEexample0EXAMPLE')).toBe('token <secret string>');
  });
});

describe('finding messages never quote a secret from the scanned code', () => {
  const secrets = ['sk_live_EXAMPLESIGNINGSECRET_0123456789', 'ghp_EXAMPLEexample0EXAMPLEexample0EXAMPLE', 'GOCSPX-EXAMPLEexampleEXAMPLE'];
  const text = [
    "import jwt from 'jsonwebtoken';",
    "import axios from 'axios';",
    'export async function handler(req: any) {',
    `  console.log(jwt.sign({ sub: req.user }, '${secrets[0]}'));`,
    `  console.log(axios.post('https://oauth2.googleapis.com/token', 'client_secret=${secrets[2]}'));`,
    `  localStorage.setItem('token', '${secrets[1]}');`,
    `  console.log(req.headers['${secrets[1]}']);`,
    '}',
  ].join('\n');

  test('each finding shows the shape instead', () => {
    const { findings } = new Analyzer(defaultConfig()).analyzeFile({ path: 'server.ts', text });
    expect(findings.length).toBeGreaterThanOrEqual(3);
    for (const finding of findings) for (const secret of secrets) expect(finding.message).not.toContain(secret.slice(0, 12));
    expect(findings.map((finding) => finding.message).join('\n')).toContain('<secret string>');
  });
});
