/**
 * The `yekuo` command. Subcommands live in ./commands, one registration function each, and call the same
 * services as the handler table.
 */
import { Command, CommanderError } from 'commander';
import { ownerOnlyFromNowOn } from '../db/dataFolder';
import { APP_VERSION } from '../services/appVersion';
import { registerApp } from './commands/app';
import { registerAudit } from './commands/audit';
import { registerBackup } from './commands/backup';
import { registerDemo } from './commands/demo';
import { registerExport } from './commands/export';
import { registerHall } from './commands/hall';
import { registerHq } from './commands/hq';
import { registerCalendar } from './commands/calendar';
import { registerCheck } from './commands/check';
import { registerInfo } from './commands/info';
import { registerValidate } from './commands/validate';
import { registerInit } from './commands/init';
import { registerPdf } from './commands/pdf';
import { registerPortrait } from './commands/portrait';
import { registerSchema } from './commands/schema';
import { registerScheme } from './commands/scheme';
import { registerRisk } from './commands/risk';
import { registerSearch } from './commands/search';
import { registerStats } from './commands/stats';
import { registerUser } from './commands/user';
import { EXIT, failureFrom, printFailure, type GlobalOptions } from './runtime';
import { makeOutputTerminalSafe } from './terminalSafe';

makeOutputTerminalSafe();

ownerOnlyFromNowOn();

const program = new Command('yekuo')
  .description('业扩报装营业厅客户端 命令行 / Yekuo Desk command line')
  .version(APP_VERSION)
  .option('--data <dir>', '数据目录（默认取环境变量 YEKUO_DATA）/ data folder (default: $YEKUO_DATA)')
  .option(
    '--key-file <file>',
    '数据库密钥文件（默认取环境变量 YEKUO_KEY_FILE，再默认 数据目录/keys/database.key）/ database key file',
  )
  .option(
    '--user <staffNo>',
    '以此工号的用户执行（默认取环境变量 YEKUO_USER；密码取自 YEKUO_PASSWORD 或终端输入）/ act as this user',
  )
  .option('--json', '以 JSON 输出 / print JSON')
  .exitOverride()
  .showHelpAfterError();

registerInfo(program);
registerCheck(program);
registerValidate(program);
registerCalendar(program);
registerInit(program);
registerDemo(program);
registerApp(program);
registerSearch(program);
registerAudit(program);
registerRisk(program);
registerBackup(program);
registerPdf(program);
registerSchema(program);
registerScheme(program);
registerExport(program);
registerHall(program);
registerHq(program);
registerStats(program);
registerPortrait(program);
registerUser(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other commander error is bad usage.
    process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  } else {
    const failure = failureFrom(error);
    printFailure(failure, Boolean(program.opts<GlobalOptions>().json));
    process.exitCode = failure.exitCode;
  }
}
