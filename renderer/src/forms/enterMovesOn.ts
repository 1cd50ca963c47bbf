import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * Enter moves to the next field, as on the paper-form systems clerks are used to. An open select list keeps
 * Enter for choosing; textareas keep it for new lines; buttons keep it for pressing.
 */
export function enterMovesOn(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  const fields = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && el.offsetParent !== null,
  );
  const next = fields[fields.indexOf(target) + 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}
