/**
 * Reads and validates a template from resources/templates; parsed once per process. `<id>.json` is the version
 * new documents print with; every earlier version stays in `archive/<id>@<version>.json`, so a contract signed
 * under it (the contract row records id and version) regenerates its 副本 byte for byte.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resourceDir } from '../resourceDir';
import { templateSchema, type DocumentTemplate } from './templateSchema';

const cache = new Map<string, DocumentTemplate>();

function readTemplate(file: string, name: string): DocumentTemplate {
  const parsed = templateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`文书模板 ${name} 格式错误：${parsed.error.message}`);
  return parsed.data;
}

/** The current version of a template, or the given one (current or archived). */
export function loadTemplate(id: string, version?: string): DocumentTemplate {
  const key = `${id}@${version ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const dir = path.join(resourceDir(), 'templates');
  let template = readTemplate(path.join(dir, `${id}.json`), id);
  if (version !== undefined && template.version !== version) {
    const archived = path.join(dir, 'archive', `${id}@${version}.json`);
    if (!fs.existsSync(archived)) throw new Error(`找不到文书模板 ${id} 的 v${version}（现行为 v${template.version}）`);
    template = readTemplate(archived, `${id}@${version}`);
    if (template.version !== version)
      throw new Error(`文书模板文件 ${id}@${version}.json 的版本为 ${template.version}`);
  }
  if (template.id !== id) throw new Error(`文书模板文件 ${id}.json 的 id 为 ${template.id}`);
  cache.set(key, template);
  return template;
}
