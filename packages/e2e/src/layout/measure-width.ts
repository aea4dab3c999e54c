/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The measuring function runs in the page: it needs the browser's types.
import type { Page } from 'playwright-core';

export interface WidthReport {
  innerWidth: number;
  scrollWidth: number;
  /** Elements reaching past the window's right edge (or wider than it), outermost first. */
  tooWide: string[];
}

/**
 * Measures whether the page is wider than its window: the document's scroll width, and every
 * visible element whose box reaches past the right edge. An element clipped by an ancestor
 * that scrolls or hides its overflow (a table scrolling inside its own container) is fine:
 * only that ancestor is measured. Fixed boxes (pop-ups, drawers) count: one cut off by the
 * window's edge cannot be read either.
 */
export function measureWidth(page: Page): Promise<WidthReport> {
  return page.evaluate(() => {
    const limit = window.innerWidth + 1; // sub-pixel rounding
    const describe = (element: Element): string => {
      const testId = element.getAttribute('data-testid');
      const classes = [...element.classList].filter((c) => !c.startsWith('css-')).slice(0, 3);
      const text = (element.textContent ?? '').trim().slice(0, 40);
      const { left, right } = element.getBoundingClientRect();
      return `${element.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${classes.map((c) => `.${c}`).join('')} (${Math.round(left)}–${Math.round(right)} px) "${text}"`;
    };
    const clips = (element: Element): boolean => {
      const overflowX = getComputedStyle(element).overflowX;
      return overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden' || overflowX === 'clip';
    };
    const tooWide: string[] = [];
    const visit = (element: Element) => {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') return;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && (box.right > limit || box.width > limit)) {
        tooWide.push(describe(element));
        return; // its children are part of the same failure
      }
      if (element !== document.documentElement && element !== document.body && clips(element)) return;
      for (const child of element.children) visit(child);
    };
    visit(document.documentElement);
    return { innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, tooWide };
  });
}
