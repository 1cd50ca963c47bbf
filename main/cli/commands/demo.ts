import type { Command } from 'commander';
import { z } from 'zod';
import { DEMO_DOCUMENT_SETTINGS, ensureDemoDocumentSettings } from '../../services/demo/demoDocumentSettings';
import { addDemoCustomers } from '../../services/demo/demoCustomers';
import { runDemo } from '../../services/demo/runDemo';
import { requireHall } from '../../services/hall';
import { parseOptions, printJson } from '../cliInput';
import { withContext } from '../withContext';

const demoOptions = z.object({
  count: z.coerce.number().int().min(1).max(5_000_000).describe('数量'),
  seed: z.coerce.number().int().min(0).describe('随机种子'),
  days: z.coerce.number().int().min(1).max(3650).describe('天数'),
});

/**
 * Progress on stderr: one line rewritten in place on a terminal, a line per tenth otherwise (a log or a pipe), so
 * a long generation is never silent and never floods.
 */
function demoProgress(count: number): (done: number) => void {
  let nextTenth = 1;
  return (done) => {
    const percent = Math.floor((done / count) * 100);
    if (process.stderr.isTTY) {
      process.stderr.write(`\r已生成 ${done}/${count}（${percent}%）${done === count ? '\n' : ''}`);
    } else if (done * 10 >= nextTenth * count) {
      nextTenth = Math.floor((done * 10) / count) + 1;
      process.stderr.write(`已生成 ${done}/${count}（${percent}%）\n`);
    }
  };
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      '生成确定性的演示申请（全部业务类型、分类与环节，含供电方案）/ generate deterministic demo applications',
    )
    .requiredOption('--count <n>', '申请数量 / number of applications')
    .option('--seed <s>', '随机种子，相同种子生成相同数据 / PRNG seed', '1')
    .option('--days <d>', '受理日期分布的天数（截至今天）/ days the acceptance dates span, ending today', '365')
    .action((raw: { count: string; seed: string; days: string }) =>
      withContext(program, 'admin', (ctx, json) => {
        const options = parseOptions(demoOptions, raw);
        requireHall(ctx);
        if (ensureDemoDocumentSettings(ctx) && !json) {
          process.stdout.write(`未设置文书抬头，已填入演示抬头：${DEMO_DOCUMENT_SETTINGS.utilityName}\n`);
        }
        const started = performance.now();
        const progress = demoProgress(options.count);
        const result = runDemo(ctx, {
          count: options.count,
          seed: options.seed,
          days: options.days,
          onProgress: (done) => {
            if (!json) progress(done);
          },
        });
        const customers = addDemoCustomers(ctx);
        const seconds = (performance.now() - started) / 1000;
        if (json) printJson({ ...result, portraitStories: customers.created, seconds });
        else {
          process.stdout.write(
            `已生成 ${result.created} 件演示申请（${result.moves} 次流程操作，${result.schemes} 份已审批供电方案，用时 ${seconds.toFixed(1)} 秒），编号 ${result.firstNumber} … ${result.lastNumber}${customers.created ? `；另加 ${customers.created} 件客户画像演示申请（老客户的历次业务）` : ''}\n`,
          );
        }
      }),
    );
}
