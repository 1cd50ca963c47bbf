import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../../scripts/rulesDoc';
import { RULES } from '../../../shared/rules';

const docs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs');

describe('docs/rules.md', () => {
  it('is what `npm run docs:rules` generates from the catalogue (run it after changing a rule)', async () => {
    expect(fs.readFileSync(path.join(docs, 'rules.md'), 'utf8')).toBe(await renderRulesDoc());
  });
  it('lists every rule and links the hand-written policy', async () => {
    const text = await renderRulesDoc();
    for (const rule of RULES) expect(text).toContain(`| ${rule.id} `);
    expect(text).toContain('(rules-policy.md)');
    expect(fs.existsSync(path.join(docs, 'rules-policy.md'))).toBe(true);
  });
});
