/**
 * `yekuo check ric|uscc|phone VALUE... [--json]`: one line per value (value, valid/invalid, reason), or one
 * JSON object per line. Exit 0 when every value is valid, 1 when any is invalid.
 */
import type { Command } from 'commander';
import { todayInShanghai } from '../../../shared/calendar/isoDate';
import { checkMobile, checkRic, checkUscc, identifierMessage, isValidId, type IdCheck } from '../../../shared/rules';
import { readValues } from '../readValues';
import { CliFailure, EXIT } from '../runtime';

const KINDS: Record<string, { label: string; check: (value: string) => IdCheck }> = {
  ric: { label: '身份证号码', check: (value) => checkRic(value, todayInShanghai()) },
  uscc: { label: '统一社会信用代码', check: checkUscc },
  phone: { label: '号码', check: checkMobile },
};

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      '校验身份证号码、统一社会信用代码或手机号码（“-”表示从标准输入逐行读取）/ check ID, credit-code or mobile numbers (- reads stdin)',
    )
    .argument('<kind>', 'ric | uscc | phone')
    .argument('[values...]', '待校验的值 / values to check')
    .action((kind: string, args: string[], _options: unknown, command: Command) => {
      const spec = KINDS[kind];
      if (!spec) {
        throw new CliFailure(
          EXIT.USAGE,
          `不支持的校验类型“${kind}”，请用 ric、uscc 或 phone。`,
          `unknown kind: ${kind}`,
        );
      }
      const values = readValues(args);
      if (values.length === 0) {
        throw new CliFailure(EXIT.USAGE, '请给出要校验的值，或用“-”从标准输入读取。', 'no values given');
      }
      const json = Boolean(command.optsWithGlobals<{ json?: boolean }>().json);
      const lines: string[] = [];
      let invalid = 0;
      for (const value of values) {
        const result = spec.check(value);
        const valid = isValidId(result);
        if (!valid) invalid++;
        const errors = result.problems.filter((p) => p.severity === 'error');
        const warnings = result.problems.filter((p) => p.severity === 'warning');
        const reason = errors[0] ? identifierMessage(errors[0], spec.label) : null;
        const notes = warnings.map((p) => identifierMessage(p, spec.label));
        if (json) {
          lines.push(JSON.stringify({ value, valid, reason, normalized: result.normalized, warnings: notes }));
        } else {
          lines.push(
            [value, valid ? 'valid' : 'invalid', reason ?? notes.join(' ')].filter((c) => c !== '').join('\t'),
          );
        }
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      process.exitCode = invalid > 0 ? EXIT.REJECTED : EXIT.OK;
    });
}
