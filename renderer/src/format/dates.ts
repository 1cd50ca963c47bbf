/** Dates are shown and entered as YYYY-MM-DD in Asia/Shanghai, whatever the PC's time zone. */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInShanghai(now: Date = new Date()): string {
  return SHANGHAI_DATE.format(now);
}

const SHANGHAI_DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO timestamp as `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function formatDateTime(iso: string): string {
  const parts = Object.fromEntries(SHANGHAI_DATE_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
