import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { writeFileDurably } from '../../export/createBatch';
import { hallKeysOf } from '../../export/exportStatus';
import { requireHall } from '../../services/hall';
import { printJson } from '../cliInput';
import { withContext } from '../withContext';

export function registerHall(program: Command): void {
  const hall = program.command('hall').description('营业厅 / the hall');
  hall
    .command('pubkey')
    .description('导出营业厅签名公钥，供总部登记 / write the hall public key for HQ to register')
    .requiredOption('--out <file>', '公钥文件（如 hall-NJ0101.pub）/ output file')
    .action((options: { out: string }) =>
      withContext(program, 'hall.get', (ctx, json) => {
        const info = requireHall(ctx);
        const keys = hallKeysOf(ctx);
        const file = path.resolve(options.out);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        writeFileDurably(file, keys.publicKeyPem);
        if (json) printJson({ hallCode: info.code, file, fingerprint: keys.fingerprint });
        else process.stdout.write(`已写入营业厅 ${info.code} 的公钥：${file}\n指纹 sha256：${keys.fingerprint}\n`);
      }),
    );
}
