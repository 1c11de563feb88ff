// When a page first showed something, timed in the page itself: a script run
// before the page's own code looks at each frame for `condition` (a JS
// expression) and, at the frame after it first holds, notes the time from
// navigation start and says so on the console. The bench waits for that line
// instead of polling with waitForFunction, which would have Playwright compile
// its injected script in the page while it loads (about 20 ms of the page's
// main thread in a trace) and add a round trip per check: costs of the bench,
// not of the app, which Electron does not have.
import type { Page } from '@playwright/test';

const SAID = 'fairsite-bench: frame after the condition';

/** Call before `page.goto`; then `await` the result after it: ms from navigation start to the frame after `condition` held. */
export async function frameAfter(page: Page, condition: string): Promise<() => Promise<number>> {
  await page.addInitScript({
    content: `(() => {
      const look = () => (${condition}) ? requestAnimationFrame(() => { window.__frameAt = performance.now(); console.debug(${JSON.stringify(SAID)}); }) : requestAnimationFrame(look);
      requestAnimationFrame(look);
    })();`,
  });
  const said = page.waitForEvent('console', { predicate: (m) => m.text() === SAID, timeout: 120_000 });
  return async () => {
    await said;
    return page.evaluate(() => (window as { __frameAt?: number }).__frameAt!);
  };
}
