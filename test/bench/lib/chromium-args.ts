// How the benches start Chromium. Headless Chromium opens a real browser
// window for every new context, and with each window it starts the address
// bar's popup as a WebUI page in its own renderer process
// (chrome://omnibox-popup.top-chrome/): about 90 ms of CPU in a page's first
// 400 ms, competing on two cores with the page being measured. An Electron
// window has no address bar, so the benches turn that popup off.
//
// Chromium reads only the last --disable-features switch, and Playwright
// passes its own before ours: so ours repeats Playwright's list
// (playwright-core, server/chromium/chromiumSwitches.ts) and adds the popup's
// features. `omniboxWindows` lets a bench check the popup really is gone.
import type { Browser } from '@playwright/test';

const PLAYWRIGHT_DISABLED = [
  'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
  'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin',
  'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
];
const ADDRESS_BAR_POPUP = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'PreloadTopChromeWebUI'];

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED, ...ADDRESS_BAR_POPUP].join(',')}`,
];

/** Browser-UI pages of the address bar's popup now open in this browser (0 when the switches above work). */
export async function omniboxWindows(browser: Browser): Promise<number> {
  const s = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await s.send('Target.getTargets') as { targetInfos: Array<{ url: string }> };
    return targetInfos.filter((t) => t.url.startsWith('chrome://omnibox-popup')).length;
  } finally {
    await s.detach();
  }
}
