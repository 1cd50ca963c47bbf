import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button:not([disabled])';

const isPlainEnter = (event: KeyboardEvent<HTMLElement>) =>
  event.key === 'Enter' && !event.ctrlKey && !event.altKey && !event.metaKey;

/** Focuses the field after the event's target in the form; false when it is the last one. */
function focusNext(event: KeyboardEvent<HTMLElement>): boolean {
  const fields = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && el.offsetParent !== null,
  );
  const next = fields[fields.indexOf(event.target as HTMLElement) + 1];
  if (!next) return false;
  event.preventDefault();
  next.focus();
  return true;
}

/**
 * Enter moves to the next field, as on the paper-form systems clerks are used to. An open select list keeps
 * Enter for choosing; textareas keep it for new lines; buttons keep it for pressing.
 */
export function enterMovesOn(event: KeyboardEvent<HTMLElement>): void {
  if (!isPlainEnter(event)) return;
  const target = event.target as HTMLElement;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  focusNext(event);
}

/** When Enter last chose an option in a select: its list may still be closing (aria-expanded true) for a moment. */
const choseAt = new WeakMap<HTMLElement, number>();
const CLOSING_MS = 500;

/**
 * In the capture phase, before antd's Select sees it: Enter on a closed select that already has its value moves
 * on instead of opening the list again (it stayed open over the next row), also when it comes right after the
 * Enter that chose the value, while the list is still closing. An empty select still opens on Enter.
 */
export function enterLeavesChosenSelect(event: KeyboardEvent<HTMLElement>): void {
  if (!isPlainEnter(event)) return;
  const target = event.target as HTMLElement;
  if (target.getAttribute('role') !== 'combobox') return;
  const now = performance.now();
  const closing = now - (choseAt.get(target) ?? -Infinity) < CLOSING_MS;
  if (target.getAttribute('aria-expanded') === 'true' && !closing) {
    choseAt.set(target, now);
    return;
  }
  if (!target.closest('.ant-select')?.querySelector('.ant-select-content-has-value')) return;
  choseAt.delete(target);
  if (focusNext(event)) event.stopPropagation();
}
