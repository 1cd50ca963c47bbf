import type { SimulationResult, StatsFilter } from '../../../shared/api/stats';
import { withVisits } from '../../../shared/stats/processAnalysis';
import { simulate, type Scenario } from '../../../shared/stats/simulation';
import type { HandlerContext } from '../../ipc/context';
import { clockOf } from '../clock';
import { loadHistories } from './histories';

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
  const { histories, acceptClerks } = loadHistories(ctx.db, request.filter ?? {});
  return simulate(withVisits(histories, clockOf(ctx).calendar), {
    scenario: request.scenario,
    runs: request.runs ?? DEFAULT_RUNS,
    seed: request.seed ?? DEFAULT_SEED,
    acceptClerks,
  });
}
