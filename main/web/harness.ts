/**
 * The web harness: serves the built renderer and `POST /rpc/<channel>` through the same handler table as
 * Electron's IPC. For development and tests only; it listens on 127.0.0.1 and answers only requests whose
 * Host header names that address (no DNS-rebinding path from a web page to the hall's data).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../ipc/dispatch';
import { supportLog } from '../log/supportLog';
import type { HandlerContext } from '../ipc/context';

const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** A body over the limit is read and thrown away up to this size, so the client reads the 413 (not a reset). */
const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;

/** On every response: no page of another site may frame the harness (clickjacking). */
const FRAMING_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
};

class BodyTooLarge extends Error {}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

export interface HarnessOptions {
  port: number;
  staticDir: string;
  context: HandlerContext;
}

export interface RunningHarness {
  url: string;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions): Promise<RunningHarness> {
  const server = http.createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      supportLog(options.context.dataDir).error({ event: 'harness-error', err: error }, '内部错误');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function handle(options: HarnessOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(FRAMING_HEADERS)) res.setHeader(name, value);
  const port = (req.socket.address() as AddressInfo).port;
  if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) {
    res.writeHead(421).end();
    return;
  }
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname.startsWith('/rpc/')) {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const channel = decodePath(url.pathname.slice(5));
    if (channel === null) {
      sendError(res, 400, '请求地址含有无效的百分号编码。');
      return;
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      sendError(res, 413, `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，未处理。`);
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      sendJson(res, { ok: false, error: { code: 'BAD_INPUT', message: '请求内容不是合法的 JSON。' } });
      return;
    }
    sendJson(res, await dispatch(options.context, channel, input));
    return;
  }
  serveStatic(options.staticDir, url.pathname, res);
}

/** The body as text, or BodyTooLarge once it is read past the limit (the rest is drained, not kept). */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
      if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

/** decodeURIComponent, or null for a malformed %-escape (which it would throw on). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function sendError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message } }));
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const decoded = decodePath(pathname);
  if (decoded === null) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('请求地址含有无效的百分号编码。');
    return;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
    return;
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}
