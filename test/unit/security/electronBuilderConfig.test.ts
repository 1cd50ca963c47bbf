/**
 * The packaging settings that harden the shipped binary: electron-builder's own validator accepts the file (a
 * misspelt fuse would otherwise be ignored until a release build), and every fuse is set the safe way.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): Record<string, unknown> };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8'));

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    // The validator does refuse an unknown fuse, so the check above means something.
    const misspelt = structuredClone(config) as { electronFuses: Record<string, boolean> };
    misspelt.electronFuses.runAsnode = false;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('flips the fuses the safe way', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('signs Windows builds with a certificate from the environment only', () => {
    const win = config.win as Record<string, unknown>;
    expect(win.forceCodeSigning).toBe(true);
    expect(win.signtoolOptions).toMatchObject({ signingHashAlgorithms: ['sha256'] });
    const text = fs.readFileSync('electron-builder.yml', 'utf8');
    expect(text).toContain('WIN_CSC_LINK');
    expect(text).not.toMatch(/certificateFile|certificatePassword|cscLink|cscKeyPassword/);
  });
});
