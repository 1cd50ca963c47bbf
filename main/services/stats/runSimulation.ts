import type { SimulationResult, StatsFilter } from '../../../shared/api/stats';
import { acceptClerksOf } from '../../../shared/stats/processTally';
import { simulate, type Scenario } from '../../../shared/stats/simulation';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';
import { processTally } from './processTallyStore';

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;

export interface SimulationRequest {
  filter?: StatsFilter;
  scenario: Scenario;
  runs?: number;
  seed?: number;
}

/** 模拟分析 on the hall's own durations (shared/stats/simulation.ts states the model). */
export function runSimulation(ctx: HandlerContext, request: SimulationRequest): SimulationResult {
  const tally = processTally(ctx.db, request.filter ?? {}, clockOf(ctx).calendar);
  return simulate(tally, {
    scenario: request.scenario,
    runs: request.runs ?? DEFAULT_RUNS,
    seed: request.seed ?? DEFAULT_SEED,
    acceptClerks: acceptClerksOf(tally),
  });
}
