/** `npm run docs:rules`: writes docs/rules.md from the rule catalogue. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from './rulesDoc';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/rules.md');
fs.writeFileSync(target, await renderRulesDoc());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
