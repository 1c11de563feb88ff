// Checks of a screen in the pseudo-locale: every text and accessible name in
// the given parts of the page came through i18next (no plain ASCII letters
// left once the data shown is taken out), and nothing is cut or runs off the
// 1280×800 window.
import { expect, type Page } from '@playwright/test';
import { harnessCall } from './support';
import { PSEUDO, pseudoCatalogue } from './pseudo-locale';

/** Starts the page in the pseudo-locale (before any script of the app runs). */
export async function usePseudoLocale(page: Page): Promise<void> {
  await page.addInitScript((lang) => { (window as unknown as { __FAIRSITE_TEST_LANGUAGE__: unknown }).__FAIRSITE_TEST_LANGUAGE__ = lang; }, { lng: PSEUDO, resources: pseudoCatalogue() });
}

/** Every text of a template (prompts, guidance, titles, options, references): data, not UI text. */
export function templateTexts(json: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(json);
  return out;
}

// What Intl writes for the pseudo-locale's base language (en): month and day names, AM/PM, zone names, byte units.
const INTL = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|AM|PM|UTC|GMT|byte|kB|MB|GB)\b/g;
// File names the app makes (reports, bundles) and the short ids it shows (a bundle's first 8 hex digits) are data.
const FILE_NAMES = /[A-Za-z0-9][A-Za-z0-9._-]*\.(?:pdf|fsb|csv|xlsx|json)\b|\b[0-9a-f]{8}\b/g; // and short record ids

export interface ScreenProblems { untranslated: string[]; cut: string[]; overflow: string[] }

export async function scanScreen(page: Page, selectors: string[], data: string[], exclude: string[] = []): Promise<ScreenProblems> {
  const found = await page.evaluate(({ selectors, exclude }) => {
    const texts: string[] = [];
    const cut: string[] = [];
    const roots = selectors.flatMap((s) => [...document.querySelectorAll<HTMLElement>(s)]);
    const skip = (el: Element | null) => !!el && exclude.some((x) => el.closest(x));
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        if (!parent || skip(parent) || parent.closest('code, kbd, .mono, script, style')) continue;
        const t = n.textContent?.trim();
        if (t) texts.push(t);
      }
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (skip(el)) continue;
        for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
          const v = el.getAttribute(a)?.trim();
          if (v) texts.push(v);
        }
        const h = el as HTMLElement;
        const style = getComputedStyle(h);
        if (style.display === 'none' || h.classList.contains('sr-only') || h.closest('.table-scroll')) continue;
        const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
        const control = /^(BUTTON|LABEL|SELECT|A|TH|TD|LEGEND|SUMMARY|H[1-6])$/.test(h.tagName);
        if ((clips || control) && h.scrollWidth > h.clientWidth + 1 && h.clientWidth > 0) cut.push(`${describe(h)}: "${h.textContent?.trim().slice(0, 60)}" (${h.scrollWidth} > ${h.clientWidth})`);
        const r = h.getBoundingClientRect();
        if (r.width > 0 && r.right > window.innerWidth + 1) cut.push(`${describe(h)} runs off the window (${Math.round(r.right)} > ${window.innerWidth})`);
      }
    }
    // The page itself may not scroll sideways: name the outermost elements that make it.
    // An SVG element has no scroll box of its own: its drawn box is what reaches.
    const reach = (el: HTMLElement) => (el instanceof SVGElement ? el.getBoundingClientRect().right : el.getBoundingClientRect().left + el.scrollWidth);
    // Cells of a table that scrolls sideways by design (.table-scroll) do not count.
    const wide = [...document.body.querySelectorAll<HTMLElement>('*')].filter((el) => reach(el) > window.innerWidth + 1 && getComputedStyle(el).overflowX === 'visible' && !el.closest('.table-scroll'));
    const outer = wide.filter((el) => !wide.some((o) => o !== el && el.contains(o))).slice(0, 5).map((el) => `${describe(el)} "${el.textContent?.trim().slice(0, 40)}" (to ${Math.round(reach(el))}px)`);
    const overflow = outer.length ? [`page is ${document.documentElement.scrollWidth}px wide: ${outer.join(', ')}`] : [];
    return { texts, cut, overflow };
  }, { selectors, exclude });
  const known = [...new Set(data)].filter(Boolean).sort((a, b) => b.length - a.length);
  const untranslated = [...new Set(found.texts)].filter((text) => {
    // A datum shortened to fit (a chart label "Northwind Contact Centre…") is still data.
    if (text.endsWith('…')) {
      // Data in front ("ETI", a clause, an item id) are taken off one by one; the cut one is what remains.
      let head = text.slice(0, -1).trim();
      for (let lead = known.find((d) => d.length >= 3 && head.startsWith(`${d} `)); lead; lead = known.find((d) => d.length >= 3 && head.startsWith(`${d} `))) head = head.slice(lead.length).trim();
      if (!head || known.some((d) => d.startsWith(head))) return false;
    }
    let rest = text;
    // A short datum (a grade "A") is taken out only as a word of its own, never from inside one ("AM").
    for (const d of known) rest = d.length < 3 ? rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), ' ') : rest.split(d).join(' ');
    rest = rest.replace(INTL, ' ').replace(FILE_NAMES, ' ');
    return /[A-Za-z]/.test(rest);
  });
  return { untranslated, cut: [...new Set(found.cut)], overflow: found.overflow };
}

export async function expectLocalized(page: Page, name: string, selectors: string[], data: string[], exclude: string[] = []): Promise<void> {
  await expect(page.locator(selectors.join(', ')).first()).toBeVisible();
  const p = await scanScreen(page, selectors, data, exclude);
  // Soft: one run names the problems of every screen, and the test still fails.
  expect.soft(p, `${name} in the pseudo-locale`).toEqual({ untranslated: [], cut: [], overflow: [] });
}

export const call = harnessCall;
