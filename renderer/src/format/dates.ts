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

/** An ISO timestamp as `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export { shanghaiDateTime as formatDateTime } from '../../../shared/calendar/shanghaiTime';
