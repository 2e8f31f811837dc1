import type { InputFile } from '../../src/analyzer/types.js';

/** A deterministic 32-bit PRNG (mulberry32): the same seed always yields the same PR. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
  };
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** The OAuth mistakes the generator plants on purpose (named after the rule that should find them). */
export type SeededMistake = 'broad-scope' | 'missing-pkce' | 'refresh-token-not-rotated' | 'token-logged' | 'plaintext-token-storage';

export interface GeneratedFile extends InputFile {
  mistakes: SeededMistake[];
}

export const BIG_PR_SEED = 20250704;
export const BIG_PR_FILES = 3000;

const SERVICES = ['github', 'google', 'slack', 'notion', 'linear', 'jira', 'dropbox', 'gitlab', 'asana', 'zoom', 'hubspot', 'salesforce'] as const;
type Service = (typeof SERVICES)[number];
const NOUNS = ['issue', 'repository', 'branch', 'file', 'calendar', 'event', 'message', 'channel', 'page', 'ticket', 'folder', 'contact', 'deal', 'meeting', 'comment', 'label', 'project', 'task'];
const VERBS = ['list', 'get', 'search', 'create', 'update', 'archive', 'summarize', 'export', 'sync', 'count'];

const API_BASE: Record<Service, string> = {
  github: 'https://api.github.com',
  google: 'https://www.googleapis.com',
  slack: 'https://slack.com/api',
  notion: 'https://api.notion.com/v1',
  linear: 'https://api.linear.app',
  jira: 'https://api.atlassian.com',
  dropbox: 'https://api.dropboxapi.com/2',
  gitlab: 'https://gitlab.com/api/v4',
  asana: 'https://app.asana.com/api/1.0',
  zoom: 'https://api.zoom.us/v2',
  hubspot: 'https://api.hubapi.com',
  salesforce: 'https://login.salesforce.com/services/data/v60.0',
};

const AUTHORIZE_URL: Record<Service, string> = {
  github: 'https://github.com/login/oauth/authorize',
  google: 'https://accounts.google.com/o/oauth2/v2/auth',
  slack: 'https://slack.com/oauth/v2/authorize',
  notion: 'https://api.notion.com/v1/oauth/authorize',
  linear: 'https://linear.app/oauth/authorize',
  jira: 'https://auth.atlassian.com/authorize',
  dropbox: 'https://www.dropbox.com/oauth2/authorize',
  gitlab: 'https://gitlab.com/oauth/authorize',
  asana: 'https://app.asana.com/-/oauth_authorize',
  zoom: 'https://zoom.us/oauth/authorize',
  hubspot: 'https://app.hubspot.com/oauth/authorize',
  salesforce: 'https://login.salesforce.com/services/oauth2/authorize',
};

/** A narrow scope set and an over-broad one per provider (the broad ones grant write or full-account access). */
const SCOPES: Record<Service, { narrow: string; broad: string }> = {
  github: { narrow: 'read:user public_repo', broad: 'repo admin:org user' },
  google: { narrow: 'https://www.googleapis.com/auth/drive.readonly', broad: 'https://www.googleapis.com/auth/drive https://mail.google.com/' },
  slack: { narrow: 'channels:read chat:write', broad: 'admin channels:history chat:write' },
  notion: { narrow: 'read_content', broad: 'read_content update_content insert_content' },
  linear: { narrow: 'read', broad: 'read write admin' },
  jira: { narrow: 'read:jira-work', broad: 'read:jira-work write:jira-work manage:jira-configuration' },
  dropbox: { narrow: 'files.metadata.read', broad: 'files.content.write files.permanent_delete account_info.write' },
  gitlab: { narrow: 'read_api read_user', broad: 'api sudo' },
  asana: { narrow: 'default', broad: 'default' },
  zoom: { narrow: 'meeting:read', broad: 'meeting:write:admin user:write:admin' },
  hubspot: { narrow: 'crm.objects.contacts.read', broad: 'crm.objects.contacts.write crm.objects.deals.write' },
  salesforce: { narrow: 'api', broad: 'full refresh_token' },
};

type Flavor = 'ts' | 'esm-js' | 'cjs';

interface Builder {
  random: Random;
  service: Service;
  flavor: Flavor;
  mistakes: SeededMistake[];
}

/**
 * A pull request of `count` realistic MCP server modules: tool registrations, OAuth clients,
 * Express callback routes, an authorization server's refresh handling, token stores and plain
 * utilities (the bulk of any real PR). About one file in six carries an OAuth mistake.
 */
export function generateBigPr(count = BIG_PR_FILES, seed = BIG_PR_SEED): GeneratedFile[] {
  const random = createRandom(seed);
  const files: GeneratedFile[] = [];
  const used = new Set<string>();
  for (let index = 0; index < count; index++) {
    const service = random.pick(SERVICES);
    const roll = random.next();
    const flavor: Flavor = random.chance(0.65) ? 'ts' : random.chance(0.5) ? 'esm-js' : 'cjs';
    const builder: Builder = { random, service, flavor, mistakes: [] };
    let directory: string;
    let stem: string;
    let text: string;
    if (roll < 0.3) {
      directory = `src/tools/${service}`;
      stem = `${random.pick(VERBS)}-${random.pick(NOUNS)}s`;
      text = toolModule(builder);
    } else if (roll < 0.42) {
      directory = `src/auth/${service}`;
      stem = random.pick(['oauth-client', 'authorize', 'login-flow', 'connect']);
      text = oauthClientModule(builder);
    } else if (roll < 0.52) {
      directory = `src/routes`;
      stem = `${service}-${random.pick(['callback', 'oauth', 'connect', 'install'])}`;
      text = callbackRouteModule(builder);
    } else if (roll < 0.58) {
      directory = `src/server`;
      stem = `${service}-${random.pick(['provider', 'token-endpoint', 'refresh'])}`;
      text = authorizationServerModule(builder);
    } else if (roll < 0.66) {
      directory = `src/storage`;
      stem = `${service}-${random.pick(['token-store', 'credentials', 'session-store'])}`;
      text = tokenStoreModule(builder);
    } else {
      directory = `src/lib/${random.pick(NOUNS)}`;
      stem = `${random.pick(['format', 'paginate', 'parse', 'map', 'validate', 'retry', 'cache'])}-${random.pick(NOUNS)}`;
      text = utilityModule(builder);
    }
    const extension = flavor === 'ts' ? '.ts' : flavor === 'cjs' ? '.cjs' : '.mjs';
    let path = `${directory}/${stem}${extension}`;
    for (let n = 2; used.has(path); n++) path = `${directory}/${stem}-${n}${extension}`;
    used.add(path);
    files.push({ path, text, mistakes: builder.mistakes });
  }
  return files;
}

// ---- module templates -------------------------------------------------------------------

function header(b: Builder, imports: { name: string; from: string; named?: boolean }[]): string {
  return imports
    .map(({ name, from, named = true }) => {
      if (b.flavor === 'cjs') return named ? `const { ${name} } = require('${from}');` : `const ${name} = require('${from}');`;
      return named ? `import { ${name} } from '${from}';` : `import ${name} from '${from}';`;
    })
    .join('\n');
}

function exportFunction(b: Builder, signature: string, body: string, isAsync = false): string {
  const asyncWord = isAsync ? 'async ' : '';
  if (b.flavor === 'cjs') {
    const name = signature.slice(0, signature.indexOf('('));
    return `${asyncWord}function ${signature} {\n${body}\n}\nmodule.exports.${name} = ${name};`;
  }
  return `export ${asyncWord}function ${signature} {\n${body}\n}`;
}

/** `name: type` in TypeScript, plain `name` in JavaScript. */
function typed(b: Builder, name: string, type: string): string {
  return b.flavor === 'ts' ? `${name}: ${type}` : name;
}

function toolModule(b: Builder): string {
  const { random, service } = b;
  const tools = random.int(1, 9);
  const logToken = random.chance(0.12);
  if (logToken) b.mistakes.push('token-logged');
  const parts = [
    header(b, [
      { name: 'McpServer', from: '@modelcontextprotocol/sdk/server/mcp.js' },
      { name: 'z', from: 'zod' },
      { name: 'getAccessToken', from: `../../storage/${service}-token-store.js` },
    ]),
    '',
    `const API_BASE = '${API_BASE[service]}';`,
    '',
    `async function callApi(${typed(b, 'userId', 'string')}, ${typed(b, 'path', 'string')}, ${typed(b, 'init', 'RequestInit')} = {}) {`,
    `  const accessToken = await getAccessToken(userId);`,
    logToken
      ? `  console.log(\`calling \${path} for \${userId} with token \${accessToken}\`);`
      : `  console.debug('calling %s for %s', path, userId);`,
    `  const response = await fetch(\`\${API_BASE}\${path}\`, {`,
    `    ...init,`,
    `    headers: { ...(init.headers ?? {}), Authorization: \`Bearer \${accessToken}\`, Accept: 'application/json' },`,
    `  });`,
    `  if (!response.ok) throw new Error(\`${service} API \${path} failed with \${response.status}\`);`,
    `  return response.json();`,
    `}`,
    '',
  ];
  const registrations: string[] = [];
  for (let i = 0; i < tools; i++) {
    const verb = random.pick(VERBS);
    const noun = random.pick(NOUNS);
    const toolName = `${service}_${verb}_${noun}s_${i}`;
    const limit = random.int(10, 100);
    registrations.push(
      [
        `  server.tool(`,
        `    '${toolName}',`,
        `    '${capitalize(verb)} ${noun}s in ${service} for the signed-in user.',`,
        `    { query: z.string().min(1).describe('What to look for'), limit: z.number().int().max(${limit}).default(${Math.min(limit, 20)}) },`,
        `    async ({ query, limit }${b.flavor === 'ts' ? ', extra' : ', extra'}) => {`,
        `      const userId = String(extra?.authInfo?.clientId ?? 'anonymous');`,
        `      const data = await callApi(userId, \`/${noun}s?q=\${encodeURIComponent(query)}&per_page=\${limit}\`);`,
        `      const items = Array.isArray(data) ? data : (data.items ?? data.results ?? []);`,
        `      const lines = items.slice(0, limit).map((item${b.flavor === 'ts' ? ': any' : ''}, position${b.flavor === 'ts' ? ': number' : ''}) => \`\${position + 1}. \${item.name ?? item.title ?? item.id}\`);`,
        `      return { content: [{ type: 'text', text: lines.join('\\n') || 'No ${noun}s found.' }] };`,
        `    },`,
        `  );`,
      ].join('\n'),
    );
  }
  parts.push(exportFunction(b, `register${capitalize(service)}Tools(${typed(b, 'server', 'McpServer')})`, registrations.join('\n\n')));
  parts.push('', ...helperFunctions(b, random.int(0, 4)));
  return parts.join('\n') + '\n';
}

function oauthClientModule(b: Builder): string {
  const { random, service } = b;
  const broad = service !== 'asana' && random.chance(0.3);
  const pkce = random.chance(0.7);
  if (broad) b.mistakes.push('broad-scope');
  if (!pkce) b.mistakes.push('missing-pkce');
  const scopes = broad ? SCOPES[service].broad : SCOPES[service].narrow;
  const str = b.flavor === 'ts' ? ': string' : '';
  const lines = [
    header(b, [{ name: 'crypto', from: 'node:crypto', named: false }]),
    '',
    `const AUTHORIZE_URL = '${AUTHORIZE_URL[service]}';`,
    `const SCOPES = ${JSON.stringify(scopes.split(' '))};`,
    '',
  ];
  if (pkce) {
    lines.push(
      exportFunction(
        b,
        `createPkcePair()`,
        [
          `  const verifier = crypto.randomBytes(32).toString('base64url');`,
          `  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');`,
          `  return { verifier, challenge };`,
        ].join('\n'),
      ),
      '',
    );
  }
  lines.push(
    exportFunction(
      b,
      `buildAuthorizationUrl(clientId${str}, redirectUri${str}, state${str}${pkce ? `, challenge${str}` : ''})`,
      [
        `  const url = new URL(AUTHORIZE_URL);`,
        `  url.searchParams.set('response_type', 'code');`,
        `  url.searchParams.set('client_id', clientId);`,
        `  url.searchParams.set('redirect_uri', redirectUri);`,
        `  url.searchParams.set('scope', SCOPES.join(' '));`,
        `  url.searchParams.set('state', state);`,
        ...(pkce ? [`  url.searchParams.set('code_challenge', challenge);`, `  url.searchParams.set('code_challenge_method', 'S256');`] : []),
        `  return url.toString();`,
      ].join('\n'),
    ),
    '',
    exportFunction(
      b,
      `exchangeCode(tokenUrl${str}, code${str}, clientId${str}, clientSecret${str}, redirectUri${str}${pkce ? `, verifier${str}` : ''})`,
      [
        `  const body = new URLSearchParams({`,
        `    grant_type: 'authorization_code',`,
        `    code,`,
        `    client_id: clientId,`,
        `    client_secret: clientSecret,`,
        `    redirect_uri: redirectUri,`,
        ...(pkce ? [`    code_verifier: verifier,`] : []),
        `  });`,
        `  const response = await fetch(tokenUrl, { method: 'POST', body, headers: { Accept: 'application/json' } });`,
        `  if (!response.ok) throw new Error(\`token exchange failed: \${response.status}\`);`,
        `  return response.json();`,
      ].join('\n'),
      true,
    ),
    '',
    ...helperFunctions(b, random.int(0, 3)),
  );
  return lines.join('\n') + '\n';
}

function callbackRouteModule(b: Builder): string {
  const { random, service } = b;
  const plaintext = random.chance(0.25);
  const logToken = random.chance(0.1);
  if (plaintext) b.mistakes.push('plaintext-token-storage');
  if (logToken) b.mistakes.push('token-logged');
  const req = b.flavor === 'ts' ? ': express.Request' : '';
  const res = b.flavor === 'ts' ? ': express.Response' : '';
  const lines = [
    header(b, [
      { name: 'express', from: 'express', named: false },
      { name: 'fs', from: 'node:fs', named: false },
      { name: 'exchangeCode', from: `../auth/${service}/oauth-client.js` },
      { name: 'encryptForStorage', from: '../storage/crypto-box.js' },
    ]),
    '',
    `const router = express.Router();`,
    '',
    `router.get('/oauth/${service}/callback', async (req${req}, res${res}) => {`,
    `  const code = String(req.query.code ?? '');`,
    `  const state = String(req.query.state ?? '');`,
    `  const pending = req.session?.oauth?.[state];`,
    `  if (!code || !pending) {`,
    `    res.status(400).send('Unknown or expired authorization request.');`,
    `    return;`,
    `  }`,
    `  const tokens = await exchangeCode(process.env.${service.toUpperCase()}_TOKEN_URL, code, process.env.${service.toUpperCase()}_CLIENT_ID, process.env.${service.toUpperCase()}_CLIENT_SECRET, pending.redirectUri, pending.verifier);`,
    logToken ? `  console.info('received tokens', tokens.access_token, tokens.refresh_token);` : `  console.info('received tokens for %s (expires in %ds)', pending.userId, tokens.expires_in);`,
    plaintext
      ? `  fs.writeFileSync(\`./data/\${pending.userId}.json\`, JSON.stringify({ accessToken: tokens.access_token, refreshToken: tokens.refresh_token }));`
      : `  fs.writeFileSync(\`./data/\${pending.userId}.bin\`, encryptForStorage(JSON.stringify({ refreshToken: tokens.refresh_token })));`,
    `  delete req.session.oauth[state];`,
    `  res.redirect('/connected?provider=${service}');`,
    `});`,
    '',
    b.flavor === 'cjs' ? `module.exports = router;` : `export default router;`,
    '',
    ...helperFunctions(b, random.int(0, 3)),
  ];
  return lines.join('\n') + '\n';
}

function authorizationServerModule(b: Builder): string {
  const { random, service } = b;
  const rotates = random.chance(0.6);
  if (!rotates) b.mistakes.push('refresh-token-not-rotated');
  const ts = b.flavor === 'ts';
  const lines = [
    header(b, [
      { name: 'randomBytes', from: 'node:crypto' },
      { name: 'db', from: '../storage/db.js' },
    ]),
    '',
    `const ACCESS_TOKEN_TTL_SECONDS = ${random.pick([300, 900, 3600])};`,
    '',
    exportFunction(
      b,
      `exchangeRefreshToken(${typed(b, 'clientId', 'string')}, ${typed(b, 'refreshToken', 'string')})${ts ? ': Promise<{ access_token: string; refresh_token: string; token_type: string; expires_in: number }>' : ''}`,
      [
        `  const stored = await db.refreshTokens.findOne({ token: refreshToken, clientId });`,
        `  if (!stored || stored.revoked) throw new Error('invalid_grant');`,
        `  const accessToken = randomBytes(32).toString('base64url');`,
        `  await db.accessTokens.insert({ token: accessToken, clientId, userId: stored.userId, expiresAt: Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000 });`,
        ...(rotates
          ? [
              `  const nextRefreshToken = randomBytes(32).toString('base64url');`,
              `  await db.refreshTokens.update({ token: refreshToken }, { revoked: true, replacedBy: nextRefreshToken });`,
              `  await db.refreshTokens.insert({ token: nextRefreshToken, clientId, userId: stored.userId, familyId: stored.familyId });`,
              `  return { access_token: accessToken, refresh_token: nextRefreshToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS };`,
            ]
          : [`  return { access_token: accessToken, refresh_token: refreshToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS };`]),
      ].join('\n'),
      true,
    ),
    '',
    `// ${service} connector: tokens issued to MCP clients of this server.`,
    ...helperFunctions(b, random.int(0, 3)),
  ];
  return lines.join('\n') + '\n';
}

function tokenStoreModule(b: Builder): string {
  const { random, service } = b;
  const plaintext = random.chance(0.3);
  if (plaintext) b.mistakes.push('plaintext-token-storage');
  const str = b.flavor === 'ts' ? ': string' : '';
  const lines = [
    header(b, [
      { name: 'readFile', from: 'node:fs/promises' },
      { name: 'writeFile', from: 'node:fs/promises' },
      { name: 'seal', from: './crypto-box.js' },
      { name: 'unseal', from: './crypto-box.js' },
    ]),
    '',
    `const STORE_DIR = process.env.TOKEN_STORE_DIR ?? './.tokens';`,
    '',
    exportFunction(
      b,
      `saveTokens(userId${str}, accessToken${str}, refreshToken${str})`,
      plaintext
        ? `  await writeFile(\`\${STORE_DIR}/${service}-\${userId}.json\`, JSON.stringify({ accessToken, refreshToken, savedAt: Date.now() }));`
        : `  await writeFile(\`\${STORE_DIR}/${service}-\${userId}.sealed\`, seal(JSON.stringify({ accessToken, refreshToken, savedAt: Date.now() })));`,
      true,
    ),
    '',
    exportFunction(
      b,
      `getAccessToken(userId${str})`,
      plaintext
        ? `  const saved = JSON.parse(await readFile(\`\${STORE_DIR}/${service}-\${userId}.json\`, 'utf8'));\n  return saved.accessToken;`
        : `  const saved = JSON.parse(unseal(await readFile(\`\${STORE_DIR}/${service}-\${userId}.sealed\`)));\n  return saved.accessToken;`,
      true,
    ),
    '',
    ...helperFunctions(b, random.int(0, 2)),
  ];
  return lines.join('\n') + '\n';
}

function utilityModule(b: Builder): string {
  const { random } = b;
  return [`// Helpers shared by the ${b.service} tools.`, '', ...helperFunctions(b, random.int(2, 14))].join('\n') + '\n';
}

/** Plain, OAuth-free helpers: pagination, mapping, retries. They make up most of any real codebase. */
function helperFunctions(b: Builder, count: number): string[] {
  const { random } = b;
  const out: string[] = [];
  const ts = b.flavor === 'ts';
  for (let i = 0; i < count; i++) {
    const noun = random.pick(NOUNS);
    const Noun = capitalize(noun);
    const suffix = `${Noun}${i}`;
    switch (random.int(0, 3)) {
      case 0:
        out.push(
          (ts ? `interface ${suffix}Page {\n  items: { id: string; name?: string; updated_at?: string }[];\n  next?: string | null;\n}\n\n` : '') +
            exportFunction(
              b,
              `paginate${suffix}(${typed(b, 'fetchPage', `(cursor?: string) => Promise<${suffix}Page>`)}, ${typed(b, 'maxPages', 'number')} = ${random.int(3, 50)})`,
              [
                `  const all = [];`,
                `  let cursor${ts ? ': string | undefined' : ''};`,
                `  for (let page = 0; page < maxPages; page++) {`,
                `    const result = await fetchPage(cursor);`,
                `    all.push(...result.items);`,
                `    if (!result.next) break;`,
                `    cursor = result.next;`,
                `  }`,
                `  return all;`,
              ].join('\n'),
              true,
            ),
        );
        break;
      case 1:
        out.push(
          exportFunction(
            b,
            `format${suffix}List(${typed(b, 'items', '{ id: string; name?: string; updated_at?: string }[]')}, ${typed(b, 'locale', 'string')} = '${random.pick(['en-US', 'de-DE', 'fr-FR', 'ja-JP'])}')`,
            [
              `  const formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });`,
              `  return items`,
              `    .filter((item) => item.id)`,
              `    .sort((left, right) => (left.name ?? '').localeCompare(right.name ?? ''))`,
              `    .map((item) => {`,
              `      const when = item.updated_at ? formatter.format(new Date(item.updated_at)) : 'never';`,
              `      return \`- \${item.name ?? item.id} (${noun}, updated \${when})\`;`,
              `    })`,
              `    .join('\\n');`,
            ].join('\n'),
          ),
        );
        break;
      case 2:
        out.push(
          exportFunction(
            b,
            `withRetry${suffix}${ts ? '<T>' : ''}(${typed(b, 'operation', '() => Promise<T>')}, ${typed(b, 'attempts', 'number')} = ${random.int(2, 6)})${ts ? ': Promise<T>' : ''}`,
            [
              `  let lastError${ts ? ': unknown' : ''};`,
              `  for (let attempt = 1; attempt <= attempts; attempt++) {`,
              `    try {`,
              `      return await operation();`,
              `    } catch (error) {`,
              `      lastError = error;`,
              `      const delay = Math.min(${random.int(100, 500)} * 2 ** attempt, ${random.int(2000, 10000)});`,
              `      await new Promise((resolve) => setTimeout(resolve, delay));`,
              `    }`,
              `  }`,
              `  throw lastError;`,
            ].join('\n'),
            true,
          ),
        );
        break;
      default: {
        const fields = Array.from({ length: random.int(3, 12) }, (_, n) => `${random.pick(NOUNS)}${n}`);
        out.push(
          exportFunction(
            b,
            `to${suffix}Record(${typed(b, 'raw', 'Record<string, unknown>')})`,
            [`  return {`, ...fields.map((field) => `    ${field}: raw['${field}'] ?? null,`), `    source: '${b.service}',`, `  };`].join('\n'),
          ),
        );
      }
    }
    out.push('');
  }
  return out;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
