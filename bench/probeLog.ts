/** What the 1,000,000-application probes print: one line per figure, with the time of day and the load average. */
import os from 'node:os';

const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

export const log = (...a: unknown[]) => console.log(new Date().toISOString().slice(11, 19), `load ${load()}`, ...a);

/** The result of `f` and the milliseconds it took. */
export const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

export const ms = (t: number) => `${t.toFixed(1)} ms`;
