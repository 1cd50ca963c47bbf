import { App } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { FocusEvent } from 'react';
import type { FieldProblem } from '../../../../shared/api/result';

/** Numbers judged only once complete (this many characters) or left: checksums and lengths mean nothing before. */
const FULL_LENGTH: Readonly<Record<string, number>> = {
  'customer.idNumber': 18,
  'customer.legalRep.idNumber': 18,
  'customer.agent.idNumber': 18,
  'customer.phone': 11,
  'customer.legalRep.phone': 11,
  'customer.agent.phone': 11,
  'customer.landline': 12,
  accountNo: 13,
};

function valueAt(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const isEmpty = (value: unknown) => value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** The dotted paths of the leaves of an antd `changedValues` object. */
function leafPaths(changed: unknown, prefix = ''): string[] {
  if (changed === null || typeof changed !== 'object' || Array.isArray(changed)) return [prefix];
  return Object.entries(changed).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** antd names a field's input `a_b_c` after its name path `['a', 'b', 'c']` (forms without a `name`). */
const pathOfInput = (event: FocusEvent<HTMLElement>) => (event.target.id ? event.target.id.replaceAll('_', '.') : '');

/**
 * Which problems a form shows at its fields. A field's problems appear once it holds a value (typed or pre-filled)
 * or was left, and every problem once a save was tried; a number being typed (证件号码, 电话, 户号) is judged once
 * it is complete or left, not at its first digits. The save bar counts every problem regardless.
 */
export function useProblemVisibility(
  byField: ReadonlyMap<string, FieldProblem[]>,
  record: Record<string, unknown>,
  errors: number,
  pendingWarnings: number,
) {
  const { message } = App.useApp();
  const [attempted, setAttempted] = useState(false);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [typing, setTyping] = useState<string>();
  const [typed, setTyped] = useState(false);

  const shown = useMemo(() => {
    const out = new Map<string, FieldProblem[]>();
    for (const [path, problems] of byField) {
      const value = valueAt(record, path);
      const full = FULL_LENGTH[path];
      const incomplete = full !== undefined && path === typing && String(value ?? '').length < full;
      const visible = !incomplete && (attempted || left.has(path) || !isEmpty(value));
      if (visible) out.set(path, problems);
    }
    return out;
  }, [byField, record, attempted, left, typing]);

  /** The form's onValuesChange: a number being typed is held back until complete; any change counts as typed. */
  const changed = useCallback((changedValues: unknown) => {
    setTyped(true);
    const numbers = leafPaths(changedValues).filter((path) => FULL_LENGTH[path] !== undefined);
    if (numbers[0]) setTyping(numbers[0]);
  }, []);

  /** The form's onBlur: a field left is judged, empty or not. */
  const blurred = useCallback((event: FocusEvent<HTMLElement>) => {
    const path = pathOfInput(event);
    if (!path) return;
    setTyping((current) => (current === path ? undefined : current));
    setLeft((current) => (current.has(path) ? current : new Set(current).add(path)));
  }, []);

  /**
   * A save asked for: when problems block it, says how many, shows them all and moves the focus to the first
   * field with an error (else the first warning's reason). Returns whether the save may go on.
   */
  const trySave = useCallback((): boolean => {
    if (errors === 0 && pendingWarnings === 0) return true;
    setAttempted(true);
    setTyping(undefined);
    void message.error(
      errors > 0
        ? `无法保存：还有 ${errors} 处错误需要改正，已定位到第一处`
        : `无法保存：还有 ${pendingWarnings} 条警告需要填写确认理由，已定位到第一条`,
    );
    // After the fields have rendered their problems: the first one in the page's order.
    setTimeout(() => {
      const target =
        errors > 0
          ? (document.querySelector<HTMLElement>(
              '.ant-form-item-has-error input:not([type=hidden]), .ant-form-item-has-error textarea',
            ) ?? document.querySelector<HTMLElement>('form [role=alert]'))
          : document.querySelector<HTMLElement>('input[aria-label^="确认理由"]:placeholder-shown');
      target?.scrollIntoView({ block: 'center' });
      target?.focus();
    }, 50);
    return false;
  }, [errors, pendingWarnings, message]);

  /** A new, empty form (the next application after a save). */
  const reset = useCallback(() => {
    setAttempted(false);
    setLeft(new Set());
    setTyping(undefined);
    setTyped(false);
  }, []);

  return { shown, typed, changed, blurred, trySave, reset };
}
