/** Reads and validates a template from resources/templates; parsed once per process. */
import fs from 'node:fs';
import path from 'node:path';
import { resourceDir } from '../resourceDir';
import { templateSchema, type DocumentTemplate } from './templateSchema';

const cache = new Map<string, DocumentTemplate>();

export function loadTemplate(id: string): DocumentTemplate {
  const cached = cache.get(id);
  if (cached) return cached;
  const file = path.join(resourceDir(), 'templates', `${id}.json`);
  const parsed = templateSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`文书模板 ${id} 格式错误：${parsed.error.message}`);
  if (parsed.data.id !== id) throw new Error(`文书模板文件 ${id}.json 的 id 为 ${parsed.data.id}`);
  cache.set(id, parsed.data);
  return parsed.data;
}
