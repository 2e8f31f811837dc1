import { generateKeyPairSync } from 'node:crypto';

/** A fresh RSA key in the PKCS#1 PEM that GitHub hands out for an app, made once per test file. */
export const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
