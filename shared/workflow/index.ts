/** 业扩流程 the stage machine: plans per type and class, moves, clock rules. Pure TypeScript. */
export * from './clock';
export * from './contractPaper';
export * from './contractStages';
export * from './moves';
export * from './pauseReasons';
export * from './stagePlans';
export * from './timeLimits';
