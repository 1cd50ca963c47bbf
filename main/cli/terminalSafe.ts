/**
 * What the CLI prints from stored text must not drive the terminal: an address holding ESC sequences could clear
 * the screen, recolour or retitle it, or hide a link (OSC 8); a bare CR overwrites the line before it; bidi
 * overrides reorder what is shown. Such characters are printed as visible \uXXXX escapes instead. Newline and tab
 * stay (the CLI's own layout); JSON output is unaffected (JSON.stringify already escapes controls).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point.
  /\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Routes every string the process writes to stdout and stderr through terminalSafe. */
export function makeOutputTerminalSafe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(typeof chunk === 'string' ? terminalSafe(chunk) : chunk, ...rest)) as typeof stream.write;
  }
}
