/**
 * The hall's Ed25519 key pair: it signs audit chain heads (at backup and export) and export manifests, and
 * headquarters verifies them with the public key. The private key never enters the database: it lives behind a
 * PrivateKeyStore (a mode-600 file for the CLI, the harness and tests; Electron safeStorage on the desktop).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { AppError } from '../errors';

/** Where the private key is kept. The desktop wraps it with safeStorage; elsewhere a file. */
export interface PrivateKeyStore {
  /** The PKCS#8 PEM, or undefined when no key exists yet. */
  read(): string | undefined;
  /** Stores the PEM durably (written whole or not at all). */
  write(pem: string): void;
}

export interface HallKeys {
  /** SPKI PEM, the form `yekuo hall pubkey` writes and headquarters registers. */
  publicKeyPem: string;
  /** sha256 of the public key's DER, hex: names the key in manifests and reports. */
  fingerprint: string;
  sign(data: Uint8Array): Buffer;
}

/** Loads the hall's key pair, creating it on first use (at `init`, or the first signature of an older hall). */
export function loadOrCreateHallKeys(store: PrivateKeyStore): HallKeys {
  let pem = store.read();
  if (pem === undefined) {
    pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    store.write(pem);
  }
  return hallKeysOf(pem);
}

/** The hall's keys when they exist, without creating them (for checks that must not change the data folder). */
export function readHallKeys(store: PrivateKeyStore): HallKeys | undefined {
  const pem = store.read();
  return pem === undefined ? undefined : hallKeysOf(pem);
}

function hallKeysOf(privatePem: string): HallKeys {
  let privateKey;
  try {
    privateKey = createPrivateKey(privatePem);
  } catch {
    throw new AppError('STORAGE', '营业厅签名密钥已损坏，无法读取：请从备份恢复密钥文件，或联系系统管理员。');
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AppError('STORAGE', '营业厅签名密钥不是 Ed25519 密钥：请从备份恢复密钥文件，或联系系统管理员。');
  }
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    publicKeyPem,
    fingerprint: publicKeyFingerprint(publicKeyPem),
    sign: (data) => sign(null, data, privateKey),
  };
}

/** sha256 (hex) of a public key's SPKI DER. */
export function publicKeyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

/** True when `signature` is the hall key's Ed25519 signature of `data`. Never throws on a malformed signature. */
export function verifyHallSignature(publicKeyPem: string, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, createPublicKey(publicKeyPem), signature);
  } catch {
    return false;
  }
}
