import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One axe-core violation, flattened for the test output. */
export interface AxeFinding {
  id: string;
  impact: ImpactValue | null | undefined;
  help: string;
  helpUrl: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core (injected into the page once per document) on the whole document and returns its
 * violations. Every rule axe runs by default is on: WCAG 2.x A/AA plus best practices.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
  }));
}

/** True for the impacts the issue forbids ("no serious violations"): serious and critical. */
export const isBlocking = (f: AxeFinding) => f.impact === 'serious' || f.impact === 'critical';

/** Human-readable lines for a list of findings. */
export function formatFindings(findings: AxeFinding[]): string[] {
  return findings.flatMap((f) => [
    `[${f.impact ?? 'unknown'}] ${f.id}: ${f.help} (${f.helpUrl})`,
    ...f.nodes.map((n) => `    ${n.target} — ${n.summary}`),
  ]);
}

/**
 * Structural checks axe does not make as rules of its own (or only as best practices): one <main>,
 * one h1 per screen. Returns human-readable violations (empty = fine).
 */
export async function structureViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    if (!document.documentElement.lang) out.push('html has no lang');
    if (document.querySelectorAll('main').length !== 1) out.push('expected exactly one <main>');
    if (document.querySelectorAll('h1').length !== 1) out.push(`expected one h1, found ${document.querySelectorAll('h1').length}`);
    return out;
  });
}
