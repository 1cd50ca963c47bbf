/**
 * The web harness when the hall database is refused at start-up: every page is the recovery page, every /rpc
 * call a typed STORAGE error, so the browser never shows a white screen or a stack trace. The page offers
 * the newest good backup; its 恢复此备份 form (POST /restore, same origin, this process's token) restores it,
 * and the harness then starts on the same port with the restored database.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase, type Db } from '../db/connection';
import { keyFileFor, loadKeyFile } from '../db/databaseKey';
import { DatabaseRefused } from '../db/startupCheck';
import { recoveryBackups, restoreRefusedDatabase } from '../services/recovery/recoveryBackups';
import { recoveryOutcomeHtml, recoveryPageHtml, type RecoveryInfo } from '../services/recovery/recoveryPage';

const HEADERS = { 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' };
const RESTORE_PATH = '/restore';

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
  info: RecoveryInfo,
  restore: (name: string) => Db,
): Promise<{ url: string; restored: Promise<{ db: Db; port: number }> }> {
  const token = randomBytes(16).toString('hex');
  const page = recoveryPageHtml({ ...info, restoreForm: { action: RESTORE_PATH, token } });
  let done: (value: { db: Db; port: number }) => void = () => undefined;
  const restored = new Promise<{ db: Db; port: number }>((resolve) => {
    done = resolve;
  });
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/rpc/')) {
      response.writeHead(503, { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ ok: false, error: { code: 'STORAGE', message: info.message } }));
      return;
    }
    if (request.method === 'POST' && request.url === RESTORE_PATH) {
      void answerRestore(request, response);
      return;
    }
    response.writeHead(200, { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  const answerRestore = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const html = (status: number, body: string) => {
      response.writeHead(status, { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8', Connection: 'close' });
      response.end(body);
    };
    // Only this page may ask: the same origin (a web page elsewhere cannot) and the token it was given.
    const form = await readForm(request);
    if (request.headers.origin !== `http://${request.headers.host}` || form.get('token') !== token) {
      html(403, recoveryOutcomeHtml(false, '拒绝请求', '只接受本恢复页发出的恢复请求。', '返回恢复页'));
      return;
    }
    let db: Db;
    try {
      db = restore(form.get('file') ?? '');
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      html(200, recoveryOutcomeHtml(false, '未能恢复', text, '返回恢复页'));
      return;
    }
    const bound = (server.address() as AddressInfo).port;
    html(
      200,
      recoveryOutcomeHtml(
        true,
        '已从备份恢复',
        '数据库已换为所选备份，损坏的文件另存为 yekuo.sqlite.before-restore。备份之后办理的业务请核对后补录。',
        '进入系统并登录',
      ),
    );
    // The harness takes this port over: stop listening and drop open connections before it starts.
    server.close();
    server.closeAllConnections();
    done({ db, port: bound });
  };
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, restored });
    });
  });
}

/**
 * Opens the hall database; when it is refused, serves the recovery page on `port` instead, until a restore
 * from the page succeeds (then the restored database and the port the page used) or the process is stopped.
 */
export async function openOrServeRecovery(
  file: string,
  options: { port: number; dataDir: string; keyFile?: string },
): Promise<{ db: Db; port: number }> {
  try {
    return { db: openDatabase(file, { keyFile: options.keyFile }), port: options.port };
  } catch (error) {
    if (!(error instanceof DatabaseRefused)) throw error;
    const keyFile = keyFileFor(options.dataDir, options.keyFile);
    const { url, restored } = await serveRecovery(
      options.port,
      {
        reason: error.reason,
        file: error.file,
        dataDir: options.dataDir,
        message: error.message,
        // A newer database is never restored over (the page says to upgrade the client).
        ...(error.reason === 'NEWER' ? {} : { backups: recoveryBackups(options.dataDir) }),
      },
      (name) => restoreRefusedDatabase(options.dataDir, name, loadKeyFile(keyFile, false)).db,
    );
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
