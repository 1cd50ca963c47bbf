/**
 * The check of a backup copy after writing it and before restoring it: the copy opens with the database key,
 * `PRAGMA integrity_check` says ok, and `audit verify` (chain, audited rows, signed heads) passes on the copy.
 */
import { openDatabaseFile, type Db } from '../../db/databaseFile';
import type { DatabaseKey } from '../../db/databaseKey';
import { getHall } from '../../db/repositories/hallRepo';
import { verifyAudit } from '../audit';
import type { HallKeys } from '../keys/hallKeys';
import type { BackupCheck } from './manifest';

/** Throws the opening refusal (wrong key, not a database) as it is; any other problem is in the result. */
export function checkBackupFile(
  file: string,
  key: DatabaseKey | null,
  hallKeys: HallKeys | undefined,
  now: Date,
): BackupCheck {
  const db = openDatabaseFile(file, { key, readonly: true });
  try {
    return checksOf(db, hallKeys, now);
  } catch (error) {
    // A damaged page met while checking (SQLITE_CORRUPT): the copy fails its check, it is not a crash.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      integrity: `无法读取：${detail}`,
      auditOk: false,
      auditChecked: 0,
      schemaVersion: 0,
      checkedAt: now.toISOString(),
    };
  } finally {
    db.close();
  }
}

function checksOf(db: Db, hallKeys: HallKeys | undefined, now: Date): BackupCheck {
  const integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'ok';
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const hasAudit = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'").get();
  const audit = hasAudit ? verifyAudit(db, hallKeys) : undefined;
  return {
    integrity,
    auditOk: audit?.ok ?? false,
    auditChecked: audit?.checked ?? 0,
    ...(audit === undefined
      ? { auditMessage: '没有审计日志（不是营业厅数据库）' }
      : audit.ok
        ? {}
        : { auditMessage: auditProblem(audit) }),
    schemaVersion,
    ...(hasAudit ? { hallCode: getHall(db)?.code } : {}),
    checkedAt: now.toISOString(),
  };
}

export function checkPassed(check: BackupCheck): boolean {
  return check.integrity === 'ok' && check.auditOk;
}

function auditProblem(audit: ReturnType<typeof verifyAudit>): string {
  if (audit.firstBad) return `审计链第 ${audit.firstBad.id} 条：${audit.firstBad.problem}`;
  const row = audit.rows?.problems[0];
  if (row) return `数据行与审计记录不符：${row.table} ${row.key}`;
  const anchor = audit.anchors?.problems[0];
  if (anchor) return `签名链头：${anchor.problem}`;
  return '审计校验未通过';
}
