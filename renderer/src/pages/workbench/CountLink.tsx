import type { CSSProperties } from 'react';
import type { ApplicationFilterInput } from '../../../../shared/api/applications';
import { hashOf } from '../../shell/routes';

export const formatCount = (n: number) => n.toLocaleString('zh-CN');

const LINK: CSSProperties = { textDecoration: 'underline', textUnderlineOffset: '0.2em' };

/**
 * A 工作台 count that opens 申请查询 on exactly the applications it counts (`filter`, from shared/api/workbench),
 * the ones due first as the panels list them. A plain link: Tab reaches it, Enter opens it, the hash keeps the
 * filter. Its name says what opens ("查看 我的待办 超期 11 件"); the visible number is part of it. A zero opens
 * nothing worth seeing and stays plain text, so the keyboard does not stop at every empty cell.
 */
export function CountLink({
  n,
  label,
  filter,
  unit = false,
  color,
}: {
  n: number;
  /** What is counted, e.g. "我的待办 超期". */
  label: string;
  filter: ApplicationFilterInput;
  /** Show "件" after the number (where no heading says what the number counts). */
  unit?: boolean;
  color?: string | undefined;
}) {
  if (n === 0) {
    return (
      <span style={color ? { color } : undefined}>
        {formatCount(n)}
        {unit && ' 件'}
      </span>
    );
  }
  return (
    <a
      href={hashOf({ key: 'query', query: { ...filter, order: 'dueAsc' } })}
      aria-label={`查看 ${label} ${formatCount(n)} 件`}
      style={{ ...LINK, color: color ?? 'inherit' }}
    >
      {formatCount(n)}
      {unit && ' 件'}
    </a>
  );
}

/** Under a panel that lists only its first rows: 查看全部 N 件 opens 申请查询 on the whole queue. */
export function QueueLink({ n, label, filter }: { n: number; label: string; filter: ApplicationFilterInput }) {
  return (
    <a href={hashOf({ key: 'query', query: { ...filter, order: 'dueAsc' } })} style={LINK}>
      {`查看全部 ${formatCount(n)} 件（${label}）›`}
    </a>
  );
}
