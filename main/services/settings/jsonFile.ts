import { joinProblemMessages } from '../../../shared/api/result';
import { AppError } from '../errors';

/** Parses the text of a file the administrator chose; a syntax error is refused in Chinese, naming the file. */
export function parseJsonFile(text: string, label: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'BAD_INPUT',
      `${label}不是有效的 JSON（${detail}），未载入，当前设置不变：请用文本编辑器检查该文件后重新载入。`,
      [{ field: 'text', ruleId: 'SCHEMA', severity: 'error', message: `${label}不是有效的 JSON（${detail}）。` }],
    );
  }
}

/** A refusal listing every problem of the file, each under the file's field. */
export function refuseFile(label: string, problems: string[]): AppError {
  return new AppError(
    'BAD_INPUT',
    `${label}未载入，当前设置不变：${joinProblemMessages(problems)}`,
    problems.map((message) => ({ field: 'text', ruleId: 'SCHEMA', severity: 'error' as const, message })),
  );
}
