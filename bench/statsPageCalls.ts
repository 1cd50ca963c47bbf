/**
 * The 统计与风险 page's calls on open, with the inputs the renderer sends on a first visit (default filters; the
 * workbench's RiskCountCard, renderer/src/pages/stats: RiskTab, ProcessTab, PortraitTab and LeadsView, ForecastTab,
 * MeetingReport), each dispatched through the handler table as the first call of a new connection, so its page
 * cache is cold as when the page opens after the app starts. Used by risk.bench.ts.
 */
import path from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from '../main/db/connection';
import { dispatch } from '../main/ipc/dispatch';

interface PageCall {
  name: string;
  channel: string;
  input: unknown;
}

/** The customer of the newest application, looked up by name as a supervisor would, then opened. */
function customerCalls(db: Db): PageCall[] {
  const customer = db
    .prepare(
      'SELECT c.id, c.name FROM customers c JOIN applications a ON a.customer_id = c.id ORDER BY a.id DESC LIMIT 1',
    )
    .get() as { id: number; name: string };
  return [
    { name: '客户画像: search a customer by name', channel: 'portrait.search', input: { query: customer.name } },
    { name: '客户画像: one customer', channel: 'portrait.get', input: { customerId: customer.id } },
  ];
}

function pageCalls(db: Db, today: string): PageCall[] {
  const month = `${today.slice(0, 7)}-01`;
  return [
    { name: '工作台: open flags count', channel: 'risk.list', input: { status: 'open', limit: 1 } },
    { name: '风险 tab', channel: 'risk.list', input: { status: 'open', offset: 0, limit: 20 } },
    { name: '流程分析 tab (whole history)', channel: 'stats.process', input: {} },
    ...customerCalls(db),
    { name: '客户画像: 建议与潜在客户', channel: 'portrait.leads', input: { status: 'open', offset: 0, limit: 10 } },
    { name: '预测 tab', channel: 'stats.forecast', input: {} },
    { name: '例会打印视图: 流程分析 of the month', channel: 'stats.process', input: { from: month, to: today } },
  ];
}

/** Milliseconds of each call, the first on its own new connection to the hall in `dir`. */
export async function firstPageCalls(dir: string, now: () => Date): Promise<{ name: string; ms: number }[]> {
  const file = path.join(dir, DATABASE_FILE);
  const session = { userId: 'bench', name: '基准', role: 'supervisor' as const };
  const setup = openDatabase(file);
  const calls = pageCalls(setup, now().toISOString().slice(0, 10));
  setup.close();
  const times: { name: string; ms: number }[] = [];
  for (const call of calls) {
    const db = openDatabase(file);
    try {
      const started = performance.now();
      const result = await dispatch({ db, dataDir: dir, session, now }, call.channel, call.input);
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`${call.channel}: ${result.error.message}`);
      times.push({ name: call.name, ms });
    } finally {
      db.close();
    }
  }
  return times;
}
