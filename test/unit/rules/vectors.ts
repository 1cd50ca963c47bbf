/**
 * The real-world vectors of test/fixtures/id-vectors (copied from the team's testdata) and the policy that
 * decides the expected result of the `conditional` ones (docs/rules-policy.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/id-vectors');
const load = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;

export interface Vector {
  value: string;
  valid: boolean;
  conditional?: string;
  regionCheckLevels?: string[];
}

export const ricVectors = load<Vector[]>('ric.json');
export const usccVectors = load<Vector[]>('uscc.json');
export const phoneVectors = load<{ vectors: Vector[] }>('phone.json').vectors;

/**
 * RIC policy: lower-case x accepted; 15-digit numbers rejected (R-ID-07); residence permits and the 2023
 * foreign PR number accepted as their own kind; the region is checked at province level only; birth years
 * before 1900 are rejected (R-ID-03 [P]), which turns down the standard's own 1880 worked example.
 */
export function ricExpected(v: Vector): boolean {
  if (!v.conditional) return v.valid;
  if (/^\d{15}$/.test(v.value)) return false;
  if (/^\d{6}1[0-8]/.test(v.value)) return false;
  if (v.regionCheckLevels) return v.regionCheckLevels.includes('province') ? v.valid : !v.valid;
  return true;
}

/** USCC policy: separators stripped; Fujian pilot codes accepted with warning R-UC-06. */
export const usccExpected = (v: Vector): boolean => (v.conditional ? true : v.valid);

/** Phone policy: separators stripped, +86/0086 dropped; disputed segment 149 accepted with warning R-PH-02. */
export const phoneExpected = (v: Vector): boolean => (v.conditional ? true : v.valid);
