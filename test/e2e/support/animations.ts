import type { Locator } from 'playwright-core';

/**
 * Waits until the element's animations (an antd modal zooming in) are over: a screenshot mid-animation shows
 * it half-transparent. An animation cancelled by a re-render rejects `finished`, so they are settled, not awaited.
 */
export async function animationsDone(element: Locator): Promise<void> {
  await element.evaluate((el) => Promise.allSettled(el.getAnimations({ subtree: true }).map((a) => a.finished)));
}

/**
 * Waits for the frame after a style change (a pointer moved off a row) and then for the transitions it started:
 * `getAnimations` sees a transition only once the change has been styled.
 */
export async function transitionsSettled(element: Locator): Promise<void> {
  await element.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await animationsDone(element);
}
