import { z } from 'zod';

/**
 * What a clerk reads when a value has the wrong shape, for the issues a schema gives no message of its own:
 * plain Chinese, no type names ("期望 string，实际接收 undefined") and no code lists. The field's label is
 * put before it by zodProblems. Returns undefined for the issues left to zod's zh-CN locale
 * (unknown keys: only a caller outside the app sends them, and the keys named help that developer).
 */
export function plainIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return '请填写';
      if (issue.expected === 'number' || issue.expected === 'int') return '请填写数字';
      if (issue.expected === 'boolean') return '请选择是或否';
      if (issue.expected === 'array') return '请逐项填写';
      return '填写的内容不正确，请重新填写';
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '请填写' : `至少填写 ${min} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? '请至少填写一项' : `至少填写 ${min} 项`;
      return issue.inclusive ? `不能小于 ${min}` : `须大于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过 ${max} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${max} 项`;
      return issue.inclusive ? `不能大于 ${max}` : `须小于 ${max}`;
    }
    case 'invalid_value':
      return issue.input === undefined || issue.input === null || issue.input === '' ? '请选择' : '请从下拉列表中选择';
    case 'invalid_format':
      return '格式不正确，请按提示填写';
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? '请填写整数' : `须为 ${Number(issue.divisor)} 的整数倍`;
    default:
      return undefined;
  }
}

// Every boundary message is Chinese: our plain messages first, zod's built-in zh-CN locale for the rest. A
// message a schema sets itself ('日期格式应为 YYYY-MM-DD') still wins over both.
z.config(z.locales.zhCN());
z.config({ customError: (issue) => plainIssueMessage(issue) });
