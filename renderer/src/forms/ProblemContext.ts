import { createContext, useContext } from 'react';
import type { FieldProblem } from '../../../shared/api/result';

/** Problems of the record being edited, by dotted field path; fields read theirs from here. */
export const ProblemContext = createContext<ReadonlyMap<string, FieldProblem[]>>(new Map());

export function useFieldProblems(path: string): FieldProblem[] {
  return useContext(ProblemContext).get(path) ?? [];
}
