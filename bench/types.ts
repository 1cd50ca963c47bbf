/** One measured figure. A bench file exports `run(): Promise<BenchRow[]>`; bench/run.ts prints them all. */
export interface BenchRow {
  suite: string;
  case: string;
  value: number;
  unit: string;
  /** Target from the issue, e.g. "< 5 ms" or ">= 20000/s". */
  goal?: string;
  /** Whether the value meets the goal (absent when there is no goal). */
  pass?: boolean;
  /** Same measurement by the naive way, in the same run, for comparison. */
  baseline?: number;
  note?: string;
}

export interface BenchModule {
  run(): Promise<BenchRow[]>;
}
