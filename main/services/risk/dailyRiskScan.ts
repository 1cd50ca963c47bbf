/**
 * The daily risk detectors (RISK-INT-05, the audit chain) off the request path: the desktop's services worker
 * and the web harness run them after start-up and look every hour whether the day's scan is due, as they do for
 * the day's backup. `risk.list` only reads what the last daily scan stored; `yekuo risk list` runs the scan
 * first when it is due. The same schedule brings 客户画像's stored suggestions up to date (built after start-up
 * when never built, moved on to a new day: main/services/portrait/suggestionStore.ts), so the page's first read
 * need not.
 */
import type { Db } from '../../db/connection';
import { supportLog } from '../../log/supportLog';
import { refreshStoredSuggestions } from '../portrait/suggestionStore';
import { refreshDailyRiskFlags } from './recompute';

/** How often a running app looks whether the day's scan is due. */
const DAILY_SCAN_CHECK_MS = 60 * 60_000;

/**
 * The day's scan when it is due (a no-op once it ran today), its failure logged, never thrown: what the schedule
 * runs, and what `yekuo risk list` runs before listing (a CLI process has no schedule).
 */
export function runDueDailyRiskScan(store: { db: Db; dataDir: string }, at: string): void {
  try {
    refreshDailyRiskFlags(store.db, at);
  } catch (error) {
    supportLog(store.dataDir).error({ event: 'risk-daily-scan-failed', err: error }, '每日风险扫描失败');
  }
}

/** The stored suggestions brought up to date, a failure logged, never thrown. */
function refreshSuggestions(store: { db: Db; dataDir: string }, at: string): void {
  try {
    refreshStoredSuggestions(store.db, at);
  } catch (error) {
    supportLog(store.dataDir).error({ event: 'portrait-refresh-failed', err: error }, '客户画像建议更新失败');
  }
}

/** Starts the schedule (the first scan right after the current task); returns its stop. Never throws. */
export function startDailyRiskScan(store: { db: Db; dataDir: string }, now: () => Date = () => new Date()): () => void {
  const run = () => {
    const at = now().toISOString();
    runDueDailyRiskScan(store, at);
    refreshSuggestions(store, at);
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, DAILY_SCAN_CHECK_MS);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
