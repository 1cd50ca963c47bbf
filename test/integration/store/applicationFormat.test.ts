import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApplication } from '../../../main/services/applications/createApplication';
import { applicationJsonSchema } from '../../../main/services/applicationJsonSchema';
import { openStore, type Store } from './storeFixture';

const docs = path.resolve(import.meta.dirname, '../../../docs');
let store: Store;
afterEach(() => store?.close());

describe('docs/application-format.md', () => {
  it('publishes the JSON Schema generated from zod (regenerate with `yekuo schema > docs/application.schema.json`)', () => {
    const published = JSON.parse(fs.readFileSync(path.join(docs, 'application.schema.json'), 'utf8')) as unknown;
    expect(published).toEqual(applicationJsonSchema());
  });

  it('its example file is accepted as it stands', () => {
    store = openStore();
    const example = JSON.parse(fs.readFileSync(path.join(docs, 'examples', 'application-new-lvn.json'), 'utf8'));
    expect(createApplication(store.ctx('clerk'), example)).toMatchObject({ businessType: 'NEW_LVN', stage: 'ACCEPT' });
  });
});
