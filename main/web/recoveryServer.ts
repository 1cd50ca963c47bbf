/**
 * The web harness when the hall database is refused at start-up: every page is the recovery page, every /rpc
 * call a typed STORAGE error, so the browser never shows a white screen or a stack trace.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Db } from '../db/connection';
import { DatabaseRefused } from '../db/startupCheck';
import { recoveryPageHtml, type RecoveryInfo } from '../services/recovery/recoveryPage';

function serveRecovery(port: number, info: RecoveryInfo): Promise<string> {
  const page = recoveryPageHtml(info);
  const server = http.createServer((request, response) => {
    const headers = { 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' };
    if (request.url?.startsWith('/rpc/')) {
      response.writeHead(503, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ ok: false, error: { code: 'STORAGE', message: info.message } }));
      return;
    }
    response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    });
  });
}

/**
 * Opens the hall database; when it is refused, serves the recovery page on `port` instead and never resolves
 * (the process stays up showing the page until it is stopped).
 */
export async function openOrServeRecovery(
  file: string,
  options: { port: number; dataDir: string; keyFile?: string },
): Promise<Db> {
  try {
    return openDatabase(file, { keyFile: options.keyFile });
  } catch (error) {
    if (!(error instanceof DatabaseRefused)) throw error;
    const url = await serveRecovery(options.port, {
      reason: error.reason,
      file: error.file,
      dataDir: options.dataDir,
      message: error.message,
    });
    console.log(`listening ${url} (recovery page: ${error.reason}, data: ${options.dataDir})`);
    const stop = () => process.exit(0);
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return new Promise<never>(() => undefined);
  }
}
