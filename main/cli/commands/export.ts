import type { Command } from 'commander';
import { z } from 'zod';
import { DELIVERY_STATE_LABELS } from '../../../shared/api/export';
import { createExportBatch } from '../../export/createBatch';
import { exportStatus, hallKeysOf } from '../../export/exportStatus';
import { deliverPendingToFolder, resendToFolder } from '../../export/folderDelivery';
import { parseOptions, printJson } from '../cliInput';
import { withContext } from '../withContext';

const exportOptions = z.object({
  out: z.string().min(1, '请用 --out 目录 指定导出文件夹').describe('导出文件夹'),
  resend: z.coerce.number().int().min(1, '批次号应为正整数').optional().describe('重新发送的批次号'),
});

export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .description('向总部导出增量签名数据包 / export a signed incremental bundle for headquarters')
    .option('--out <dir>', '导出文件夹（共享盘或 U 盘）/ delivery folder')
    .option('--resend <n>', '重新发送第 n 批（字节完全相同）/ re-send batch n byte-identically')
    .action((raw: { out?: string; resend?: string }) =>
      withContext(program, async (ctx, json) => {
        const options = parseOptions(exportOptions, raw);
        const keys = hallKeysOf(ctx);
        if (options.resend !== undefined) {
          const batch = resendToFolder(ctx, options.resend, options.out, keys);
          if (json) printJson(batch);
          else process.stdout.write(`已重新发送第 ${batch.batch} 批：${batch.file}（sha256 ${batch.sha256}）\n`);
          return;
        }
        const created = await createExportBatch(ctx, {
          keys,
          onProgress: (p) => {
            if (!json && process.stderr.isTTY) process.stderr.write(`\r已导出 ${p.tablesDone}/${p.tables} 张表`);
          },
        });
        const delivered = deliverPendingToFolder(ctx, options.out, keys);
        if (json) {
          printJson({ created, delivered: delivered.map((b) => b.batch) });
          return;
        }
        if (created) {
          const rows = Object.values(created.rows).reduce((a, b) => a + b, 0);
          process.stdout.write(
            `已生成第 ${created.batch} 批（变更序号 ${created.fromSeq}–${created.toSeq}，${rows} 行，${created.size} 字节）：${created.file}\n`,
          );
        } else process.stdout.write('自上一批以来没有新的变更，未生成新批次。\n');
        for (const batch of delivered) process.stdout.write(`已写入 ${options.out}：${batch.file}\n`);
      }),
    );
  command
    .command('status')
    .description('导出批次与送达状态 / batches and delivery state')
    .option('--json', '以 JSON 输出 / print JSON')
    .action((sub: { json?: boolean }) =>
      withContext(program, (ctx, json) => {
        const status = exportStatus(ctx);
        if (json || sub.json) {
          printJson(status);
          return;
        }
        process.stdout.write(
          `营业厅 ${status.hallCode}：已导出至变更序号 ${status.watermark}，当前 ${status.currentSeq}（待导出 ${status.currentSeq - status.watermark} 次变更）\n`,
        );
        for (const b of status.batches) {
          const rows = Object.values(b.rows).reduce((x, y) => x + y, 0);
          process.stdout.write(
            `第 ${b.batch} 批  ${b.createdAt}  序号 ${b.fromSeq}–${b.toSeq}  ${rows} 行  ${b.size} 字节  ${DELIVERY_STATE_LABELS[b.delivery]}  ${b.file}\n`,
          );
        }
      }),
    );
}
