/** `npm run docs:roles`: writes docs/role-matrix.md from the handler table. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { roleMatrixMarkdown } from '../main/ipc/roleMatrix';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/role-matrix.md');
fs.writeFileSync(target, roleMatrixMarkdown());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
