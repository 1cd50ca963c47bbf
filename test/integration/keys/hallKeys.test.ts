import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hallKeyStoreOf, HALL_KEY_FILE } from '../../../main/services/keys/fileKeyStore';
import { loadOrCreateHallKeys, verifyHallSignature } from '../../../main/services/keys/hallKeys';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yekuo-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('hall keys', () => {
  it('creates the key pair once, in an owner-only file, and loads the same pair again', () => {
    const dataDir = tempDir();
    const first = loadOrCreateHallKeys(hallKeyStoreOf(dataDir));
    const file = path.join(dataDir, HALL_KEY_FILE);
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
    const second = loadOrCreateHallKeys(hallKeyStoreOf(dataDir));
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    expect(second.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(second.fingerprint).toBe(first.fingerprint);
  });

  it('signs what the public key verifies, and nothing else', () => {
    const keys = loadOrCreateHallKeys(hallKeyStoreOf(tempDir()));
    const other = loadOrCreateHallKeys(hallKeyStoreOf(tempDir()));
    const data = Buffer.from('{"head":41,"hash":"ab"}');
    const signature = keys.sign(data);
    expect(verifyHallSignature(keys.publicKeyPem, data, signature)).toBe(true);
    expect(verifyHallSignature(keys.publicKeyPem, Buffer.from('{"head":42,"hash":"ab"}'), signature)).toBe(false);
    expect(verifyHallSignature(other.publicKeyPem, data, signature)).toBe(false);
    expect(verifyHallSignature(keys.publicKeyPem, data, Buffer.from('short'))).toBe(false);
  });

  it('refuses a damaged key file instead of making a new identity', () => {
    const dataDir = tempDir();
    loadOrCreateHallKeys(hallKeyStoreOf(dataDir));
    fs.writeFileSync(path.join(dataDir, HALL_KEY_FILE), 'not a key');
    expect(() => loadOrCreateHallKeys(hallKeyStoreOf(dataDir))).toThrow(/签名密钥已损坏/);
  });
});
