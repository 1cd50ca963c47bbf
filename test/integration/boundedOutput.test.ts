/**
 * Validation output is bounded: a small request or file cannot produce a huge answer. Once, a 1.2 MB request with
 * 300,000 empty documents produced a 377 MB response, and an 80 KB file wrote 20.7 MB to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, type Result } from '../../shared/api/result';
import { dispatch } from '../../main/ipc/dispatch';
import { addCliAdmin, yekuo } from './store/cliRunner';
import { openStore, recordFor, type Store } from './store/storeFixture';

/** A record whose 100 documents and 100 transformers are all empty: about 400 problems, each list at its limit. */
function manyProblems() {
  return {
    ...recordFor('NEW_HV', 'HV'),
    documents: Array.from({ length: 100 }, () => ({})),
    transformers: Array.from({ length: 100 }, () => ({})),
  };
}

let store: Store;
beforeEach(() => {
  store = openStore();
});
afterEach(() => store.close());

describe('bounded validation output', () => {
  it('refuses 300,000 empty documents with one short problem', async () => {
    const record = { ...recordFor('NEW_HV', 'HV'), documents: Array.from({ length: 300_000 }, () => ({})) };
    const request = JSON.stringify({ record });
    expect(request.length).toBeGreaterThan(900_000);
    const result = await dispatch(store.ctx('clerk'), 'applications.create', { record });
    const response = JSON.stringify(result);
    expect(response.length).toBeLessThan(2_000);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(response).toContain('资料清单');
  });

  it('caps the problems of one answer at MAX_PROBLEMS and counts the rest; the message names the first ten', async () => {
    const result = (await dispatch(store.ctx('clerk'), 'applications.create', {
      record: manyProblems(),
    })) as Result<unknown>;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toHaveLength(MAX_PROBLEMS);
    expect(result.error.problemsOmitted).toBeGreaterThan(0);
    const total = MAX_PROBLEMS + (result.error.problemsOmitted ?? 0);
    expect(result.error.message).toContain(`另有 ${total - 10} 处问题（共 ${total} 处）`);
    expect(result.error.message.split('。').filter(Boolean)).toHaveLength(11);
    expect(JSON.stringify(result).length).toBeLessThan(60_000);
  });

  it('the CLI prints at most MAX_PROBLEMS problems and says how many more there are', async () => {
    await addCliAdmin(store.ctx('admin'));
    const file = path.join(store.dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(manyProblems()));
    const run = await yekuo(store.dir, 'app', 'create', file);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('  - '));
    expect(lines).toHaveLength(MAX_PROBLEMS);
    expect(run.stderr).toMatch(/……另有 \d+ 处问题未列出 \/ \d+ more problems not shown/);
    expect(run.stderr.length).toBeLessThan(60_000);

    const json = await yekuo(store.dir, '--json', 'app', 'create', file);
    const out = JSON.parse(json.stdout) as { problems: unknown[]; problemsOmitted: number };
    expect(out.problems).toHaveLength(MAX_PROBLEMS);
    expect(out.problemsOmitted).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a list over its maximum in a file the CLI reads, without listing each entry', async () => {
    await addCliAdmin(store.ctx('admin'));
    const file = path.join(store.dir, 'huge.json');
    const record = { ...recordFor('NEW_HV', 'HV'), documents: Array.from({ length: 20_000 }, () => ({})) };
    fs.writeFileSync(file, JSON.stringify(record));
    const run = await yekuo(store.dir, 'app', 'create', file);
    expect(run.code).not.toBe(0);
    expect(run.stderr.length).toBeLessThan(2_000);
    expect(run.stderr).toContain('资料清单');
  }, 60_000);
});
