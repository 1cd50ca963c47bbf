/**
 * Where resources/ (fonts, templates) is, found lazily because the same code runs from source (tsx, vitest:
 * import.meta.url), bundled as CommonJS for Electron (no import.meta; __dirname is out/main/app) and packaged
 * (electron-builder copies resources/ to process.resourcesPath). YEKUO_RESOURCES overrides all of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

function candidates(): string[] {
  const list: string[] = [];
  if (process.env.YEKUO_RESOURCES) list.push(process.env.YEKUO_RESOURCES);
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged) list.push(path.join(packaged, 'resources'));
  const url = (import.meta as { url?: string }).url;
  if (url) list.push(fileURLToPath(new URL('../../resources', url)));
  if (typeof __dirname === 'string') list.push(path.resolve(__dirname, '../../../resources'));
  list.push(path.resolve('resources'));
  return list;
}

export function resourceDir(): string {
  found ??= candidates().find((dir) => fs.existsSync(path.join(dir, 'fonts')));
  if (!found) throw new Error(`找不到程序资源目录（字体与文书模板），已查找：${candidates().join('；')}`);
  return found;
}
