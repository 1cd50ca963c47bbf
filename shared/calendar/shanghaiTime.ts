/** Asia/Shanghai keeps UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** An ISO instant as `YYYY-MM-DD HH:mm` in Asia/Shanghai, the way screens and evidence show a time. */
export function shanghaiDateTime(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
