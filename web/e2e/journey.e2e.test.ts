import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { openBrowser } from './browser';

const webUrl = inject('webUrl');
const shots = join(inject('repoRoot'), 'web', 'test-results');
const ARVID = '196403261230'; // Arvid Aronsson, Dorotea kommun's permission administrator (demo data)

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
const consoleErrors: string[] = [];

async function shot(name: string) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

describe('the administrator journey in a real browser against the real system', () => {
  beforeAll(async () => {
    ({ context, close } = await openBrowser());
    page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => { await close?.(); });

  it('R-AUTH-1: logs in with BankID on another device, played by the Test-BankID panel', async () => {
    await page.goto(`${webUrl}/`);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await page.getByRole('button', { name: 'Mobilt BankID på annan enhet' }).click();
    const qr = page.getByRole('img', { name: 'QR-kod att skanna med BankID-appen' });
    await qr.waitFor();
    const first = await qr.getAttribute('data-qr');
    expect(first).toMatch(/^bankid\./);
    expect(await page.getByTestId('bankid-message').textContent()).toBe('Starta BankID-appen och skanna QR-koden.');
    // the animated QR: new data after a second or two
    await page.waitForFunction((old) => document.querySelector('img[data-qr]')?.getAttribute('data-qr') !== old, first, { timeout: 5000 });
    await shot('01-login-qr');
    await page.getByLabel('Personnummer att identifiera som').fill(ARVID);
    await page.getByRole('button', { name: 'Godkänn i Test-BankID' }).click();
    await page.waitForURL(/\/org\/[^/]+\/permissions$/);
  });

  it('R-SCOPE-1: Mina behörigheter shows Dorotea kommun / Dorotea UBK in one request', async () => {
    const requests: string[] = [];
    const onRequest = (r: { url: () => string; method: () => string; postData: () => string | null }) => {
      if (r.url().includes('/graphql') && r.method() === 'POST' && (r.postData() ?? '').includes('MyPermissions')) requests.push(r.postData()!);
    };
    page.on('request', onRequest);
    await page.reload();
    await page.getByRole('heading', { name: 'Mina behörigheter', level: 1 }).waitFor();
    const org = page.getByRole('region', { name: /Dorotea kommun/ });
    await org.waitFor();
    await org.getByText('Dorotea UBK').first().waitFor();
    page.off('request', onRequest);
    expect(requests).toHaveLength(1);
    await shot('02-mina-behorigheter');
  });

  it('R-USR-1: Användare shows the staff list without full personal numbers', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('heading', { name: 'Användare', level: 1 }).waitFor();
    const table = page.locator('table.staff');
    await table.getByRole('cell', { name: 'Aronsson, Arvid' }).waitFor();
    expect(await table.textContent()).not.toContain(ARVID);
    await shot('03-anvandare');
  });

  it('R-ID-1: Skapa användare shows an inline error for a wrong personal number', async () => {
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skapa användare' });
    await dialog.waitFor();
    await dialog.getByLabel('Personnummer').fill('19900101-0018');
    await dialog.getByLabel('Förnamn').focus();
    const error = dialog.getByText('Kontrollsiffran stämmer inte.');
    await error.waitFor();
    expect(await dialog.getByLabel('Personnummer').getAttribute('aria-invalid')).toBe('true');
    await shot('04-skapa-anvandare-fel');
  });

  it('R-SIGN-1: a valid new user lands in Användare att signera', async () => {
    const dialog = page.getByRole('dialog', { name: 'Skapa användare' });
    await dialog.getByLabel('Personnummer').fill('19900101-0017');
    await dialog.getByLabel('Förnamn').fill('Greta');
    await dialog.getByLabel('Efternamn').fill('Webbtest');
    await dialog.getByLabel('E-post').fill('greta.webbtest@example.se');
    await dialog.getByRole('group', { name: 'Roller' }).getByRole('checkbox').first().check();
    const units = dialog.getByRole('group', { name: 'Utförande verksamheter' });
    if (await units.count()) await units.getByRole('checkbox').first().check();
    await dialog.getByRole('button', { name: 'Lägg till att signera' }).click();
    await dialog.waitFor({ state: 'detached' });
    const toSign = page.getByRole('region', { name: 'Användare att signera' });
    await toSign.getByRole('cell', { name: 'Greta Webbtest' }).waitFor();
    await shot('05-att-signera');
  });

  it('R-SIGN-2, R-SIGN-3: Signera with BankID applies the change and shows the receipt', async () => {
    const toSign = page.getByRole('region', { name: 'Användare att signera' });
    await toSign.getByRole('button', { name: 'Signera', exact: true }).click();
    await toSign.getByRole('img', { name: 'QR-kod att skanna med BankID-appen' }).waitFor();
    const pnr = toSign.getByLabel('Personnummer att identifiera som');
    if (!(await pnr.inputValue())) await pnr.fill(ARVID);
    await toSign.getByRole('button', { name: 'Godkänn i Test-BankID' }).click();
    const receipt = page.getByRole('region', { name: 'Kvittens' });
    await receipt.waitFor({ timeout: 20_000 });
    expect(await receipt.textContent()).toContain('Arvid');
    expect(await receipt.getByRole('link', { name: 'Ladda ner kvittensen' }).getAttribute('download')).toMatch(/^kvittens-.*\.json$/);
    await page.locator('table.staff').getByRole('cell', { name: 'Webbtest, Greta' }).waitFor();
    await shot('06-kvittens');
  });

  it('R-ROLE-2: Roller renders the role matrix with ● and ○', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Roller' }).click();
    await page.getByRole('heading', { name: 'Roller', level: 1 }).waitFor();
    const matrix = page.locator('table.matrix').first();
    await matrix.getByRole('rowheader', { name: 'Hantera användare' }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('●');
    expect(text).toContain('○');
    await shot('07-roller');
  });

  it('R-AUDIT-2: Logg lists the signed change and the chain verifies', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logg' }).click();
    await page.getByRole('heading', { name: 'Logg', level: 1 }).waitFor();
    await page.locator('main table tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Kontrollera kedjan' }).click();
    await page.getByText(/Kedjan är obruten/).waitFor();
    await shot('08-logg');
  });

  it('works at 360 px width with English switched on', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My permissions' }).click();
    await page.getByRole('heading', { name: 'My permissions', level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot('09-mobile-en');
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
