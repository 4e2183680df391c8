import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser } from './browser';
import { axeViolations, formatFindings, isBlocking, structureViolations } from './a11y';

const webUrl = inject('webUrl');
const shots = join(inject('repoRoot'), 'web', 'test-results');
const ARVID = '196403261230'; // Arvid Aronsson, Dorotea kommun's permission administrator (demo data)

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;

/** axe-core on the whole document (no serious or critical violations) and the page structure. */
async function checkA11y(name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const findings = await axeViolations(page);
  expect(formatFindings(findings.filter(isBlocking)), `axe-core serious/critical violations on ${name}`).toEqual([]);
  expect(await structureViolations(page), name).toEqual([]);
}

/**
 * R-HOOK-1 in the browser: Arvid adds a subscription for a receiver on this machine, sees its
 * secret exactly once, sees it listed with its (still empty) deliveries, reads the page in English,
 * and removes it, with axe at 1280 and 360 px.
 */
describe('the event subscriptions page (R-HOOK-1)', () => {
  const receiver = http.createServer((_req, res) => res.writeHead(204).end());
  let hookUrl: string;

  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/behorig-hooks`;
    ({ context, close } = await openBrowser());
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${webUrl}/`);
    await page.waitForURL(/\/login$/);
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click();
    await page.getByLabel('Personnummer att identifiera som').fill(ARVID);
    await page.getByRole('button', { name: 'Godkänn i Test-BankID' }).click();
    await page.waitForURL(/\/org\/[^/]+\/permissions$/);
  });
  afterAll(async () => {
    await close?.();
    receiver.close();
  });

  it('R-HOOK-1: the page is in the main menu and passes axe at 1280 px', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Händelseprenumerationer' }).click();
    await page.getByRole('heading', { name: 'Händelseprenumerationer', level: 1 }).waitFor();
    await page.getByText('Organisationen har inga prenumerationer.').waitFor();
    await checkA11y('hooks-01-empty');
  });

  it('R-HOOK-1: an address that is not https (nor loopback) is refused next to the field, nothing added', async () => {
    await page.getByLabel('Mottagarens adress').fill('http://hr.dorotea.example/hooks');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await page.getByText('Adressen måste börja med https.').waitFor();
    expect(await page.getByLabel('Mottagarens adress').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Organisationen har inga prenumerationer.').isVisible()).toBe(true);
  });

  it('R-HOOK-1: adding one shows its whsec_ secret once; after dismissing, it is not shown again', async () => {
    await page.getByLabel('Mottagarens adress').fill(hookUrl);
    await page.getByRole('checkbox', { name: /Anställning avslutad/ }).check();
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    const secret = page.getByTestId('hook-secret');
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = page.getByRole('article', { name: hookUrl });
    await listed.waitFor();
    expect(await listed.textContent()).toContain('Aktiv');
    await listed.getByText('Inga leveranser än.').waitFor();
    await checkA11y('hooks-02-secret-once');
    await page.getByRole('button', { name: 'Jag har sparat nyckeln' }).click();
    await page.reload();
    await page.getByRole('article', { name: hookUrl }).waitFor();
    expect(await page.getByTestId('hook-secret').count()).toBe(0);
    expect(await page.content()).not.toContain('whsec_');
  });

  it('R-HOOK-1: at 360 px in English the page reads and passes axe', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { name: 'Event subscriptions', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Recent deliveries' }).first().waitFor();
    await checkA11y('hooks-03-360-en');
    await page.getByLabel('Language').selectOption('sv');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('R-HOOK-1: removing the subscription takes it off the list', async () => {
    await page.getByRole('button', { name: `Ta bort prenumerationen till ${hookUrl}` }).click();
    await page.getByText('Organisationen har inga prenumerationer.').waitFor();
  });
});
