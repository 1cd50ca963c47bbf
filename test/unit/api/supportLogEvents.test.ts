/**
 * 运行日志 shows Chinese labels, not pino event names: every event a supportLog call in main/ writes has a
 * label, and no label is left without an event that writes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORT_LOG_EVENT_LABELS, supportLogEventLabel } from '../../../shared/api/supportLogEvents';

function sourcesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs)$/.test(entry.name))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

const sources = sourcesUnder(path.resolve('main'));

describe('support log event labels', () => {
  it('labels every event main/ writes to the support log, and only those', () => {
    const emitted = new Set(
      sources.flatMap((text) => [...text.matchAll(/\bevent:\s*'([a-z0-9-]+)'/g)].map((m) => m[1] ?? '')),
    );
    expect(emitted.size).toBeGreaterThan(10);
    expect([...emitted].filter((event) => !(event in SUPPORT_LOG_EVENT_LABELS))).toEqual([]);
    expect(Object.keys(SUPPORT_LOG_EVENT_LABELS).filter((event) => !emitted.has(event))).toEqual([]);
  });

  it('every event name is a literal, so the scan above sees them all', () => {
    const dynamic = sources.flatMap((text) => [...text.matchAll(/\{\s*event:\s*(?!')[^\s,}]+/g)].map((m) => m[0]));
    expect(dynamic).toEqual([]);
  });

  it('shows an unknown event (from a newer version) as it is', () => {
    expect(supportLogEventLabel('backup')).toBe('备份');
    expect(supportLogEventLabel('something-new')).toBe('something-new');
  });
});
