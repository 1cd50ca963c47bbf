/**
 * The support log: one JSON line per event in `<data folder>/logs/yekuo.log` (pino), for the help desk. It records
 * events and failures, never personal data: every line passes through `redact` (keys by name, and ID numbers,
 * credit codes and phone numbers inside any text, error messages and stacks included).
 *
 * Use: `supportLog(dataDir).info({ event: 'backup', file }, '备份完成')`, `.warn(...)`, `.error({ event, err }, …)`.
 * The file is rotated at the first use in a process when it is over 5 MB (yekuo.1.log … yekuo.3.log kept).
 */
import fs from 'node:fs';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { SupportLogView } from '../../shared/api/backups';

export const LOG_DIR = 'logs';
export const LOG_FILE = 'yekuo.log';
const ROTATE_BYTES = 5 * 1024 * 1024;
const KEEP = 3;

/** Keys whose values never reach the log, at any depth. */
export const REDACTED_KEYS = new Set([
  'idnumber',
  'uscc',
  'phone',
  'mobile',
  'password',
  'newpassword',
  'oldpassword',
  'passwordhash',
  'salt',
  'key',
  'token',
  'cookie',
  'legalrep',
  'contactphone',
  'address',
  'name',
  'customername',
]);

// 18-character resident ID or unified social credit code, and mainland mobile or fixed-line numbers.
const PATTERNS: [RegExp, string][] = [
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, '[身份证号]'],
  [/(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g, '[信用代码]'],
  [/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[手机号]'],
  [/(?<![0-9A-Za-z-])0\d{2,3}-?\d{7,8}(?![0-9A-Za-z-])/g, '[电话]'],
];

export function redactText(text: string): string {
  return PATTERNS.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}

/** A copy of `value` with personal data masked: keys by name, patterns in every string. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  // Errors are redacted here, before pino's serializer would see them: their message and stack may quote a record.
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactText(value.message),
      stack: redactText(value.stack ?? ''),
      ...(redact({ ...value }, depth + 1) as object),
    };
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = REDACTED_KEYS.has(key.toLowerCase()) ? '[已隐去]' : redact(child, depth + 1);
  }
  return out;
}

function rotate(file: string): void {
  try {
    if (fs.statSync(file).size <= ROTATE_BYTES) return;
  } catch {
    return;
  }
  const numbered = (n: number) => file.replace(/\.log$/, `.${n}.log`);
  fs.rmSync(numbered(KEEP), { force: true });
  for (let n = KEEP - 1; n >= 1; n--) if (fs.existsSync(numbered(n))) fs.renameSync(numbered(n), numbered(n + 1));
  fs.renameSync(file, numbered(1));
}

const open = new Map<string, Logger>();

/** The support log of a data folder (one per folder and process). */
export function supportLog(dataDir: string): Logger {
  const file = supportLogFile(dataDir);
  const existing = open.get(file);
  if (existing) return existing;
  let destination;
  try {
    // A read-only data folder: no write is even attempted there (the app opened it for reading only).
    const probe = fs.existsSync(path.dirname(file)) ? path.dirname(file) : dataDir;
    if (fs.existsSync(probe)) fs.accessSync(probe, fs.constants.W_OK);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    rotate(file);
    // Synchronous: the line of a failure is on disk before the process can die of it.
    destination = pino.destination({ dest: file, sync: true, mode: 0o600 });
  } catch {
    // A read-only data folder (or a full disk): the log is silent rather than failing what was asked.
    const silent = pino({ enabled: false });
    open.set(file, silent);
    return silent;
  }
  const logger = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are already plain objects from redact; pino's own err serializer would rename their type.
      serializers: { err: (err: unknown) => err },
      formatters: { log: (object) => redact(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
  open.set(file, logger);
  return logger;
}

export function supportLogFile(dataDir: string): string {
  return path.join(dataDir, LOG_DIR, LOG_FILE);
}

/** What 系统设置 shows and saves as a copy for the help desk: the last 256 KB. */
export function supportLogView(dataDir: string): SupportLogView {
  const maxBytes = 256 * 1024;
  const file = supportLogFile(dataDir);
  const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
  return { file, text: logTail(dataDir, maxBytes), truncated: size > maxBytes };
}

/** 启动: one line per start of the desktop's services or the web harness, with what runs on which schema. */
export function logStart(dataDir: string, host: 'desktop' | 'web', version: string, schemaVersion: number): void {
  supportLog(dataDir).info({ event: 'start', host, version, schemaVersion, platform: process.platform }, '启动');
}

/** The last `maxBytes` of the log, whole lines only: for 系统设置 and the help desk. */
export function logTail(dataDir: string, maxBytes = 64 * 1024): string {
  const file = supportLogFile(dataDir);
  if (!fs.existsSync(file)) return '';
  const size = fs.statSync(file).size;
  const start = Math.max(0, size - maxBytes);
  const buffer = Buffer.alloc(size - start);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    fs.closeSync(fd);
  }
  const text = buffer.toString('utf8');
  return start === 0 ? text : text.slice(text.indexOf('\n') + 1);
}
