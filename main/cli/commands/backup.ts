import type { Command } from 'commander';
import { verifyAuditOf } from '../../services/audit';
import { createBackup } from '../../services/backup/backups';
import type { BackupCheck } from '../../services/backup/manifest';
import { checkPassed } from '../../services/backup/checkBackup';
import { restoreDatabase } from '../../services/backup/restore';
import { setSecondBackupFolder } from '../../services/backup/settings';
import { printJson } from '../cliInput';
import { EXIT } from '../runtime';
import { withContext } from '../withContext';

function checkText(check: BackupCheck): string {
  const audit = check.auditOk ? `审计链 ${check.auditChecked} 条通过` : `审计校验未通过：${check.auditMessage ?? ''}`;
  return `完整性检查 ${check.integrity}，${audit}`;
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('备份数据库（加密，写入后校验）/ back up the database (encrypted, checked after writing)')
    .option('--out <dir>', '备份到此目录（默认 数据目录/backups，并复制到第二备份目录）/ target folder')
    .option('--second-folder <dir>', '设置第二备份目录（U 盘或网络共享）/ set the second backup folder')
    .option('--no-second-folder', '取消第二备份目录 / clear the second backup folder')
    .action((options: { out?: string; secondFolder?: string | false }) =>
      withContext(program, 'admin', (ctx, json) => {
        if (options.secondFolder !== undefined) {
          setSecondBackupFolder(ctx, options.secondFolder === false ? null : options.secondFolder);
        }
        const record = createBackup(ctx, { kind: 'manual', dir: options.out });
        if (json) printJson(record);
        else {
          process.stdout.write(`已备份：${record.file}（${record.size} 字节）\n校验：${checkText(record.check)}\n`);
          if (record.secondCopy) {
            process.stdout.write(
              record.secondCopy.ok
                ? `已复制到第二备份目录 ${record.secondCopy.folder}\n`
                : `${record.secondCopy.message ?? ''}\n`,
            );
          }
        }
        if (!checkPassed(record.check)) process.exitCode = EXIT.REJECTED;
      }),
    );
  program
    .command('restore <file>')
    .description(
      '从备份恢复数据库（先校验备份，当前数据库另存为 *.before-restore）/ restore the database from a backup',
    )
    .action((file: string) =>
      withContext(program, 'admin', (ctx, json) => {
        const restored = restoreDatabase(ctx, file);
        ctx.db = restored.db;
        const verify = verifyAuditOf(ctx);
        if (json) printJson({ check: restored.check, before: restored.before, auditVerify: verify });
        else {
          process.stdout.write(
            `已从 ${file} 恢复；原数据库另存为 ${restored.before}\n恢复后审计校验：${verify.ok ? `通过（${verify.checked} 条）` : '未通过'}\n`,
          );
        }
        if (!verify.ok) process.exitCode = EXIT.REJECTED;
      }),
    );
}
