import type { Db } from '../db/connection';
import { forgetWrittenRows, takeWrittenRowStates } from '../db/rowStates';
import { nextChangeSeq } from '../db/repositories/changeCounter';
import type { HandlerContext, Session } from '../ipc/context';
import { appendAudit } from './audit';
import type { FieldChange } from './canonicalJson';
import { clockOf, type Clock } from './clock';
import { AppError, readOnlyFolderRefusal } from './errors';
import { recomputeApplications, touchedApplications } from './risk/recompute';
import { foldDirtyApplications } from './stats/processTallyStore';

/** What a mutation's body sees: the open transaction, its change_seq and its clock. */
export interface MutationScope {
  db: Db;
  changeSeq: number;
  clock: Clock;
  session: Session;
  /**
   * Runs `work` at the end of the transaction, just before commit. For the FTS5 index: FTS5 flushes its
   * pending terms at every statement savepoint, so indexing in the middle of a transaction writes one tiny
   * segment per row and costs more than all other inserts together; queued, a batch is indexed in one go.
   */
  beforeCommit(work: () => void): void;
}

const queued = new WeakMap<Db, (() => void)[]>();
/** Connections inside writeTransaction: their queue is flushed when that transaction ends. */
const inWriteTransaction = new WeakSet<Db>();

function queueOf(db: Db): (() => void)[] {
  let queue = queued.get(db);
  if (!queue) {
    queue = [];
    queued.set(db, queue);
  }
  return queue;
}

function flushQueue(db: Db): void {
  const queue = queueOf(db);
  for (let work = queue.shift(); work; work = queue.shift()) work();
}

export interface Mutation<T> {
  result: T;
  audit: { action: string; entity: string; entityId: string; diff: Record<string, FieldChange> };
}

/**
 * Runs one change as ONE transaction: the body's rows, the change_seq bump and the audit entry commit together
 * or not at all. BEGIN IMMEDIATE takes the write lock up front, so two connections serialise instead of
 * failing halfway. Inside `inOneTransaction` (bulk work) the change joins the outer transaction without a
 * savepoint: a savepoint copies every page it touches to a sub-journal, which made bulk creation several
 * times slower, and a bulk batch is all-or-nothing anyway.
 */
export function mutate<T>(ctx: HandlerContext, body: (scope: MutationScope) => Mutation<T>): T {
  // A read-only data folder (the CLI reads a snapshot of it): refused before anything runs, saying so.
  if (ctx.db.readonly) throw readOnlyFolderRefusal();
  const work = () => {
    forgetWrittenRows(ctx.db);
    const changeSeq = nextChangeSeq(ctx.db);
    const clock = clockOf(ctx);
    const beforeCommit = (work: () => void) => queueOf(ctx.db).push(work);
    const { result, audit } = body({ db: ctx.db, changeSeq, clock, session: ctx.session, beforeCommit });
    queueRiskRecompute(ctx.db, touchedApplications(ctx.db, audit), clock.at);
    queueProcessTally(ctx.db, clock);
    appendAudit(ctx.db, {
      at: clock.at,
      userId: ctx.session.userId,
      userName: ctx.session.name,
      action: audit.action,
      entity: audit.entity,
      entityId: audit.entityId,
      changeSeq,
      diff: audit.diff,
      stateJson: takeWrittenRowStates(ctx.db),
    });
    return result;
  };
  if (inWriteTransaction.has(ctx.db)) return work();
  if (ctx.db.inTransaction) {
    // Someone else's transaction: index now, so nothing queued outlives it.
    const result = work();
    flushQueue(ctx.db);
    return result;
  }
  return writeTransaction(ctx.db, work);
}

/** Applications whose risk flags are due for a recompute before the transaction commits. */
const riskDirty = new WeakMap<Db, Set<number>>();

/**
 * Queues the risk detectors of the touched applications (main/services/risk) for the end of the transaction:
 * in bulk work (the demo, a 迁址 and its old site) each application is recomputed once, after its last change.
 */
function queueRiskRecompute(db: Db, applicationIds: readonly number[], at: string): void {
  let dirty = riskDirty.get(db);
  if (!dirty) {
    const pending = new Set<number>();
    riskDirty.set(db, pending);
    queueOf(db).push(() => {
      riskDirty.delete(db);
      recomputeApplications(db, [...pending], at);
    });
    dirty = pending;
  }
  for (const id of applicationIds) dirty.add(id);
}

const processTallyQueued = new WeakSet<Db>();

/** Folds the applications this transaction wrote into the process tally (流程分析), once, before commit. */
function queueProcessTally(db: Db, clock: Clock): void {
  if (processTallyQueued.has(db)) return;
  processTallyQueued.add(db);
  queueOf(db).push(() => {
    processTallyQueued.delete(db);
    foldDirtyApplications(db, clock.calendar);
  });
}

/**
 * Runs `body` (several mutations) in one outer transaction: for bulk work such as the demo generator, and for
 * a change that is several mutations (a 迁址 and the closing of its old site). Each mutation still gets its own
 * change_seq and audit entry; if any of them fails, all are rolled back. Inside another such transaction it
 * simply joins it.
 */
export function inOneTransaction<T>(ctx: HandlerContext, body: () => T): T {
  if (inWriteTransaction.has(ctx.db)) return body();
  return writeTransaction(ctx.db, body);
}

function writeTransaction<T>(db: Db, body: () => T): T {
  inWriteTransaction.add(db);
  try {
    return db
      .transaction(() => {
        const result = body();
        flushQueue(db);
        return result;
      })
      .immediate();
  } catch (error) {
    queueOf(db).length = 0;
    riskDirty.delete(db);
    processTallyQueued.delete(db);
    throw storageFailure(error);
  } finally {
    inWriteTransaction.delete(db);
  }
}

function storageFailure(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('STORAGE', '数据库正被其他程序占用（已锁定），本次操作未保存：请稍后重试或关闭其他客户端。');
  }
  if (code === 'SQLITE_READONLY') {
    return new AppError('STORAGE', '数据库为只读，本次操作未保存：请检查数据目录的写权限。');
  }
  return error;
}
