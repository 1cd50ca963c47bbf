/**
 * Values for batch commands: the arguments, where `-` stands for standard input, one value per line. Clerks
 * paste whole Excel columns, so thousands of values go through one process.
 */
import fs from 'node:fs';

export function readValues(args: readonly string[]): string[] {
  const values: string[] = [];
  for (const arg of args) {
    if (arg !== '-') {
      values.push(arg);
      continue;
    }
    for (const line of fs.readFileSync(0, 'utf8').split(/\r?\n/)) {
      // Excel copies cells with a trailing tab or spaces; blank lines carry no value.
      const value = line.trim();
      if (value !== '') values.push(value);
    }
  }
  return values;
}

/** Reads a JSON file (or standard input for `-`); the caller turns failures into usage errors. */
export function readJsonFile(file: string): unknown {
  const text = file === '-' ? fs.readFileSync(0, 'utf8') : fs.readFileSync(file, 'utf8');
  return JSON.parse(text.replace(/^\uFEFF/, ''));
}
