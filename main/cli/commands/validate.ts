/**
 * `yekuo validate --stage STAGE FILE.json [--json]`: every issue of an application record (or of each record of
 * a JSON array). Exit 0 when nothing blocks, 1 when an error or an unacknowledged warning remains.
 */
import type { Command } from 'commander';
import { STAGES } from '../../../shared/domain/codes';
import { isIsoDate } from '../../../shared/calendar/isoDate';
import { normalizeApplication } from '../../../shared/domain/normalize';
import {
  blockingErrors,
  DEFAULT_PROFILE,
  evaluate,
  loadProfile,
  readDraft,
  unacknowledgedWarnings,
  type RuleProfile,
} from '../../../shared/rules';
import { readJsonFile } from '../readValues';
import { CliFailure, EXIT } from '../runtime';

interface ValidateOptions {
  stage: string;
  profile?: string;
  today?: string;
  json?: boolean;
}

function readOrFail(file: string): unknown {
  try {
    return readJsonFile(file);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliFailure(EXIT.USAGE, `无法读取 JSON 文件“${file}”：${detail}`, `cannot read JSON file: ${file}`);
  }
}

function profileFrom(file: string | undefined): RuleProfile {
  if (!file) return DEFAULT_PROFILE;
  const load = loadProfile(readOrFail(file));
  if (!load.ok) for (const problem of load.problems) process.stderr.write(`警告：${problem}\n`);
  return load.profile;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('按规则目录检查申请记录（JSON 文件，可为数组）/ check application records against the rule catalogue')
    .requiredOption('--stage <stage>', `办理环节 / stage: ${STAGES.join(', ')}`)
    .option('--profile <file>', '省级规则配置 JSON / province profile JSON')
    .option('--today <date>', '按此日期检查（YYYY-MM-DD，默认今天）/ check as of this date')
    .argument('<file>', '申请记录 JSON 文件（“-”为标准输入）/ application JSON file (- for stdin)')
    .action((file: string, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<ValidateOptions>();
      if (!(STAGES as readonly string[]).includes(options.stage)) {
        throw new CliFailure(EXIT.USAGE, `环节“${options.stage}”无效，请用：${STAGES.join('、')}。`, 'unknown stage');
      }
      if (options.today !== undefined && !isIsoDate(options.today)) {
        throw new CliFailure(EXIT.USAGE, '--today 须为 YYYY-MM-DD 格式的日期。', 'bad --today');
      }
      const input = readOrFail(file);
      const records = (Array.isArray(input) ? input : [input]).map(normalizeApplication);
      const context = { profile: profileFrom(options.profile), ...(options.today ? { today: options.today } : {}) };
      let blocked = 0;
      for (const [index, record] of records.entries()) {
        const result = evaluate(record, options.stage, context);
        const errors = blockingErrors(result);
        const pending = unacknowledgedWarnings(result, readDraft(record).acknowledgements);
        const ok = errors.length === 0 && pending.length === 0;
        if (!ok) blocked++;
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ index, ok, errors: errors.length, unacknowledgedWarnings: pending.length, issues: result.issues })}\n`,
          );
          continue;
        }
        const prefix = records.length > 1 ? `#${index + 1}\t` : '';
        for (const issue of result.issues) {
          const acknowledged = issue.severity === 'warning' && !pending.includes(issue);
          const level = issue.severity === 'error' ? '错误' : acknowledged ? '警告（已确认）' : '警告';
          process.stdout.write(`${prefix}${level}\t${issue.ruleId}\t${issue.field}\t${issue.message}\n`);
        }
        process.stdout.write(
          `${prefix}${ok ? '通过' : '不通过'}：${errors.length} 个错误，${pending.length} 个未确认的警告。\n`,
        );
      }
      process.exitCode = blocked > 0 ? EXIT.REJECTED : EXIT.OK;
    });
}
