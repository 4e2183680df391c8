import type { Page } from 'playwright-core';

/**
 * A small, dependency-free accessibility check of the rendered page (axe-core is not installed
 * here): labelled form controls, named buttons and links, images with alt text, unique ids, a
 * language, one h1 and a main landmark. Returns human-readable violations (empty = fine).
 */
export async function a11yViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => !!(el as HTMLElement).offsetParent || getComputedStyle(el).position === 'fixed';
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}`;
    const named = (el: Element) => !!(el.getAttribute('aria-label')?.trim() || el.getAttribute('aria-labelledby') || el.textContent?.trim() || el.getAttribute('title'));
    if (!document.documentElement.lang) out.push('html has no lang');
    if (document.querySelectorAll('main').length !== 1) out.push('expected exactly one <main>');
    if (document.querySelectorAll('h1').length !== 1) out.push(`expected one h1, found ${document.querySelectorAll('h1').length}`);
    for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      if (!visible(el)) continue;
      const labelled = ((el as HTMLInputElement).labels?.length ?? 0) > 0 || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (!labelled) out.push(`unlabelled form control ${describe(el)}`);
    }
    for (const el of document.querySelectorAll('button, a[href]')) if (visible(el) && !named(el)) out.push(`unnamed ${describe(el)}`);
    for (const el of document.querySelectorAll('img')) if (!el.hasAttribute('alt')) out.push(`image without alt ${describe(el)}`);
    const ids = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1) out.push(`duplicate id ${id}`);
    for (const el of document.querySelectorAll('[aria-describedby]')) {
      for (const id of el.getAttribute('aria-describedby')!.split(/\s+/)) if (!document.getElementById(id)) out.push(`aria-describedby points nowhere: ${id}`);
    }
    return out;
  });
}
