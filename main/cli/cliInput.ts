import fs from 'node:fs';
import type { z } from 'zod';
import { joinProblemMessages } from '../../shared/api/result';
import { zodProblems } from '../../shared/api/zodProblems';
import { CliFailure, EXIT } from './runtime';

/** Parses command-line values with the channel's own schema, so the CLI accepts exactly what the UI may send. */
export function parseOptions<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = zodProblems(parsed.error, schema);
  throw new CliFailure(
    EXIT.USAGE,
    `参数有误：${joinProblemMessages(problems.map((p) => p.message))}`,
    'bad arguments',
    problems,
  );
}

/** Reads a JSON file; a missing, unreadable or non-JSON file is bad input (exit 2), named in both languages. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw new CliFailure(EXIT.USAGE, `无法读取文件 ${file}（${code || '读取失败'}）。`, `cannot read file ${file}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliFailure(
      EXIT.USAGE,
      `文件 ${file} 不是合法的 JSON：${detail}。请检查括号、引号与逗号。`,
      `file ${file} is not valid JSON: ${detail}`,
    );
  }
}

/** Comma-separated list option → array (undefined when absent). */
export const list = (value: string | undefined): string[] | undefined =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
