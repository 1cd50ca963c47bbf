/**
 * `yekuo hq`: headquarters' side — register hall keys, import bundles, report — on PostgreSQL (--pg URL, the
 * province) or SQLite (--db FILE, a county HQ). Independent of a hall's --data folder.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { importBundle, readHallKeyFile, type HqStore } from '../../hq/hqStore';
import { hqReport, type HqReport } from '../../hq/hqReport';
import { openPgHq } from '../../hq/pgHq';
import { BundleRefused } from '../../hq/readBundle';
import { openSqliteHq } from '../../hq/sqliteHq';
import { startHqServer } from '../../hq/hqServer';
import { fileKeyStore } from '../../services/keys/fileKeyStore';
import { loadOrCreateHallKeys, type HallKeys } from '../../services/keys/hallKeys';
import { writeFileDurably } from '../../export/createBatch';
import { printJson } from '../cliInput';
import { CliFailure, EXIT, type GlobalOptions } from '../runtime';

interface HqOptions {
  pg?: string;
  db?: string;
}

async function openHq(options: HqOptions): Promise<HqStore> {
  const pgUrl = options.pg ?? process.env.YEKUO_HQ_PG;
  if (pgUrl && options.db) {
    throw new CliFailure(EXIT.USAGE, '--pg 与 --db 只能指定一个。', 'pass either --pg or --db');
  }
  if (options.db) return openSqliteHq(path.resolve(options.db));
  if (pgUrl) {
    try {
      return await openPgHq(pgUrl);
    } catch (error) {
      throw new CliFailure(EXIT.USAGE, (error as Error).message, 'cannot connect to PostgreSQL');
    }
  }
  throw new CliFailure(
    EXIT.USAGE,
    '请用 --pg postgres://… 指定总部 PostgreSQL 数据库，或用 --db 文件 指定 SQLite 数据库。',
    'no HQ store: pass --pg URL or --db FILE',
  );
}

async function withHq<T>(hq: Command, run: (store: HqStore) => Promise<T>): Promise<T> {
  const store = await openHq(hq.opts<HqOptions>());
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** HQ's own key pair (it signs receipts), kept in a mode-600 file; created on first use. */
function hqKeysOf(file: string | undefined): HallKeys {
  const keyFile = file ?? process.env.YEKUO_HQ_KEY;
  if (!keyFile) {
    throw new CliFailure(
      EXIT.USAGE,
      '请用 --key 文件 指定总部签名密钥（不存在时创建，权限 600），或设置环境变量 YEKUO_HQ_KEY。',
      'no HQ key: pass --key FILE or set YEKUO_HQ_KEY',
    );
  }
  return loadOrCreateHallKeys(fileKeyStore(path.resolve(keyFile)));
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function reportText(report: HqReport): string {
  const lines = [`总部汇总（${report.today}，超过 ${report.silentAfterDays} 天未送数视为失联）`];
  for (const hall of report.halls) {
    lines.push(
      `\n营业厅 ${hall.hallCode}：申请 ${hall.applications} 件；最近批次 ${hall.lastBatch ?? '无'}${hall.lastBatchCreatedAt ? `（生成于 ${hall.lastBatchCreatedAt}）` : ''}${hall.silent ? '；【失联】' : ''}${hall.gaps.length ? `；缺失批次 ${hall.gaps.join('、')}` : ''}`,
      `  业务类型：${Object.entries(hall.byBusinessType)
        .map(([k, v]) => `${k} ${v}`)
        .join('，')}`,
      `  环节：${Object.entries(hall.byStage)
        .map(([k, v]) => `${k} ${v}`)
        .join('，')}`,
      `  时限状态：${Object.entries(hall.byDeadlineState)
        .map(([k, v]) => `${k} ${v}`)
        .join('，')}`,
    );
    for (const g of hall.gettingElectricity) {
      lines.push(
        `  获得电力 ${g.timeLimitClass}：已装电 ${g.connected} 件，受理→装电 中位数 ${g.medianWorkdays ?? '-'} 个工作日，P90 ${g.p90Workdays ?? '-'}，承诺 ${g.promiseWorkdays}，超承诺 ${g.overPromise} 件`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function registerHq(program: Command): void {
  const hq = program
    .command('hq')
    .description('总部：登记营业厅公钥、导入数据包、汇总报表 / headquarters: keys, import, report')
    .option('--pg <url>', '总部 PostgreSQL 地址（默认取环境变量 YEKUO_HQ_PG）/ PostgreSQL URL')
    .option('--db <file>', '总部 SQLite 数据库文件（县级总部）/ SQLite file');
  const json = () => Boolean(program.opts<GlobalOptions>().json);

  const keys = hq.command('keys').description('营业厅公钥 / hall public keys');
  keys
    .command('add <file>')
    .description('登记营业厅公钥 hall-<编码>.pub / register a hall key')
    .action((file: string) =>
      withHq(hq, async (store) => {
        let key;
        try {
          key = readHallKeyFile(path.resolve(file));
        } catch (error) {
          if (error instanceof BundleRefused) throw new CliFailure(EXIT.USAGE, error.message, 'bad key file');
          throw new CliFailure(EXIT.USAGE, `无法读取公钥文件 ${file}。`, `cannot read ${file}`);
        }
        await store.addKey(key.hallCode, key.publicKeyPem, new Date().toISOString());
        if (json()) printJson({ hallCode: key.hallCode, fingerprint: key.fingerprint });
        else process.stdout.write(`已登记营业厅 ${key.hallCode} 的公钥，指纹 sha256：${key.fingerprint}\n`);
      }),
    );
  keys
    .command('list')
    .description('已登记的营业厅 / registered halls')
    .action(() =>
      withHq(hq, async (store) => {
        const halls = (await store.halls()).map(({ publicKeyPem: _pem, ...hall }) => hall);
        if (json()) printJson(halls);
        else for (const h of halls) process.stdout.write(`${h.hallCode}  ${h.fingerprint}  登记于 ${h.addedAt}\n`);
      }),
    );
  hq.command('import <bundles...>')
    .description('校验并导入数据包（可重复导入，不会重复计数）/ verify and import bundles')
    .action((bundles: string[]) =>
      withHq(hq, async (store) => {
        const outcomes = [];
        for (const bundle of [...bundles].sort()) {
          try {
            outcomes.push(await importBundle(store, path.resolve(bundle)));
          } catch (error) {
            const detail = error instanceof Error ? error.message : String(error);
            throw new CliFailure(
              EXIT.REJECTED,
              `导入 ${path.basename(bundle)} 时总部数据库出错，本数据包未导入（事务已回滚）：${detail}。请检查数据库后重新执行 yekuo hq import（已导入的数据包会自动跳过）。`,
              'HQ database failed during import; rolled back',
            );
          }
        }
        if (json()) printJson(outcomes);
        for (const o of outcomes) {
          if (json()) break;
          if (o.status === 'imported') {
            process.stdout.write(
              `已导入 ${path.basename(o.file)}：营业厅 ${o.hallCode} 第 ${o.batch} 批，${o.rows} 行${o.gaps.length ? `；发现缺失批次 ${o.gaps.join('、')}，已标记` : ''}${o.fillsGap ? '（补齐缺失批次）' : ''}\n`,
            );
          } else if (o.status === 'duplicate') {
            process.stdout.write(
              `未改动 ${path.basename(o.file)}：营业厅 ${o.hallCode} 第 ${o.batch} 批已于 ${o.importedAt} 导入。\n`,
            );
          } else process.stderr.write(`拒绝导入 ${o.message}\n`);
        }
        if (outcomes.some((o) => o.status === 'refused')) process.exitCode = EXIT.REJECTED;
      }),
    );
  hq.command('pubkey')
    .description('写出总部公钥 hq.pub，交给各营业厅登记 / write HQ public key for the halls')
    .option('--key <file>', '总部签名密钥文件（默认 YEKUO_HQ_KEY）/ HQ private key file')
    .requiredOption('--out <file>', '公钥文件，例如 hq.pub / public key file')
    .action((options: { key?: string; out: string }) => {
      const keys = hqKeysOf(options.key);
      writeFileDurably(path.resolve(options.out), keys.publicKeyPem);
      if (json()) printJson({ fingerprint: keys.fingerprint, file: path.resolve(options.out) });
      else process.stdout.write(`已写出总部公钥 ${options.out}，指纹 sha256：${keys.fingerprint}\n`);
    });
  hq.command('serve')
    .description('总部接收服务：接收营业厅数据包、导入并回签回执 / HQ receiver')
    .option('--port <p>', '端口 / port', '8714')
    .option('--listen <addr>', '监听地址（默认只监听本机 127.0.0.1；对外服务请放在 TLS 反向代理之后）/ listen address')
    .option('--key <file>', '总部签名密钥文件（默认 YEKUO_HQ_KEY，不存在时创建）/ HQ private key file')
    .option('--max-mb <n>', '单个数据包上限（MB）/ largest bundle accepted', '2048')
    .action(async (options: { port: string; listen?: string; key?: string; maxMb: string }) => {
      const port = Number(options.port);
      const maxMb = Number(options.maxMb);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new CliFailure(EXIT.USAGE, '--port 应为 0–65535 的整数。', 'bad --port');
      }
      if (!Number.isInteger(maxMb) || maxMb < 1)
        throw new CliFailure(EXIT.USAGE, '--max-mb 应为正整数。', 'bad --max-mb');
      const keys = hqKeysOf(options.key);
      const store = await openHq(hq.opts<HqOptions>());
      const host = options.listen ?? '127.0.0.1';
      let server;
      try {
        server = await startHqServer({
          store,
          keys,
          host,
          port,
          maxBytes: maxMb * 1024 * 1024,
          onOutcome: (o) =>
            process.stdout.write(
              o.status === 'refused'
                ? `拒绝导入 ${o.message}\n`
                : `${o.status === 'imported' ? '已导入' : '未改动'} 营业厅 ${o.hallCode} 第 ${o.batch} 批，已回签回执\n`,
            ),
        });
      } catch (error) {
        await store.close();
        throw new CliFailure(EXIT.USAGE, `无法在 ${host}:${port} 监听：${(error as Error).message}`, 'cannot listen');
      }
      if (!LOOPBACK.has(host)) {
        process.stderr.write(
          '注意：接收服务监听在非本机地址上，本服务不做 TLS，请只经由 TLS 反向代理对外提供（docs/hq.md）。\n',
        );
      }
      process.stdout.write(`listening ${server.url}（总部公钥指纹 ${keys.fingerprint}）\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      await store.close();
    });
  hq.command('report')
    .description('各营业厅汇总：业务类型、环节、时限状态、获得电力、送数情况 / per-hall report')
    .option('--json', '以 JSON 输出 / print JSON')
    .option('--silent-days <n>', '超过 n 天未送数视为失联 / days before a hall counts as silent', '2')
    .action((options: { json?: boolean; silentDays: string }) =>
      withHq(hq, async (store) => {
        const days = Number(options.silentDays);
        if (!Number.isInteger(days) || days < 1) {
          throw new CliFailure(EXIT.USAGE, '--silent-days 应为正整数（天数）。', 'bad --silent-days');
        }
        const report = await hqReport(store, new Date(), days);
        if (json() || options.json) printJson(report);
        else process.stdout.write(reportText(report));
      }),
    );
}
