import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  DELIVERY_STATE_LABELS,
  exportInputs,
  type ExportBatchInfo,
  type ExportProgress,
} from '../../../shared/api/export';
import { createExportBatch } from '../../export/createBatch';
import { readExportSettings, updateExportSettings } from '../../export/exportSettings';
import { exportStatus, hallKeysOf } from '../../export/exportStatus';
import { deliverPendingToFolder, resendToFolder } from '../../export/folderDelivery';
import { deliverOutbox } from '../../export/hqDelivery';
import { parseOptions, printJson } from '../cliInput';
import { CliFailure, EXIT } from '../runtime';
import { withContext } from '../withContext';

const exportOptions = z
  .object({
    out: z.string().min(1).optional().describe('导出文件夹'),
    to: z
      .string()
      .regex(/^https?:\/\/\S+$/, '总部接收地址应以 http:// 或 https:// 开头')
      .optional()
      .describe('总部接收地址'),
    resend: z.coerce.number().int().min(1, '批次号应为正整数').optional().describe('重新发送的批次号'),
  })
  .refine((o) => o.out !== undefined || o.to !== undefined, {
    message: '请用 --out 目录 指定导出文件夹，或用 --to 地址 发往总部接收服务',
    path: ['out'],
  })
  .refine((o) => o.resend === undefined || o.out !== undefined, {
    message: '重新发送需用 --out 目录 指定写入的文件夹',
    path: ['out'],
  });

const PHASE_LABELS = { read: '已读取', bundle: '已打包' } as const;

/** One progress line per phase on a terminal: tables done and rows so far, rewritten in place. */
function progressLine(json: boolean): ((p: ExportProgress) => void) | undefined {
  if (json || !process.stderr.isTTY) return undefined;
  return (p) => {
    if (p.phase === 'deliver') return;
    process.stderr.write(`\r${PHASE_LABELS[p.phase]} ${p.tablesDone}/${p.tables} 张表，共 ${p.rows} 行`);
    if (p.tablesDone === p.tables) process.stderr.write('\n');
  };
}

const rowTotal = (batch: ExportBatchInfo) => Object.values(batch.rows).reduce((a, b) => a + b, 0);

const settingsOptions = z.object({
  hqUrl: z.string().optional(),
  hqKey: z.string().optional(),
  folder: z.string().optional(),
  schedule: z.enum(['off', 'daily', 'signOut']).optional(),
  at: z.string().optional(),
  privacy: z.string().optional(),
  receiptWorkdays: z.string().optional(),
  pdfs: z.boolean().optional(),
});

function readKeyFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliFailure(EXIT.USAGE, `无法读取总部公钥文件 ${file}。`, `cannot read ${file}`);
  }
}

function registerSettings(command: Command, program: Command): void {
  command
    .command('settings')
    .description('导出设置：总部地址与公钥、导出文件夹、计划 / export settings')
    .option('--hq-url <url>', '总部接收地址，如 https://hq.example/yekuo/ / HQ receiver address')
    .option('--hq-key <file>', '总部公钥文件 hq.pub（回执用它核验）/ HQ public key')
    .option('--folder <dir>', '导出文件夹（共享盘或 U 盘，空字符串为不用）/ delivery folder')
    .option('--schedule <kind>', 'off | daily | signOut：不定时、每日定时、签退时 / schedule')
    .option('--at <HH:MM>', '每日导出时间（与 --schedule daily 一起）/ daily time')
    .option('--privacy <mode>', 'full | masked：完整或脱敏的证件号与电话 / personal data')
    .option('--receipt-workdays <n>', '超过 n 个工作日未收到回执即在工作台提醒 / receipt limit')
    .option('--pdfs', '附带 PDF 文件 / attach the PDFs')
    .action((raw: z.infer<typeof settingsOptions>) =>
      withContext(program, 'export.updateSettings', (ctx, json) => {
        const options = settingsOptions.parse(raw);
        const current = readExportSettings(ctx.db);
        const schedule =
          options.schedule === undefined
            ? undefined
            : options.schedule === 'daily'
              ? { kind: 'daily', at: options.at ?? (current.schedule.kind === 'daily' ? current.schedule.at : '') }
              : { kind: options.schedule };
        const change = parseOptions(exportInputs.updateSettings, {
          ...(options.hqUrl !== undefined ? { hqUrl: options.hqUrl } : {}),
          ...(options.hqKey !== undefined ? { hqPublicKey: readKeyFile(options.hqKey) } : {}),
          ...(options.folder !== undefined ? { folder: options.folder } : {}),
          ...(schedule ? { schedule } : {}),
          ...(options.privacy !== undefined ? { privacy: options.privacy } : {}),
          ...(options.receiptWorkdays !== undefined ? { receiptWorkdays: Number(options.receiptWorkdays) } : {}),
          ...(options.pdfs ? { includePdfs: true } : {}),
        });
        const saved = updateExportSettings(ctx, change);
        const status = exportStatus(ctx);
        if (json) printJson({ ...saved, hqKeyFingerprint: status.hqKeyFingerprint });
        else {
          process.stdout.write(
            `已保存导出设置：总部地址 ${saved.hqUrl || '未设置'}，总部公钥 ${status.hqKeyFingerprint ?? '未登记'}，` +
              `导出文件夹 ${saved.folder || '未设置'}，计划 ${saved.schedule.kind === 'daily' ? `每日 ${saved.schedule.at}` : saved.schedule.kind}\n`,
          );
        }
      }),
    );
}

export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .description('向总部导出增量签名数据包 / export a signed incremental bundle for headquarters')
    .option('--out <dir>', '导出文件夹（共享盘或 U 盘）/ delivery folder')
    .option('--to <url>', '发往总部接收服务（yekuo hq serve），发送所有未收到回执的批次 / deliver the outbox')
    .option('--resend <n>', '重新发送第 n 批（字节完全相同）/ re-send batch n byte-identically')
    .action((raw: { out?: string; to?: string; resend?: string }) =>
      withContext(program, raw.resend === undefined ? 'export.run' : 'export.resend', async (ctx, json) => {
        const options = parseOptions(exportOptions, raw);
        const keys = hallKeysOf(ctx);
        if (options.resend !== undefined) {
          const batch = resendToFolder(ctx, options.resend, options.out!, keys);
          if (json) printJson(batch);
          else process.stdout.write(`已重新发送第 ${batch.batch} 批：${batch.file}（sha256 ${batch.sha256}）\n`);
          return;
        }
        const progress = progressLine(json);
        const created = await createExportBatch(ctx, { keys, ...(progress ? { onProgress: progress } : {}) });
        const delivered = options.out ? deliverPendingToFolder(ctx, options.out, keys) : [];
        const outbox = options.to
          ? await deliverOutbox(ctx, {
              url: options.to,
              hqPublicKey: readExportSettings(ctx.db).hqPublicKey,
              dueOnly: false,
            })
          : null;
        if (json) printJson({ created, delivered: delivered.map((b) => b.batch), sent: outbox });
        else {
          if (created) {
            process.stdout.write(
              `已生成第 ${created.batch} 批（变更序号 ${created.fromSeq}–${created.toSeq}，${rowTotal(created)} 行，${created.size} 字节）：${created.file}\n`,
            );
          } else process.stdout.write('自上一批以来没有新的变更，未生成新批次。\n');
          for (const batch of delivered) process.stdout.write(`已写入 ${options.out}：${batch.file}\n`);
          for (const batch of outbox?.delivered ?? []) process.stdout.write(`第 ${batch} 批已送达总部（回执已核验）\n`);
        }
        if (outbox?.failed) {
          throw new CliFailure(
            EXIT.REJECTED,
            `第 ${outbox.failed.batch} 批未送达总部：${outbox.failed.message}。已留在待发送队列，下次自动重试时间 ${outbox.failed.nextSendAt}。`,
            'delivery to HQ failed; the batch stays in the outbox',
          );
        }
      }),
    );
  registerSettings(command, program);
  command
    .command('status')
    .description('导出批次与送达状态 / batches and delivery state')
    .option('--json', '以 JSON 输出 / print JSON')
    .action((sub: { json?: boolean }) =>
      withContext(program, 'export.status', (ctx, json) => {
        const status = exportStatus(ctx);
        if (json || sub.json) {
          printJson(status);
          return;
        }
        process.stdout.write(
          `营业厅 ${status.hallCode}：已导出至变更序号 ${status.watermark}，当前 ${status.currentSeq}（待导出 ${status.currentSeq - status.watermark} 次变更）\n`,
        );
        for (const b of status.batches) {
          const retry = b.lastSendError ? `  上次发送失败：${b.lastSendError}（下次 ${b.nextSendAt ?? '-'}）` : '';
          process.stdout.write(
            `第 ${b.batch} 批  ${b.createdAt}  序号 ${b.fromSeq}–${b.toSeq}  ${rowTotal(b)} 行  ${b.size} 字节  ${DELIVERY_STATE_LABELS[b.delivery]}  ${b.file}${retry}\n`,
          );
        }
        if (status.overdueReceipts.length) {
          process.stdout.write(`超过期限未收到总部回执：第 ${status.overdueReceipts.join('、')} 批\n`);
        }
      }),
    );
}
