/**
 * `yekuo demo`: deterministic synthetic applications across all business types, classes and stages, created and
 * moved through the service layer (numbers, audit, search index and deadlines exactly as for real work) with
 * a simulated clock: applications arrive with a season and stages take varying days (demoTiming.ts).
 * An application that goes past the stage where its supply scheme is fixed gets one drafted and approved
 * through the scheme services, so its reply and contract print from demo data.
 */
import { BUSINESS_TYPES, BUSINESS_TYPE_INFO, type Stage } from '../../../shared/domain/codes';
import { PAUSE_REASONS } from '../../../shared/workflow/pauseReasons';
import { stagePlan, type StageStep } from '../../../shared/workflow/stagePlans';
import { countApplications } from '../../db/repositories/applicationRepo';
import type { HandlerContext } from '../../ipc/context';
import { createApplication } from '../applications/createApplication';
import { loadApplication } from '../applications/loadApplication';
import { moveApplication } from '../applications/moveApplication';
import { openOldSiteClosures } from '../applications/relocationLinks';
import { shanghaiDate } from '../clock';
import { inOneTransaction } from '../mutation';
import { approveScheme, saveSchemeDraft } from '../schemes';
import { demoApplication, reachedStages } from './demoApplication';
import { demoScheme } from './demoScheme';
import { DemoStaff } from './demoStaff';
import { DemoTiming, seasonalDays } from './demoTiming';
import { Prng } from './prng';

export interface DemoRequest {
  count: number;
  seed: number;
  /** Last day of the simulated span (default today); the span is `days` long. */
  endDate?: Date;
  days?: number;
  /** Applications per transaction. */
  batchSize?: number;
  onProgress?: (done: number) => void;
}

export interface DemoResult {
  created: number;
  moves: number;
  /** Supply schemes drafted and approved. */
  schemes: number;
  firstNumber: string | null;
  lastNumber: string | null;
}

/**
 * The span of the README's demo hall and the first-run demo: three years, so 预测 forecasts every group and
 * back-tests both methods (Holt-Winters needs two seasons before the back-test's first origin, shared/stats/forecast).
 */
export const DEMO_HISTORY_DAYS = 1095;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const OPENING_HOUR_UTC = 1; // 09:00 Asia/Shanghai

/**
 * The stage an application leaves with an approved supply scheme: SCHEME where the flow has it (approval is
 * leaving it, R-GATE-02); a residential connection has no SCHEME stage, its scheme is answered at acceptance and
 * its contract is due before METER_CONNECT (REFERENCE.md §7.3 C). Other flows change an existing supply and
 * print no new scheme.
 */
export function schemeStageOf(plan: readonly StageStep[]): Stage | null {
  if (plan.some((step) => step.stage === 'SCHEME')) return 'SCHEME';
  return plan === stagePlan('NEW_LVR', 'LVR') ? 'ACCEPT' : null;
}

interface Path {
  target: number;
  outcome: 'open' | 'archived' | 'cancelled' | 'suspended';
  skipOptional: boolean;
}

/** Past this age every demo application has ended: a real hall has slow cases months old, not years. */
const LONGEST_OPEN_DAYS = 180;

/**
 * Older applications are mostly finished; the open ones cluster in the last weeks, as in a real hall, and a few
 * stay open for up to half a year (临期, 超期, 环节停滞).
 */
function choosePath(rng: Prng, plan: readonly StageStep[], ageDays: number): Path {
  const skipOptional = rng.chance(0.6);
  const end = plan.length - 1;
  if (ageDays > 45) {
    const roll = rng.next();
    if (roll < 0.85) return { target: end, outcome: 'archived', skipOptional };
    if (roll < 0.93) return { target: rng.int(0, end), outcome: 'cancelled', skipOptional };
    if (ageDays > LONGEST_OPEN_DAYS) return { target: end, outcome: 'archived', skipOptional };
  }
  const target = rng.int(0, end);
  const roll = rng.next();
  const outcome =
    target === end
      ? roll < 0.5
        ? 'archived'
        : 'open'
      : roll < 0.05
        ? 'cancelled'
        : roll < 0.12
          ? 'suspended'
          : 'open';
  return { target, outcome, skipOptional };
}

export function runDemo(base: HandlerContext, request: DemoRequest): DemoResult {
  const existing = countApplications(base.db);
  // Deterministic for a seed and the folder's state: a second run on the same folder makes new customers.
  const rng = new Prng(request.seed + existing * 7919);
  const days = request.days ?? 365;
  const end = request.endDate ?? new Date();
  const startMs = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()) - days * DAY_MS;
  let now = new Date(startMs);
  const endMs = end.getTime();
  const ctx: HandlerContext = { ...base, now: () => now, session: { ...base.session, role: 'supervisor' } };
  const batchSize = request.batchSize ?? 500;
  const dayOf = seasonalDays(request.count, days, startMs);
  const result: DemoResult = { created: 0, moves: 0, schemes: 0, firstNumber: null, lastNumber: null };

  // A 迁址 is archived after the closing of its old site, which is walked to its end the same day.
  const closeOldSites = (relocNumber: string) => {
    for (const closure of openOldSiteClosures(ctx.db, loadApplication(ctx.db, relocNumber).id)) {
      let stage = loadApplication(ctx.db, closure).stage;
      while (stage !== 'ARCHIVE') {
        stage = moveApplication(ctx, closure, { move: 'advance' }).stage;
        result.moves++;
      }
      moveApplication(ctx, closure, { move: 'archive' });
      result.moves++;
    }
  };

  const one = (i: number) => {
    const type = BUSINESS_TYPES[i % BUSINESS_TYPES.length] as (typeof BUSINESS_TYPES)[number];
    const cls = rng.pick(BUSINESS_TYPE_INFO[type].classes);
    const plan = stagePlan(type, cls);
    const day = dayOf(i);
    const path = choosePath(rng, plan, days - day);
    const acceptMs = startMs + day * DAY_MS + OPENING_HOUR_UTC * 3_600_000 + (i % 28_800) * 1000;
    now = new Date(acceptMs);
    const drawn = demoApplication(rng, {
      type,
      cls,
      applicationDate: shanghaiDate(now),
      plan,
      target: path.target,
      // Offset by the applications already there, so a second run on the same folder gets fresh accounts.
      serial: request.seed * 10_000_019 + existing + i,
    });
    const staff = new DemoStaff(request.seed * 1_000_037 + existing + i, ctx, drawn);
    const record = { ...drawn, ...staff.works(drawn) };
    const created = createApplication(staff.acceptor(), record);
    result.firstNumber ??= created.number;
    result.lastNumber = created.number;
    let stage: Stage = 'ACCEPT';
    let step = 0;
    const schemeStage = schemeStageOf(plan);
    const timing = new DemoTiming(request.seed * 1_000_033 + existing + i, days - day - plan.length - 2);
    let extra = 0;
    // A move `daysAfter` acceptance, with the scheme's two hours, must not be stamped later than the demo's end
    // (RISK-INT-04 would rightly flag it): an application that runs out of time stays open where it stands.
    const fitsBefore = (daysAfter: number) => acceptMs + daysAfter * DAY_MS + 2 * HOUR_MS <= endMs;
    // Drafted an hour into the stage and approved by the supervisor an hour later, before the next move.
    const fixScheme = () => {
      const at = acceptMs + (step + extra) * DAY_MS;
      now = new Date(at + HOUR_MS);
      // Its own stream: the survey details do not shift the applications that follow in the run.
      const content = demoScheme(
        new Prng(request.seed * 1_000_003 + existing + i),
        record,
        created.number,
        shanghaiDate(now),
      );
      const draft = saveSchemeDraft(staff.drafter(), created.number, content, undefined);
      now = new Date(at + 2 * HOUR_MS);
      approveScheme(ctx, created.number, draft.version);
      result.schemes++;
    };
    const advanceOnce = (): boolean => {
      const pause = stage === 'ACCEPT' ? timing.documentPause() : 0;
      const delay = timing.delayLeaving(stage);
      if (!fitsBefore(step + 1 + extra + pause + delay)) return false;
      if (stage === schemeStage) fixScheme();
      if (pause > 0) {
        moveApplication(ctx, created.number, { move: 'suspend', reasonCode: 'WAITING_DEFERRED_DOCUMENTS' });
        extra += pause;
        now = new Date(acceptMs + (step + extra) * DAY_MS);
        moveApplication(ctx, created.number, { move: 'resume' });
        result.moves += 2;
      }
      extra += delay;
      now = new Date(acceptMs + (++step + extra) * DAY_MS);
      if (stage === 'SURVEY' && (timing.returnFromSurvey() || staff.extraReturn())) {
        stage = moveApplication(ctx, created.number, {
          move: 'return',
          to: 'ACCEPT',
          reason: '资料不全，退回受理补正',
        }).stage;
        result.moves++;
        return true;
      }
      const nextIndex = plan.findIndex((s) => s.stage === stage) + 1;
      const next = plan[nextIndex];
      // Skip an optional stage on the way, never the target itself.
      const skip = next?.optional && !next.optional.appliesWhen && path.skipOptional && nextIndex < path.target;
      const moved = moveApplication(ctx, created.number, {
        move: 'advance',
        ...(skip && next ? { skip: { stages: [next.stage], reason: next.optional?.note ?? '不适用' } } : {}),
      });
      stage = moved.stage;
      result.moves++;
      return true;
    };
    const last = reachedStages(plan, path.target, record).at(-1);
    while (stage !== last && advanceOnce());
    const outcome = stage === last && fitsBefore(step + 1 + extra) ? path.outcome : 'open';
    now = new Date(acceptMs + (++step + extra) * DAY_MS);
    if (outcome === 'archived') {
      closeOldSites(created.number);
      moveApplication(ctx, created.number, { move: 'archive' });
    }
    if (outcome === 'cancelled') moveApplication(ctx, created.number, { move: 'cancel', reason: '客户撤回申请' });
    if (outcome === 'suspended') {
      moveApplication(ctx, created.number, { move: 'suspend', reasonCode: rng.pick(PAUSE_REASONS) });
    }
    if (outcome !== 'open') result.moves++;
    result.created++;
  };

  for (let from = 0; from < request.count; from += batchSize) {
    const to = Math.min(request.count, from + batchSize);
    inOneTransaction(ctx, () => {
      for (let i = from; i < to; i++) one(i);
    });
    request.onProgress?.(to);
  }
  return result;
}
