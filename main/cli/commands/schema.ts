import type { Command } from 'commander';
import { applicationJsonSchema } from '../../services/applicationJsonSchema';
import { printJson } from '../cliInput';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('输出申请 JSON 格式的 JSON Schema（由 zod 生成）/ print the JSON Schema of application files')
    .action(() => printJson(applicationJsonSchema()));
}
