/**
 * Issue 15: the thresholds of 统计与风险 are profile settings with their defaults documented, each citing its source
 * or saying that it is a hall choice. Every `risk.*` key of the default profile has a row in docs/risk.md's table
 * with its default and source; every `portrait.*` key is named in docs/portrait.md, which says they are hall choices.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE } from '../../../shared/rules/profile/defaults';

/** The rows of the markdown table under `heading`: first cell (without backticks) → the other cells. */
function tableRows(markdown: string, heading: string): Map<string, string[]> {
  const section = markdown.split(/^## /m).find((part) => part.startsWith(heading)) ?? '';
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    if (!line.startsWith('|') || /^\|\s*-/.test(line)) continue;
    const [key, ...cells] = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    rows.set(key!.replace(/`/g, ''), cells);
  }
  return rows;
}

describe('统计与风险 thresholds cite their source', () => {
  it('docs/risk.md gives every risk.* key its default and a source or 营业厅自定', () => {
    const rows = tableRows(fs.readFileSync('docs/risk.md', 'utf8'), 'Thresholds');
    const keys = Object.keys(DEFAULT_PROFILE.risk);
    expect(keys.length).toBeGreaterThan(15);
    for (const key of keys) {
      const [defaults, source] = rows.get(key) ?? [];
      expect(defaults, key).toBeTruthy();
      expect(source, key).toMatch(/营业厅自定|REFERENCE\.md|rules-defaults|\(\d{4}\)/);
    }
    // And no row for a key the profile does not have.
    expect([...rows.keys()].filter((key) => key !== 'Key' && !keys.includes(key))).toEqual([]);
  });

  it('docs/portrait.md names every portrait.* key and calls their defaults hall choices', () => {
    const doc = fs.readFileSync('docs/portrait.md', 'utf8');
    for (const key of Object.keys(DEFAULT_PROFILE.portrait)) expect(doc, key).toContain(`\`${key}\``);
    expect(doc).toMatch(/are hall\s+choices, not values a regulation names/);
  });
});
