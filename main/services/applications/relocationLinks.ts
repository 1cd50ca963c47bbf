/**
 * What the link between a 迁址 and the 销户 of its old site means for moves (oldSiteClosure.ts): the 迁址 is
 * archived only after the old site is closed; cancelling the 迁址 cancels the closing too (the customer stays at
 * the old site); the closing cannot be cancelled on its own while its 迁址 goes on.
 */
import { BUSINESS_TYPE_INFO, STAGE_LABELS, type BusinessType, type Stage } from '../../../shared/domain/codes';
import { linkedApplications, type LinkedApplicationRow } from '../../db/repositories/applicationLinkRepo';
import type { ApplicationRow } from '../../db/repositories/applicationRepo';
import type { Db } from '../../db/connection';
import { AppError } from '../errors';

const OPEN = new Set(['ACTIVE', 'SUSPENDED']);

const oldSiteClosuresOf = (db: Db, relocId: number): LinkedApplicationRow[] =>
  linkedApplications(db, relocId).filter((link) => link.kind === 'RELOC_OLD_SITE' && link.is_owner === 0);

/** Archiving a 迁址: its old site must be closed (the closing archived) first. */
export function requireOldSiteClosed(db: Db, row: ApplicationRow): void {
  if (row.business_type !== 'RELOC') return;
  const pending = oldSiteClosuresOf(db, row.id).filter((closure) => closure.status !== 'ARCHIVED');
  const first = pending[0];
  if (!first) return;
  throw new AppError(
    'ILLEGAL_STATE',
    `迁址申请 ${row.number} 归档前须先办结原址销户 ${first.number}（当前环节：${STAGE_LABELS[first.stage as Stage]}）：请先办理并归档该销户申请。`,
  );
}

/** Cancelling an old site's closing on its own: refused while its 迁址 is open. */
export function refuseLoneClosureCancel(db: Db, row: ApplicationRow): void {
  if (row.business_type !== 'CLOSE') return;
  const reloc = linkedApplications(db, row.id).find(
    (link) => link.kind === 'RELOC_OLD_SITE' && link.is_owner === 1 && OPEN.has(link.status),
  );
  if (!reloc) return;
  const label = BUSINESS_TYPE_INFO[reloc.business_type as BusinessType].label;
  throw new AppError(
    'ILLEGAL_STATE',
    `${row.number} 是${label}申请 ${reloc.number} 的原址销户，不能单独终止：如客户不再迁址，请终止迁址申请，原址销户随之终止。`,
  );
}

/** Numbers of the open closings to cancel with the 迁址 `relocId`. */
export function openOldSiteClosures(db: Db, relocId: number): string[] {
  return oldSiteClosuresOf(db, relocId)
    .filter((closure) => OPEN.has(closure.status))
    .map((closure) => closure.number);
}
