/**
 * The web harness when the hall database is refused at start-up: every page is the recovery page, every /rpc
 * call a typed STORAGE error, so the browser never shows a white screen or a stack trace. The page offers
 * the newest good backup; its 恢复此备份 form (POST /restore, same origin, this process's token) restores it,
 * and the harness then starts on the same port with the restored database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../db/connection';
import { openHallDatabase } from '../db/readOnlyFolder';
import { keyFileFor, loadKeyFile } from '../db/databaseKey';
import { DatabaseRefused } from '../db/startupCheck';
import { restoreRefusedDatabase } from '../services/recovery/recoveryBackups';
import { recoveryDesk, recoveryInfo, RESTORE_PATH, type RecoveryDesk } from '../services/recovery/recoveryDesk';

const HEADERS = { 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' };

function readForm(request: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 4096) request.destroy();
    });
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

/** Serves the page until a restore succeeds; resolves with the reopened database and the port it used. */
function serveRecovery(
  port: number,
  desk: RecoveryDesk<Db>,
  message: string,
): Promise<{ url: string; restored: Promise<{ db: Db; port: number }> }> {
  let done: (value: { db: Db; port: number }) => void = () => undefined;
  const restored = new Promise<{ db: Db; port: number }>((resolve) => {
    done = resolve;
  });
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/rpc/')) {
      response.writeHead(503, { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ ok: false, error: { code: 'STORAGE', message } }));
      return;
    }
    if (request.method === 'POST' && request.url === RESTORE_PATH) {
      void answerRestore(request, response);
      return;
    }
    response.writeHead(200, { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
    response.end(desk.page);
  });
  const answerRestore = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const form = await readForm(request);
    const answer = desk.restore(form, request.headers.origin === `http://${request.headers.host}`);
    response.writeHead(answer.status, { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' });
    response.end(answer.html);
    if (answer.restored === undefined) return;
    // The harness takes this port over: stop listening and drop open connections before it starts.
    const bound = (server.address() as AddressInfo).port;
    server.close();
    server.closeAllConnections();
    done({ db: answer.restored, port: bound });
  };
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, restored });
    });
  });
}

/**
 * Opens the hall database (read-only on a read-only folder); when it is refused, serves the recovery page on `port` instead, until a restore
 * from the page succeeds (then the restored database and the port the page used) or the process is stopped.
 */
export async function openOrServeRecovery(options: {
  port: number;
  dataDir: string;
  keyFile?: string;
}): Promise<{ db: Db; port: number }> {
  try {
    return { db: openHallDatabase(options.dataDir, { keyFile: options.keyFile }), port: options.port };
  } catch (error) {
    if (!(error instanceof DatabaseRefused)) throw error;
    const keyFile = keyFileFor(options.dataDir, options.keyFile);
    const desk = recoveryDesk(
      recoveryInfo(error, options.dataDir),
      (name) => restoreRefusedDatabase(options.dataDir, name, loadKeyFile(keyFile, false)).db,
    );
    const { url, restored } = await serveRecovery(options.port, desk, error.message);
    console.log(`listening ${url} (recovery page: ${error.reason}, data: ${options.dataDir})`);
    const stop = () => process.exit(0);
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    const result = await restored;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    return result;
  }
}
