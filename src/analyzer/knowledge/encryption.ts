/**
 * Primitives that protect a stored credential: encryption (the value can be recovered only
 * with a separately held key) and hashing (the value is only ever compared). Recognised by
 * module and primitive, never by a wrapper's name: the rule trusts `createCipheriv`, not a
 * local `encrypt()` that only base64-encodes.
 */

/** How a stored value was protected; `weakness` is set for ciphers that fall short of AEAD. */
export type CipherWeakness = 'broken' | 'unauthenticated';

/** `crypto` functions that start an encryption; the algorithm is their first argument. */
export const CIPHER_FACTORIES = new Set(['createCipheriv']);
/** `crypto.createCipher` derives key and IV with one round of MD5 and was removed in Node 22. */
export const DEPRECATED_CIPHER_FACTORIES = new Set(['createCipher']);
/** Methods of a `Cipher` object: `update` takes the plaintext, the others return ciphertext parts or tags. */
export const CIPHER_INPUT_METHODS = new Set(['update']);
export const CIPHER_OUTPUT_METHODS = new Set(['final', 'getAuthTag', 'setAAD', 'setAutoPadding']);
/** Other `crypto` encryption functions whose output is ciphertext (RSA-OAEP by default). */
export const NODE_CRYPTO_ENCRYPT_FUNCTIONS = new Set(['publicEncrypt']);

/** `crypto` functions that hash or derive: the output cannot be turned back into the token. */
export const NODE_CRYPTO_HASH_FUNCTIONS = new Set(['createHash', 'createHmac', 'hash', 'scrypt', 'scryptSync', 'pbkdf2', 'pbkdf2Sync', 'hkdf', 'hkdfSync']);
/** Password-hashing modules: their `hash`/`hashSync` store a verifier, not the secret. */
export const HASH_MODULES = new Set(['bcrypt', 'bcryptjs', 'argon2', '@node-rs/argon2', '@node-rs/bcrypt', '@phc/argon2']);
export const HASH_MODULE_FUNCTIONS = new Set(['hash', 'hashSync', 'hashRaw']);
/** Receiver words for the same modules when the import is not in the file (`this.bcrypt.hash`). */
export const HASH_RECEIVER_WORDS = new Set(['bcrypt', 'bcryptjs', 'argon2']);

/** Electron's OS-backed encryption: `safeStorage.encryptString(token)`. */
export const ELECTRON_ENCRYPT_METHODS = new Set(['encryptString']);
export const ELECTRON_SAFE_STORAGE = 'safeStorage';

/** KMS: AWS SDK v3 commands, and `encrypt` on a KMS client (AWS v2, Google Cloud KMS, Azure Key Vault keys). */
export const KMS_ENCRYPT_COMMANDS = new Set(['EncryptCommand']);
export const KMS_MODULES = new Set(['@aws-sdk/client-kms', '@google-cloud/kms', '@azure/keyvault-keys', 'aws-sdk']);
export const KMS_CLIENT_CONSTRUCTORS = new Set(['KMSClient', 'KMS', 'KeyManagementServiceClient', 'CryptographyClient']);
export const KMS_RECEIVER_WORDS = new Set(['kms', 'cryptography']);
export const KMS_ENCRYPT_METHODS = new Set(['encrypt']);

/** JWE builders from `jose`: `new CompactEncrypt(bytes).setProtectedHeader(...).encrypt(key)`. */
export const JOSE_ENCRYPT_CLASSES = new Set(['CompactEncrypt', 'FlattenedEncrypt', 'GeneralEncrypt', 'EncryptJWT']);

/** Module-level encryption functions: AWS Encryption SDK, Iron, iron-session. */
export const MODULE_ENCRYPT_FUNCTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  '@aws-crypto/client-node': new Set(['encrypt']),
  '@aws-crypto/client-browser': new Set(['encrypt']),
  '@hapi/iron': new Set(['seal']),
  'iron-session': new Set(['sealData']),
  'iron-webcrypto': new Set(['seal']),
};

/** libsodium and tweetnacl authenticated encryption, recognised by their primitive names. */
export const SODIUM_ENCRYPT_FUNCTIONS = /^(crypto_secretbox_easy|crypto_secretbox_detached|crypto_box_easy|crypto_box_seal|crypto_aead_\w+_encrypt(_detached)?|secretbox|box)$/;
export const SODIUM_RECEIVER_WORDS = new Set(['sodium', 'nacl', 'libsodium', 'tweetnacl']);

/** WebCrypto: `crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data)` and `crypto.subtle.digest('SHA-256', data)`. */
export const SUBTLE_ENCRYPT = 'encrypt';
export const SUBTLE_DIGEST = 'digest';

/**
 * How a cipher name falls short: AEAD modes (GCM, CCM, OCB, ChaCha20-Poly1305, SIV) and
 * RSA-OAEP are fine; ECB, DES, RC4 and friends are broken; other AES modes (CBC, CTR, CFB,
 * OFB, bare 'aes256') keep the token secret but let the ciphertext be altered undetected.
 */
export function cipherWeakness(algorithm: string): CipherWeakness | undefined {
  const name = algorithm.trim().toLowerCase();
  if (/(^|-)(gcm|ccm|ocb|siv|gcm-siv)$|chacha20-poly1305|^rsa-oaep/.test(name)) return undefined;
  // 'createCipher' stands for the deprecated crypto.createCipher (MD5 key derivation, no IV).
  if (/ecb|^des|^rc[245]|^bf|^blowfish|^cast|^idea|^seed|^createcipher$/.test(name)) return 'broken';
  if (/^aes|^camellia|^aria|^sm4|^chacha20$/.test(name)) return 'unauthenticated';
  return undefined;
}

/** Describes a weakness for a message. */
export const WEAKNESS_TEXT: Readonly<Record<CipherWeakness, string>> = {
  broken: 'is a broken cipher or mode',
  unauthenticated: 'does not authenticate the ciphertext, so it can be altered undetected',
};
