/**
 * 送达总部: the outbox. Every recorded batch without HQ's receipt is POSTed, oldest first, to the HQ receiver
 * (`yekuo hq serve`); a batch counts as delivered only when HQ's signed receipt verifies with the registered HQ
 * key and names this hall, this batch and these bundle bytes. A failure (HQ unreachable, a refusal, a bad
 * receipt) is recorded on the batch with the next attempt's time, backing off from 1 minute to 6 hours, and
 * the run stops there so batches reach HQ in order. Nothing is lost: a batch stays in the outbox until receipted.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import {
  markReceipt,
  markSendFailure,
  unacknowledgedBatches,
  type ExportBatchRow,
} from '../db/repositories/exportRepo';
import type { HandlerContext } from '../ipc/context';
import { AppError } from '../services/errors';
import { requireHall } from '../services/hall';
import { storedBundle } from './folderDelivery';
import { checkReceipt } from './receipt';

const FIRST_RETRY_MS = 60_000;
const LAST_RETRY_MS = 6 * 3_600_000;
const SEND_TIMEOUT_MS = 120_000;

/** The wait before attempt `attempts + 1`: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts, 20));
}

export const NO_HQ_KEY =
  '尚未登记总部公钥，无法核验回执，未发送：请系统管理员用 yekuo export settings --hq-key hq.pub 登记总部提供的公钥。';

export interface OutboxRun {
  url: string;
  hqPublicKey: string;
  /** Only batches whose next attempt is due (the scheduler); false: every unreceipted batch now (立即导出, CLI). */
  dueOnly: boolean;
}

export interface OutboxResult {
  delivered: number[];
  /** The batch that failed and why; later batches were not tried. */
  failed: { batch: number; message: string; nextSendAt: string } | null;
}

interface Answer {
  status: number;
  body: string;
}

/** POSTs the bundle file, streamed; resolves with HQ's status and body, rejects when HQ cannot be reached. */
function post(url: URL, file: string, name: string): Promise<Answer> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/zip',
          'content-length': fs.statSync(file).size,
          'x-yekuo-bundle': name,
        },
        timeout: SEND_TIMEOUT_MS,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('等待总部应答超时')));
    request.on('error', reject);
    fs.createReadStream(file).on('error', reject).pipe(request);
  });
}

function refusalText(answer: Answer): string {
  try {
    const message = (JSON.parse(answer.body) as { error?: { message?: string } }).error?.message;
    if (message) return `总部拒收（HTTP ${answer.status}）：${message}`;
  } catch {
    // not our receiver's JSON: say what came back
  }
  return `总部接收地址应答 HTTP ${answer.status}，不是本程序的接收服务：请检查总部接收地址。`;
}

/** Sends one batch; returns null when receipted, else the reason. */
async function sendOne(ctx: HandlerContext, row: ExportBatchRow, run: OutboxRun, hallCode: string) {
  const file = storedBundle(ctx, row);
  let answer: Answer;
  try {
    answer = await post(new URL('bundles', run.url.endsWith('/') ? run.url : `${run.url}/`), file, row.file);
  } catch (error) {
    return `无法连接总部接收地址 ${run.url}：${error instanceof Error ? error.message : String(error)}`;
  }
  if (answer.status !== 200) return refusalText(answer);
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return '总部的回执不是 JSON，未视为送达';
  }
  const checked = checkReceipt(json, run.hqPublicKey, { hallCode, batch: row.batch_no, bundleSha256: row.sha256 });
  if (!checked.ok) return checked.reason;
  markReceipt(ctx.db, row.batch_no, JSON.stringify(checked.receipt), (ctx.now?.() ?? new Date()).toISOString());
  return null;
}

export async function deliverOutbox(ctx: HandlerContext, run: OutboxRun): Promise<OutboxResult> {
  if (!run.hqPublicKey) throw new AppError('ILLEGAL_STATE', NO_HQ_KEY);
  const hallCode = requireHall(ctx).code;
  const now = () => ctx.now?.() ?? new Date();
  const delivered: number[] = [];
  for (const row of unacknowledgedBatches(ctx.db)) {
    // In order: while the oldest batch waits for its retry, the later ones wait too.
    if (run.dueOnly && row.next_send_at !== null && row.next_send_at > now().toISOString()) break;
    const problem = await sendOne(ctx, row, run, hallCode);
    if (problem === null) {
      delivered.push(row.batch_no);
      continue;
    }
    const nextSendAt = new Date(now().getTime() + retryDelayMs(row.send_attempts)).toISOString();
    markSendFailure(ctx.db, row.batch_no, problem, nextSendAt);
    return { delivered, failed: { batch: row.batch_no, message: problem, nextSendAt } };
  }
  return { delivered, failed: null };
}
