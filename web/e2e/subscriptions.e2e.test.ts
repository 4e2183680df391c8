import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkScreen, logIn, oneStory, page } from './story';

const ARVID = '196403261230'; // Arvid Aronsson, Dorotea kommun's permission administrator (demo data)

/**
 * R-HOOK-1 in the browser: Arvid adds a subscription for a receiver on this machine, sees its
 * secret exactly once, sees it listed with its (still empty) deliveries, reads the page in English,
 * and removes it, with axe at 1280 and 360 px.
 */
describe('the event subscriptions page (R-HOOK-1)', () => {
  const receiver = http.createServer((_req, res) => res.writeHead(204).end());
  let hookUrl: string;

  oneStory('hooks');
  beforeAll(async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/behorig-hooks`;
    await logIn(ARVID, 'other');
    await page.waitForURL(/\/org\/[^/]+\/permissions$/);
  });
  afterAll(() => { receiver.close(); });

  it('R-HOOK-1: the page is in the main menu and passes axe at 1280 px', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Händelseprenumerationer' }).click();
    await page.getByRole('heading', { name: 'Händelseprenumerationer', level: 1 }).waitFor();
    await page.getByText('Organisationen har inga prenumerationer.').waitFor();
    await checkScreen('hooks-01-empty');
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
    await checkScreen('hooks-02-secret-once');
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
    await checkScreen('hooks-03-360-en');
    await page.getByLabel('Language').selectOption('sv');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('R-HOOK-1: removing the subscription takes it off the list', async () => {
    await page.getByRole('button', { name: `Ta bort prenumerationen till ${hookUrl}` }).click();
    await page.getByText('Organisationen har inga prenumerationer.').waitFor();
  });
});
