/**
 * The layer rules of DESIGN.md are enforced by ESLint; this proves the rules bite, with the project's own
 * config, on sources placed (virtually) in each folder.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['renderer/src/bad.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport default Database;\n"],
    ['renderer/src/bad.ts', "import { openDatabase } from '../../main/db/connection';\nexport default openDatabase;\n"],
    ['renderer/src/bad.ts', "import fs from 'node:fs';\nexport default fs;\n"],
    ['renderer/src/bad.ts', "import fs from 'fs';\nexport default fs;\n"],
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport default ipcRenderer;\n"],
    ['shared/rules/bad.ts', "import { createHash } from 'node:crypto';\nexport default createHash;\n"],
    ['shared/rules/bad.ts', "import { api } from '../../renderer/src/api';\nexport default api;\n"],
    ['shared/rules/bad.ts', 'export const w = window.innerWidth;\n'],
    ['main/services/bad.ts', "import { app } from 'electron';\nexport default app;\n"],
    ['test/unit/bad.test.ts', "import '../../main/app/main';\n"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/ok.ts', "import { z } from 'zod';\nexport default z;\n"],
    ['shared/rules/ok.ts', "import { STAGES } from '../domain/codes';\nexport default STAGES;\n"],
    ['main/services/ok.ts', "import fs from 'node:fs';\nexport default fs;\n"],
    ['main/app/ok.ts', "import { app } from 'electron';\nexport default app;\n"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
