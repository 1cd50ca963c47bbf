/**
 * `npm run bench [-- name…]`: runs every bench/*.bench.ts (or those whose file name contains a given word),
 * prints a table and then one JSON line with all rows, for docs/benchmarks.md and for machines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchRow } from './types';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(path.join(here, file)).href)) as BenchModule;
  process.stderr.write(`running ${file} …\n`);
  rows.push(...(await mod.run()));
}

const table = rows.map((r) => ({
  suite: r.suite,
  case: r.case,
  value: `${r.value} ${r.unit}`,
  goal: r.goal ?? '',
  pass: r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  baseline: r.baseline === undefined ? '' : `${r.baseline} ${r.unit}`,
  note: r.note ?? '',
}));
const columns = ['suite', 'case', 'value', 'goal', 'pass', 'baseline', 'note'] as const;
const widths = columns.map((c) => Math.max(c.length, ...table.map((t) => [...t[c]].length)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
console.log(line([...columns]));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const t of table) console.log(line(columns.map((c) => t[c])));
console.log(
  JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, date: new Date().toISOString(), rows }),
);
