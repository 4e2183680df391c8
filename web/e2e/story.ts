import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser } from './browser';
import { axeViolations, formatFindings, isBlocking, structureViolations } from './a11y';

/**
 * What the browser specs share. Each spec is one story told in order against the one system
 * global-setup.ts started: someone logs in, acts, and each step builds on the ones before, so a
 * failed step keeps its screen and the rest of the story is skipped rather than failing after it.
 * Vitest runs each spec file in a module graph of its own, so the page below is the file's own.
 */
export const webUrl = inject('webUrl');
/** Screenshots for people to look at (and the FAILED screen of a broken story). */
export const shots = join(inject('repoRoot'), 'web', 'test-results');

/**
 * The story's browser page, opened by `oneStory`'s beforeAll. An ES module export is a live
 * binding: specs import `page` and read it in their steps once the story has opened it.
 */
export let page: Page;
/** Every console error the page printed during the story. */
export const consoleErrors: string[] = [];

/**
 * Registers the story's hooks in the surrounding describe: a fresh browser and page (Swedish,
 * Stockholm time, 15 s for any one wait and a minute for a page load: the machine running the
 * suite may be loaded), closed at
 * the end; after a failed step, its screen as `<name>-FAILED.png` and the later steps skipped.
 */
export function oneStory(name: string): void {
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const browser = await openBrowser();
    close = browser.close;
    page = await browser.context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.setDefaultTimeout(15_000);
    // Loading the page is the dev server's (global-setup.ts starts Vite: each module on request),
    // which on a loaded machine takes longer than any wait for the product's own answer.
    page.setDefaultNavigationTimeout(60_000);
  });
  afterAll(async () => { await close?.(); });
  let broken = false;
  beforeEach((ctx) => { if (broken) ctx.skip(); });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    broken = true;
    await page?.screenshot({ path: join(shots, `${name}-FAILED.png`), fullPage: true }).catch(() => {});
  });
}

/**
 * Logs in as `personalNumber` with the Test-BankID panel: BankID on this device (the page offers the
 * app's autostart link) or on another device (the QR code). Whoever is logged in logs out first.
 */
export async function logIn(personalNumber: string, device: 'this' | 'other' = 'this'): Promise<void> {
  const logOut = page.getByRole('button', { name: 'Logga ut' });
  if (await logOut.count()) {
    await logOut.click();
    await page.waitForURL(/\/login$/);
  } else {
    await page.goto(`${webUrl}/login`);
  }
  if (device === 'this') {
    await page.getByRole('button', { name: 'BankID på den här enheten' }).click();
    const open = page.getByRole('link', { name: 'Öppna BankID-appen' });
    expect(await open.getAttribute('href')).toMatch(/^bankid:\/\/\/\?autostarttoken=[0-9a-f-]+&redirect=null$/);
  } else {
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click();
  }
  await page.getByLabel('Personnummer att identifiera som').fill(personalNumber);
  await page.getByRole('button', { name: 'Godkänn i Test-BankID' }).click();
  await logOut.waitFor();
}

/**
 * A screenshot `<name>.png`, then the accessibility check of that screen: axe-core on the whole
 * document (no serious or critical violations; moderate and minor ones are printed) and the page
 * structure (one main, one h1, a language).
 */
export async function checkScreen(name: string): Promise<void> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const findings = await axeViolations(page);
  const minor = findings.filter((f) => !isBlocking(f));
  if (minor.length) console.log(`axe ${name}: ${minor.length} moderate/minor violation(s)\n${formatFindings(minor).join('\n')}`);
  expect(formatFindings(findings.filter(isBlocking)), `axe-core serious/critical violations on ${name}`).toEqual([]);
  expect(await structureViolations(page), name).toEqual([]);
}

/** How far the page scrolls sideways (0 or less: it fits the window). */
export function sidewaysScroll(): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** No console error so far (a resource the browser could not load is the network's, not the page's). */
export function expectNoConsoleErrors(): void {
  expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
}
