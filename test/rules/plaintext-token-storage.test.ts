import { Analyzer } from '../../src/analyzer/index.js';
import { plaintextTokenStorage } from '../../src/analyzer/rules/plaintext-token-storage.js';
import { storedSqlSlots } from '../../src/analyzer/models/storage-sinks.js';
import { cipherWeakness } from '../../src/analyzer/knowledge/encryption.js';
import { defaultConfig } from '../../src/config/types.js';
import type { Finding } from '../../src/analyzer/types.js';

function findings(code: string, path = 'server.ts'): Finding[] {
  const analyzer = new Analyzer(defaultConfig(), [plaintextTokenStorage]);
  const result = analyzer.analyzeFile({ path, text: code });
  expect(result.errors.filter((error) => error.fatal || /rule/.test(error.message))).toEqual([]);
  return result.findings.filter((finding) => finding.ruleId === 'plaintext-token-storage');
}

const summary = (list: Finding[]) => list.map(({ messageId, line, severity }) => ({ messageId, line, severity }));

const GCM_HELPER = `import { createCipheriv, randomBytes } from 'node:crypto';
const KEY = Buffer.alloc(32);
function seal(text: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', KEY, iv);
  return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}
`;

describe('plaintext-token-storage: reported', () => {
  test.each([
    {
      name: 'fs.promises.writeFile of JSON.stringify({ accessToken, refreshToken })',
      code: `import fs from 'node:fs';
export async function save(accessToken: string, refreshToken: string) {
  await fs.promises.writeFile('/tmp/t.json', JSON.stringify({ accessToken, refreshToken }));
}`,
      expected: [{ messageId: 'plaintextFile', line: 3, severity: 'error' }],
    },
    {
      name: 'an object built earlier and a token under a nested key',
      code: `const { writeFileSync } = require('fs');
function save(tokenResponse) {
  const data = { user: 'me', tokens: { refresh: tokenResponse.refresh_token } };
  writeFileSync('state.json', JSON.stringify(data));
}`,
      expected: [{ messageId: 'plaintextFile', line: 4, severity: 'error' }],
    },
    {
      name: 'properties assigned to an object before it is written',
      code: `import { writeFile } from 'node:fs/promises';
export async function save(tokens: { access_token: string }) {
  const state: Record<string, string> = {};
  state.accessToken = tokens.access_token;
  await writeFile('state.json', JSON.stringify(state));
}`,
      expected: [{ messageId: 'plaintextFile', line: 5, severity: 'error' }],
    },
    {
      name: 'a local "encrypt" that only base64-encodes',
      code: `import { writeFileSync } from 'fs';
const encrypt = (value: string) => btoa(value);
export function save(refreshToken: string) { writeFileSync('rt', encrypt(refreshToken)); }`,
      expected: [{ messageId: 'plaintextFile', line: 3, severity: 'error' }],
    },
    {
      name: 'an imported encoding helper is followed, not trusted',
      code: `import { writeFileSync } from 'fs';
import { base64Encode } from './util.js';
export function save(refreshToken: string) { writeFileSync('rt', base64Encode(refreshToken)); }`,
      expected: [{ messageId: 'plaintextFile', line: 3, severity: 'error' }],
    },
    {
      name: 'localStorage.setItem with a credential value',
      code: `export function keep(accessToken: string) { localStorage.setItem('at', accessToken); }`,
      expected: [{ messageId: 'plaintextBrowser', line: 1, severity: 'error' }],
    },
    {
      name: 'localStorage.setItem with a credential key and an unnamed value',
      code: `export function keep(value: string) { localStorage.setItem('refresh_token', value); }`,
      expected: [{ messageId: 'plaintextBrowser', line: 1, severity: 'error' }],
    },
    {
      name: 'localStorage element assignment',
      code: `export function keep(key: string, idToken: string) { localStorage[key] = idToken; }`,
      expected: [{ messageId: 'plaintextBrowser', line: 1, severity: 'error' }],
    },
    {
      name: 'document.cookie through a generic cookie helper: reported at the call that hands it the token',
      code: `function setCookie(name: string, value: string) { document.cookie = name + '=' + value + '; path=/'; }
export function keep(accessToken: string) { setCookie('at', accessToken); }`,
      expected: [{ messageId: 'plaintextCookie', line: 2, severity: 'error' }],
    },
    {
      name: 'document.cookie through a token-specific helper: reported inside it',
      code: `function setTokenCookie(value: string) { document.cookie = 'at=' + value + '; path=/'; }
export function keep(accessToken: string) { setTokenCookie(accessToken); }`,
      expected: [{ messageId: 'plaintextCookie', line: 1, severity: 'error' }],
    },
    {
      name: 'node-redis client.set after createClient().connect()',
      code: `import { createClient } from 'redis';
const client = await createClient({ url: process.env.REDIS_URL }).connect();
export async function keep(userId: string, refreshToken: string) { await client.set('rt:' + userId, refreshToken); }`,
      expected: [{ messageId: 'plaintextStore', line: 3, severity: 'error' }],
    },
    {
      name: 'a raw token used as a Redis key',
      code: `import Redis from 'ioredis';
const redis = new Redis();
export async function index(accessToken: string, userId: string) { await redis.set(\`at:\${accessToken}\`, userId); }`,
      expected: [{ messageId: 'plaintextStore', line: 3, severity: 'error' }],
    },
    {
      name: 'Keyv with a Redis backing store',
      code: `import Keyv from 'keyv';
const keyv = new Keyv('redis://localhost:6379');
export async function keep(userId: string, accessToken: string) { await keyv.set(userId, accessToken); }`,
      expected: [{ messageId: 'plaintextStore', line: 3, severity: 'error' }],
    },
    {
      name: 'Mongoose model created with mongoose.model and saved from new',
      code: `import mongoose from 'mongoose';
const Grant = mongoose.model('Grant', new mongoose.Schema({ refreshToken: String }));
export async function keep(refreshToken: string) {
  const grant = new Grant({ refreshToken });
  await grant.save();
}`,
      expected: [{ messageId: 'plaintextStore', line: 5, severity: 'error' }],
    },
    {
      name: 'Supabase insert',
      code: `import { createClient } from '@supabase/supabase-js';
const supabase = createClient('https://x.supabase.co', 'anon');
export async function keep(userId: string, providerToken: string) {
  await supabase.from('identities').insert({ user_id: userId, provider_token: providerToken });
}`,
      expected: [{ messageId: 'plaintextStore', line: 4, severity: 'error' }],
    },
    {
      name: 'Firestore setDoc',
      code: `import { doc, setDoc, getFirestore } from 'firebase/firestore';
const db = getFirestore();
export async function keep(uid: string, accessToken: string) { await setDoc(doc(db, 'tokens', uid), { accessToken }); }`,
      expected: [{ messageId: 'plaintextStore', line: 3, severity: 'error' }],
    },
    {
      name: 'mysql2 execute with ? placeholders, the token in VALUES',
      code: `import mysql from 'mysql2/promise';
const pool = mysql.createPool(process.env.DATABASE_URL ?? '');
export async function keep(userId: string, apiKey: string) {
  await pool.execute('INSERT INTO keys (user_id, api_key) VALUES (?, ?)', [userId, apiKey]);
}`,
      expected: [{ messageId: 'plaintextStore', line: 4, severity: 'error' }],
    },
    {
      name: 'a value typed with an interface of this file that has a credential member',
      code: `import { writeFileSync } from 'node:fs';
interface UpstreamGrant { login: string; accessToken: string }
export function save(grant: UpstreamGrant) { writeFileSync('grant.json', JSON.stringify(grant)); }`,
      expected: [{ messageId: 'plaintextFile', line: 3, severity: 'error' }],
    },
    {
      name: 'a SQL statement built by concatenation',
      code: `import sqlite3 from 'sqlite3';
const db = new sqlite3.Database('mcp.db');
export function save(userId: string, refreshToken: string) { db.run("INSERT INTO grants VALUES ('" + userId + "', '" + refreshToken + "')"); }`,
      expected: [{ messageId: 'plaintextStore', line: 3, severity: 'error' }],
    },
    {
      name: 'chrome.storage.local.set in a browser extension',
      code: `export async function keep(accessToken: string) { await chrome.storage.local.set({ accessToken }); }`,
      expected: [{ messageId: 'plaintextBrowser', line: 1, severity: 'error' }],
    },
    {
      name: 'Kysely insertInto().values()',
      code: `import { Kysely } from 'kysely';
declare const db: Kysely<any>;
export async function keep(userId: string, refreshToken: string) {
  await db.insertInto('grants').values({ user_id: userId, refresh_token: refreshToken }).execute();
}`,
      expected: [{ messageId: 'plaintextStore', line: 4, severity: 'error' }],
    },
    {
      name: 'firebase-admin Firestore doc().set()',
      code: `import { getFirestore } from 'firebase-admin/firestore';
const db = getFirestore();
export async function keep(uid: string, accessToken: string) { await db.collection('grants').doc(uid).set({ accessToken }); }`,
      expected: [{ messageId: 'plaintextStore', line: 3, severity: 'error' }],
    },
    {
      name: 'DynamoDB DocumentClient.put (AWS SDK v2)',
      code: `import AWS from 'aws-sdk';
const documentClient = new AWS.DynamoDB.DocumentClient();
export async function keep(userId: string, accessToken: string) {
  await documentClient.put({ TableName: 'grants', Item: { userId, accessToken } }).promise();
}`,
      expected: [{ messageId: 'plaintextStore', line: 4, severity: 'error' }],
    },
    {
      name: 'Vercel KV',
      code: `import { kv } from '@vercel/kv';
export async function keep(userId: string, accessToken: string) { await kv.set(\`grant:\${userId}\`, accessToken); }`,
      expected: [{ messageId: 'plaintextStore', line: 2, severity: 'error' }],
    },
    {
      name: 'libsodium secretbox and RSA publicEncrypt count as encryption (so only the file mode is noted)',
      code: `import sodium from 'libsodium-wrappers';
import { publicEncrypt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
export function keep(refreshToken: string, accessToken: string, key: Uint8Array, nonce: Uint8Array, publicKey: string) {
  writeFileSync('rt.box', sodium.crypto_secretbox_easy(refreshToken, nonce, key));
  writeFileSync('at.rsa', publicEncrypt(publicKey, Buffer.from(accessToken)));
}`,
      expected: [
        { messageId: 'fileMode', line: 5, severity: 'note' },
        { messageId: 'fileMode', line: 6, severity: 'note' },
      ],
    },
    {
      name: 'a plaintext token in a file only its owner can read is not reported (owner-only mode is an accepted protection); one without is an error',
      code: `import fs from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
export async function keep(tokens: { access_token: string }, refreshToken: string, apiKey: string) {
  fs.writeFileSync('/home/me/.mcp/tokens.json', JSON.stringify(tokens), { mode: 0o600 });
  await writeFile('/home/me/.mcp/refresh', refreshToken);
  await chmod('/home/me/.mcp/refresh', 0o600);
  fs.writeFileSync('/home/me/.mcp/key', apiKey);
}`,
      expected: [
        { messageId: 'plaintextFile', line: 7, severity: 'error' },
      ],
    },
    {
      name: 'Bun.write',
      code: `export async function keep(credentials: unknown) { await Bun.write('creds.json', JSON.stringify(credentials)); }`,
      expected: [{ messageId: 'plaintextFile', line: 1, severity: 'error' }],
    },
    {
      name: 'an encrypted token file without a private mode',
      code: `${GCM_HELPER}import { writeFile } from 'node:fs/promises';
export async function save(refreshToken: string) { await writeFile('rt.enc', seal(refreshToken)); }`,
      expected: [{ messageId: 'fileMode', line: 9, severity: 'note' }],
    },
    {
      name: 'Electron safeStorage without a private mode',
      code: `import { safeStorage } from 'electron';
import { writeFileSync } from 'node:fs';
export function save(refreshToken: string) { writeFileSync('rt.bin', safeStorage.encryptString(refreshToken)); }`,
      expected: [{ messageId: 'fileMode', line: 3, severity: 'note' }],
    },
    {
      name: 'AWS KMS v2 encrypt in a local helper counts as encryption (so only the file mode is noted)',
      code: `import AWS from 'aws-sdk';
import { writeFileSync } from 'node:fs';
const kms = new AWS.KMS();
async function kmsSeal(text: string) {
  const result = await kms.encrypt({ KeyId: 'alias/tokens', Plaintext: text }).promise();
  return result.CiphertextBlob as Buffer;
}
export async function save(refreshToken: string) { writeFileSync('rt.kms', await kmsSeal(refreshToken)); }`,
      expected: [{ messageId: 'fileMode', line: 8, severity: 'note' }],
    },
    {
      name: 'jose EncryptJWT counts as encryption (so only the file mode is noted)',
      code: `import { EncryptJWT } from 'jose';
import { writeFile } from 'node:fs/promises';
export async function save(accessToken: string, secret: Uint8Array) {
  const jwe = await new EncryptJWT({ accessToken }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(secret);
  await writeFile('session.jwe', jwe);
}`,
      expected: [{ messageId: 'fileMode', line: 5, severity: 'note' }],
    },
    {
      name: 'a method of a class defined in the file is read, not trusted by its name',
      code: `import Redis from 'ioredis';
class TokenCipher { encrypt(value: string) { return Buffer.from(value).toString('base64'); } }
const cipher = new TokenCipher();
const redis = new Redis();
export async function save(refreshToken: string) { await redis.set('rt', cipher.encrypt(refreshToken)); }`,
      expected: [{ messageId: 'plaintextStore', line: 5, severity: 'error' }],
    },
    {
      name: 'AES-CBC is a note, AES-ECB a warning, createCipher a warning',
      code: `import crypto from 'node:crypto';
import Redis from 'ioredis';
const redis = new Redis();
const key = Buffer.alloc(32);
export async function save(accessToken: string, refreshToken: string, idToken: string) {
  const cbc = crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16));
  await redis.set('a', cbc.update(accessToken, 'utf8', 'hex') + cbc.final('hex'));
  const ecb = crypto.createCipheriv('aes-128-ecb', key.subarray(0, 16), null);
  await redis.set('b', ecb.update(refreshToken, 'utf8', 'hex') + ecb.final('hex'));
  const old = crypto.createCipher('aes256', 'passphrase');
  await redis.set('c', old.update(idToken, 'utf8', 'hex') + old.final('hex'));
}`,
      expected: [
        { messageId: 'weakCipher', line: 7, severity: 'note' },
        { messageId: 'weakCipher', line: 9, severity: 'warning' },
        { messageId: 'weakCipher', line: 11, severity: 'warning' },
      ],
    },
  ])('$name', ({ code, expected }) => {
    expect(summary(findings(code))).toEqual(expected);
  });

  test('the message names the credential and the sink, and the finding sits on the credential', () => {
    const [finding] = findings(`import fs from 'node:fs/promises';
export async function saveToken(userId: string, accessToken: string, refreshToken: string) {
  await fs.writeFile(\`/var/lib/mcp/\${userId}.json\`, JSON.stringify({
    userId,
    refreshToken,
  }));
}`);
    expect(finding).toMatchObject({ line: 5, column: 5, endColumn: 17 });
    expect(finding!.message).toBe(
      "'refreshToken' is written in plaintext to a file by 'fs.writeFile'; encrypt it with AES-256-GCM under a separately held key, or keep it in the OS keychain.",
    );
  });

  test('one storing call is reported once, however many credentials it carries', () => {
    expect(findings(`import { writeFileSync } from 'fs';
export function save(accessToken: string, refreshToken: string, clientSecret: string) {
  writeFileSync('all.json', JSON.stringify({ accessToken, refreshToken, clientSecret }));
}`)).toHaveLength(1);
  });
});

describe('plaintext-token-storage: not reported', () => {
  test.each([
    {
      name: 'AES-256-GCM helper with mode 0o600',
      code: `${GCM_HELPER}import { writeFile } from 'node:fs/promises';
export async function save(refreshToken: string) { await writeFile('rt.enc', seal(refreshToken), { mode: 0o600 }); }`,
    },
    {
      name: 'an encrypted file opened 0o600 and written by descriptor',
      code: `${GCM_HELPER}import fs from 'node:fs';
export function save(refreshToken: string) { const fd = fs.openSync('rt.enc', 'w', 0o600); fs.writeSync(fd, seal(refreshToken)); }`,
    },
    {
      name: 'an encrypted file under a strict umask',
      code: `${GCM_HELPER}import { writeFileSync } from 'node:fs';
export function save(refreshToken: string) { process.umask(0o077); writeFileSync('rt.enc', seal(refreshToken)); }`,
    },
    {
      name: 'a wrapper of a wrapper of createCipheriv',
      code: `${GCM_HELPER}import Redis from 'ioredis';
const redis = new Redis();
const protect = (value: string) => seal(value);
export async function save(refreshToken: string) { await redis.set('rt', protect(refreshToken)); }`,
    },
    {
      name: 'a cipher class defined in the file',
      code: `${GCM_HELPER}import Redis from 'ioredis';
class TokenCipher { wrap(value: string) { return seal(value); } }
const cipher = new TokenCipher();
const redis = new Redis();
export async function save(refreshToken: string) { await redis.set('rt', cipher.wrap(refreshToken)); }`,
    },
    {
      name: 'a variable named like a token but produced by encryption',
      code: `${GCM_HELPER}import Redis from 'ioredis';
const redis = new Redis();
export async function save(raw: string) { const refreshToken = seal(raw); await redis.set('rt', refreshToken); }`,
    },
    {
      name: 'variables named like tokens that hold createHash, bcrypt and argon2 output',
      code: `import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';
import argon2 from 'argon2';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export async function save(rawAccess: string, rawSecret: string, rawKey: string) {
  const accessToken = createHash('sha256').update(rawAccess).digest('hex');
  const clientSecret = await bcrypt.hash(rawSecret, 10);
  const apiKey = await argon2.hash(rawKey);
  await prisma.accessToken.create({ data: { accessToken } });
  await prisma.client.create({ data: { clientSecret } });
  await prisma.apiKey.create({ data: { apiKey } });
}`,
    },
    {
      name: 'an in-memory Map named like a store',
      code: `const tokenStore = new Map<string, string>();
export function save(userId: string, accessToken: string) { tokenStore.set(userId, accessToken); }`,
    },
    {
      name: 'Keyv without a backing store keeps values in memory',
      code: `import Keyv from 'keyv';
const keyv = new Keyv();
export async function save(userId: string, accessToken: string) { await keyv.set(userId, accessToken); }`,
    },
    {
      name: 'res.cookie with httpOnly is set by the server',
      code: `import express from 'express';
const app = express();
app.get('/cb', (req, res) => { const sessionToken = String(req.query.s); res.cookie('sid', sessionToken, { httpOnly: true, secure: true }); res.end(); });`,
    },
    {
      name: 'axios.put and axios.create are not storage',
      code: `import axios from 'axios';
export async function call(accessToken: string) {
  const api = axios.create({ headers: { Authorization: \`Bearer \${accessToken}\` } });
  await axios.put('https://api.example.com/me', { accessToken });
  return api;
}`,
    },
    {
      name: 'SQL that uses the token only to select rows',
      code: `import pg from 'pg';
const pool = new pg.Pool();
export async function revoke(refreshToken: string, userId: string) {
  await pool.query('UPDATE grants SET revoked = true, revoked_by = $2 WHERE refresh_token = $1', [refreshToken, userId]);
  await pool.query('DELETE FROM grants WHERE refresh_token = $1', [refreshToken]);
  await pool.query('SELECT * FROM grants WHERE refresh_token = $1', [refreshToken]);
}`,
    },
    {
      name: 'a Drizzle table named tokens is the table, not a token',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';
const tokens = pgTable('tokens', { userId: text('user_id') });
const db = drizzle(process.env.DATABASE_URL ?? '');
export async function save(userId: string) { await db.insert(tokens).values({ userId }); }`,
    },
    {
      name: 'PKCE verifier and state in sessionStorage',
      code: `export function begin(codeVerifier: string, state: string) {
  sessionStorage.setItem('pkce_code_verifier', codeVerifier);
  sessionStorage.setItem('oauth_state', state);
}`,
    },
    {
      name: 'token metadata only',
      code: `import { writeFileSync } from 'fs';
export function save(tokens: { expires_in: number; scope: string; token_type: string }) {
  writeFileSync('meta.json', JSON.stringify({ expiresAt: Date.now() + tokens.expires_in * 1000, scope: tokens.scope, tokenType: tokens.token_type }));
}`,
    },
    {
      name: 'a value typed with metadata only, or with a type from another module',
      code: `import { writeFileSync } from 'node:fs';
import type { Grant } from './grants.js';
interface TokenMeta { expiresAt: number; scope: string; tokenType: string }
export function save(meta: TokenMeta, tokens: Grant) {
  writeFileSync('meta.json', JSON.stringify(meta));
  writeFileSync('install.json', JSON.stringify(tokens));
}`,
    },
    {
      name: 'a search API query that reads like an update',
      code: `import Redis from 'ioredis';
export async function search(index: { query(q: string, o: object): Promise<unknown> }, accessToken: string) {
  return index.query('update notes', { accessToken });
}`,
    },
    {
      name: 'keytar and @napi-rs/keyring',
      code: `import keytar from 'keytar';
import { Entry } from '@napi-rs/keyring';
export async function save(refreshToken: string) {
  await keytar.setPassword('svc', 'me', refreshToken);
  new Entry('svc', 'me').setPassword(refreshToken);
}`,
    },
  ])('$name', ({ code }) => {
    expect(summary(findings(code))).toEqual([]);
  });
});

describe('storedSqlSlots', () => {
  test('INSERT stores every VALUES placeholder', () => {
    expect(storedSqlSlots('INSERT INTO t (a, b) VALUES ($1, $2)')?.stored).toEqual([
      { kind: 'numbered', number: 1 },
      { kind: 'numbered', number: 2 },
    ]);
  });

  test('UPDATE stores SET placeholders, not WHERE ones', () => {
    const slots = storedSqlSlots('UPDATE t SET a = ?, b = ? WHERE c = ?')!;
    expect(slots.all).toHaveLength(3);
    expect(slots.stored).toHaveLength(2);
  });

  test('ON CONFLICT DO UPDATE SET stores again; named and cast placeholders are told apart', () => {
    const slots = storedSqlSlots("insert into t (a) values (:token) on conflict (id) do update set a = :token::text, b = 'x:y' where t.id = :id")!;
    expect(slots.stored).toEqual([{ kind: 'named', name: 'token' }, { kind: 'named', name: 'token' }]);
    expect(slots.all).toHaveLength(3);
  });

  test('a statement interpolated by a tagged template counts its own expressions', () => {
    expect(storedSqlSlots('update \u00010\u0001 set token = \u00011\u0001 where id = \u00012\u0001')?.stored).toEqual([{ kind: 'inline', index: 1 }]);
  });

  test('prose that starts with a verb is not SQL', () => {
    expect(storedSqlSlots('update the docs when the token changes')).toBeUndefined();
    expect(storedSqlSlots('insert coin')).toBeUndefined();
  });

  test('SELECT and DELETE store nothing', () => {
    expect(storedSqlSlots('SELECT * FROM t WHERE a = $1')).toBeUndefined();
    expect(storedSqlSlots('DELETE FROM t WHERE a = $1')).toBeUndefined();
  });
});

describe('cipherWeakness', () => {
  test.each([
    ['aes-256-gcm', undefined],
    ['chacha20-poly1305', undefined],
    ['aes-128-ccm', undefined],
    ['RSA-OAEP', undefined],
    ['AES-GCM', undefined],
    ['aes-256-cbc', 'unauthenticated'],
    ['aes-256-ctr', 'unauthenticated'],
    ['aes256', 'unauthenticated'],
    ['AES-CBC', 'unauthenticated'],
    ['aes-128-ecb', 'broken'],
    ['des-ede3-cbc', 'broken'],
    ['rc4', 'broken'],
    ['bf-cbc', 'broken'],
  ])('%s', (algorithm, expected) => {
    expect(cipherWeakness(algorithm)).toBe(expected);
  });
});

describe('plaintext-token-storage: owner-only files are accepted; messages quote the file mode the code sets', () => {
  test.each([
    ["fs.writeFileSync('t.json', JSON.stringify(tokens), { mode: 0o400 });"],
    ["fs.writeFileSync('t.json', JSON.stringify(tokens), { mode: 0o600 });"],
    ["fs.writeFileSync('t.json', JSON.stringify(tokens));\n  fs.chmodSync('t.json', 0o400);"],
    ["process.umask(0o077);\n  fs.writeFileSync('t.json', JSON.stringify(tokens));"],
  ])('plaintext, owner-only: %s', (write) => {
    expect(findings(`import fs from 'node:fs';\nexport function keep(tokens: { access_token: string }) {\n  ${write}\n}\n`)).toEqual([]);
  });

  test.each([
    ["fs.writeFileSync('t.json', JSON.stringify(tokens), { mode: 0o644 });"],
    ["fs.writeFileSync('t.json', JSON.stringify(tokens));\n  fs.chmodSync('t.json', 0o644);"],
  ])('plaintext, readable by others: %s', (write) => {
    const [finding] = findings(`import fs from 'node:fs';\nexport function keep(tokens: { access_token: string }) {\n  ${write}\n}\n`);
    expect(finding?.messageId).toBe('plaintextFile');
  });

  test.each([
    ["{ mode: 0o644 }", 'with mode 0o644, which other local users can read'],
    ["'utf8'", 'without an owner-only mode'],
  ])('encrypted, readable by others: %s', (options, expected) => {
    const [finding] = findings(`${GCM_HELPER}import fs from 'node:fs';\nexport function keep(refreshToken: string) {\n  fs.writeFileSync('rt.enc', seal(refreshToken), ${options});\n}\n`);
    expect(finding?.messageId).toBe('fileMode');
    expect(finding?.message).toContain(`by 'fs.writeFileSync' ${expected};`);
  });
});
