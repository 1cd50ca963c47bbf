import { STAGES, type Stage } from '../../domain/codes';

export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);

/** `stage` and every later stage: rules that start to apply once the application reaches `stage`. */
export const fromStage = (stage: Stage): readonly Stage[] => STAGES.slice(stageIndex(stage));

/** Whether the application being at `current` means it has reached `target`. */
export const reached = (currentIndex: number, target: Stage): boolean => currentIndex >= stageIndex(target);
