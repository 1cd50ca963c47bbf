/**
 * Passwords for the CLI: from an environment variable (scripts) or typed at a terminal without echo, never
 * from a command-line argument (it would show in `ps` and the shell history).
 */
import { CliFailure, EXIT } from './runtime';

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl-C aborts. */
function askHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  // Echo off before the prompt shows: typed right after it, a password was echoed while the mode was still
  // being set (cliPasswordPrompt.test.ts caught it at a pseudo-terminal).
  stdin.setRawMode(true);
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new CliFailure(EXIT.USAGE, '已取消。', 'cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.setEncoding('utf8');
    stdin.resume();
    stdin.on('data', onData);
  });
}

export interface PasswordSource {
  /** Environment variable a script sets. */
  env: string;
  /** What the prompt asks for, in Chinese and English. */
  prompt: string;
  /** A new password is typed twice at a terminal. */
  confirm?: boolean;
}

export async function readPassword({ env, prompt, confirm = false }: PasswordSource): Promise<string> {
  const fromEnv = process.env[env];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CliFailure(
      EXIT.USAGE,
      `需要密码：请在终端中运行以便输入，或由脚本设置环境变量 ${env}（不要把密码写在命令行参数里）。`,
      `a password is needed: run at a terminal or set ${env}`,
    );
  }
  const first = await askHidden(`${prompt}：`);
  if (confirm && (await askHidden('再输入一次 / again：')) !== first) {
    throw new CliFailure(EXIT.USAGE, '两次输入的密码不一致，未作任何修改：请重新执行。', 'the passwords differ');
  }
  return first;
}
