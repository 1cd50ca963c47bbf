import type { Command } from 'commander';
import { auditEntriesOf, verifyAuditOf } from '../../services/audit';
import { printJson } from '../cliInput';
import { auditText } from '../format';
import { CliFailure, EXIT } from '../runtime';
import { withContext } from '../withContext';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计日志 / audit trail');
  audit
    .command('verify')
    .description(
      '校验审计日志哈希链、各数据行与签名链头 / verify the hash chain, every audited row and the signed chain heads',
    )
    .action(() =>
      withContext(program, 'audit.verify', (ctx, json) => {
        const result = verifyAuditOf(ctx);
        if (json) printJson(result);
        else process.stdout.write(auditText(result));
        if (!result.ok) process.exitCode = EXIT.REJECTED;
      }),
    );
  audit
    .command('show <number>')
    .description('显示一件申请的审计记录 / audit entries of one application')
    .action((number: string) =>
      withContext(program, 'audit.forApplication', (ctx) => {
        const entries = auditEntriesOf(ctx.db, 'application', number);
        if (entries.length === 0) {
          throw new CliFailure(EXIT.REJECTED, `申请 ${number} 没有审计记录：请核对编号。`, 'no audit entries');
        }
        printJson(entries);
      }),
    );
}
