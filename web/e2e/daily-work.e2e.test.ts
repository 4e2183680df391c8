import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Response } from 'playwright-core';
import { checkScreen, expectNoConsoleErrors, logIn, oneStory, page, sidewaysScroll, webUrl } from './story';
import { luhnCheckDigit } from '../src/lib/personalNumber';
import { formatDate } from '../src/lib/format';

/**
 * The administrator's daily tools in a real browser against the real system: the staff list
 * (status chips, server-side search, filters and sort, CSV export, bulk actions, ended people given
 * a new period), the person page and the readable log, each at 1280 and 360 px with axe-core and no
 * console errors, and no English server message on a Swedish page. Screenshots go to
 * web/test-results/daily-*.png.
 */
const FRIDOLF = `19870629345${luhnCheckDigit('870629345')}`; // Fridolf Halldin, Aratron AB's permission administrator (demo data)
const VERA = `19750612221${luhnCheckDigit('750612221')}`; // Vera Ansvarsson, responsible at Vuxenlärcentrum (demo data)
const ARATRON = '00000000-0000-4000-8000-000000000003';
const VUXEN = '00000000-0000-4000-8000-000000000004';
const ARVID_ID = '00000000-0000-4000-8003-000000000002'; // Dorotea kommun: not Aratron's to see

/** Every `message` the API sent in an error (English, for developers): none may reach a Swedish page. */
const serverMessages = new Set<string>();

async function collectErrors(response: Response) {
  if (!response.url().includes('/graphql') || response.request().method() !== 'POST') return;
  try {
    const body = await response.json() as { errors?: { message?: string }[] };
    for (const e of body.errors ?? []) if (e.message && e.message.length > 8) serverMessages.add(e.message);
  } catch { /* not JSON */ }
}

/** No server message is on the page (the page shows the reason's Swedish text instead). */
async function expectNoServerMessage(where: string) {
  const text = await page.evaluate(() => document.body.innerText);
  expect([...serverMessages].filter((m) => text.includes(m)), `${where}: English server message on a Swedish page`).toEqual([]);
}

/** Screenshot, axe-core (no serious/critical), one main and one h1, no sideways scrolling, no server message. */
async function shot(name: string) {
  await page.waitForLoadState('networkidle');
  await checkScreen(`daily-${name}`);
  expect(await sidewaysScroll(), `${name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  await expectNoServerMessage(name);
}

/** The same screen at 1280 and at 360 px. */
async function bothWidths(name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(`${name}-1280`);
  await page.setViewportSize({ width: 360, height: 740 });
  await shot(`${name}-360`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const staffTable = () => page.locator('table.staff');
const rowOf = (name: string) => staffTable().locator('tbody tr', { hasText: name });

describe('the administrator\'s daily tools in a real browser', () => {
  oneStory('daily');
  beforeAll(() => { page.on('response', (r) => { void collectErrors(r); }); });

  it('status chips: an ended user is shown as ended, the others as active', async () => {
    await logIn(FRIDOLF);
    await page.goto(`${webUrl}/org/${ARATRON}/staff`);
    await page.getByRole('heading', { name: 'Användare', level: 1 }).waitFor();
    await rowOf('Asp, Karina').waitFor();
    expect(await rowOf('Asp, Karina').getAttribute('data-status')).toBe('ENDED');
    expect(await rowOf('Asp, Karina').getByText('Avslutad', { exact: true }).count()).toBe(1);
    expect(await rowOf('Halldin, Fridolf').getAttribute('data-status')).toBe('ACTIVE');
    expect(await staffTable().textContent()).not.toContain(FRIDOLF); // R-USR-1
    await bothWidths('anvandare');
  });

  it('server-side search by birth date, e-mail, role and unit; filters by status and role', async () => {
    const search = async (text: string) => {
      await page.getByLabel('Sök', { exact: true }).fill(text);
      await page.getByRole('search', { name: 'Sök och filtrera användare' }).getByRole('button', { name: 'Filtrera' }).click();
    };
    await search('1987-05-07');
    await page.getByText('1 användare').waitFor();
    await rowOf('Asp, Karina').waitFor();
    await search('hotmail');
    await page.getByText('1 användare').waitFor();
    await rowOf('Maier, Laban').waitFor();
    await search('Läsare');
    await rowOf('Andersson, Agda').waitFor();
    expect(await staffTable().locator('tbody tr').count()).toBe(1);
    await search('Stöd och matchning');
    await rowOf('Halldin, Fridolf').waitFor();
    expect(await staffTable().locator('tbody tr').count()).toBeGreaterThan(5);
    await search('');
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Avslutad' });
    await page.getByRole('search', { name: 'Sök och filtrera användare' }).getByRole('button', { name: 'Filtrera' }).click();
    await page.getByText('1 användare').waitFor();
    await rowOf('Asp, Karina').waitFor();
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await rowOf('Halldin, Fridolf').waitFor();
  });

  it('server-side sort: by birth date, oldest first, then newest first', async () => {
    await page.getByRole('button', { name: 'Sortera efter Födelsedatum' }).click();
    await expect.poll(async () => (await staffTable().locator('tbody tr').first().textContent()) ?? '').toContain('Maier, Laban');
    await page.getByRole('button', { name: 'Sortera efter Födelsedatum' }).click();
    await expect.poll(async () => (await staffTable().locator('tbody tr').first().textContent()) ?? '').toContain('Storm, Leila');
    await page.getByRole('button', { name: 'Sortera efter Namn' }).click();
  });

  it('R-USR-1: the CSV export of the filtered list has birth dates and never a full personal number', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera listan (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^anvandare-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFEfternamn,Förnamn,Födelsedatum,E-post,Roller,Utförande verksamheter,Startdatum,Slutdatum,Status');
    expect(csv).toContain('Asp,Karina,1987-05-07');
    expect(csv).toContain('Avslutad');
    expect(csv).not.toMatch(/\d{8}-?\d{4}/);
  });

  it('R-SIGN-8: an ended user is given a new period, which waits in Användare att signera and shows on the person page', async () => {
    await rowOf('Asp, Karina').getByRole('button', { name: 'Ny behörighetsperiod: Karina Asp' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra Karina Asp' });
    await dialog.waitFor();
    const next = `${new Date().getFullYear() + 1}-06-30`;
    await dialog.getByLabel('Slutdatum', { exact: true }).fill(next);
    await dialog.getByRole('button', { name: 'Lägg till att signera' }).click();
    await dialog.waitFor({ state: 'detached' });
    const toSign = page.getByRole('region', { name: 'Användare att signera' });
    await toSign.getByRole('cell', { name: 'Karina Asp', exact: true }).waitFor();
    // The person page: memberships, roles with status, the pending change, the log events.
    await rowOf('Asp, Karina').getByRole('link', { name: 'Asp, Karina' }).click();
    await page.getByRole('heading', { name: /Karina Asp/, level: 1 }).waitFor();
    const membership = page.getByRole('region', { name: 'Aratron AB' });
    await membership.getByText('Aratron Stöd och matchning').first().waitFor();
    await membership.getByText('Drottninggatan 10, 111 51 Stockholm').waitFor();
    expect(await membership.locator('table').getByText('Avslutad').count()).toBe(1);
    const pending = page.getByRole('region', { name: 'Ändringar som väntar på signering' });
    await pending.getByText(formatDate('sv', next), { exact: false }).waitFor();
    const log = page.getByRole('region', { name: 'Händelser i loggen' });
    await log.getByText('Ändring föreslagen (väntar på signering)').first().waitFor();
    await log.getByText(/Fridolf Halldin, född 29 juni 1987/).first().waitFor();
    await bothWidths('person');
  });

  it('bulk removal lands in Användare att signera (R-SIGN-8), and can be discarded', async () => {
    await page.goto(`${webUrl}/org/${ARATRON}/staff`);
    await rowOf('Maier, Laban').waitFor();
    await page.getByRole('checkbox', { name: 'Välj Laban Maier' }).check();
    await page.getByRole('checkbox', { name: 'Välj Agda Andersson' }).check();
    await page.getByRole('button', { name: 'Ta bort valda' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort valda användare' });
    await dialog.getByRole('button', { name: 'Lägg 2 att signera' }).click();
    await dialog.getByText(/Lagt att signera: Laban Maier, Agda Andersson/).waitFor();
    await dialog.getByRole('button', { name: 'Stäng', exact: true }).last().click();
    const toSign = page.getByRole('region', { name: 'Användare att signera' });
    await toSign.getByRole('cell', { name: 'Laban Maier', exact: true }).waitFor();
    expect(await toSign.getByRole('cell', { name: 'Borttagen', exact: true }).count()).toBe(2);
    for (const name of ['Laban Maier', 'Agda Andersson', 'Karina Asp']) {
      await toSign.getByRole('button', { name: `Ta bort ${name}` }).click();
      await toSign.getByRole('cell', { name, exact: true }).waitFor({ state: 'detached' });
    }
  });

  it('R-PERIOD-4: a bulk period change leaves ended users out by name, and a refusal reads in Swedish', async () => {
    await page.getByRole('checkbox', { name: 'Välj Karina Asp' }).check();
    await page.getByRole('checkbox', { name: 'Välj Anselm Zachrisson' }).check();
    await page.getByRole('button', { name: 'Ändra behörighetsperiod' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra behörighetsperiod' });
    await dialog.getByText(/Avslutade användare får ingen ny period här: Karina Asp/).waitFor();
    await dialog.getByLabel('Nytt slutdatum').fill(`${new Date().getFullYear() + 1}-06-30`);
    await dialog.getByRole('button', { name: 'Ändra period' }).click();
    // R-PERIOD-3: a permission administrator never gets an end date; the server refuses (in English
    // for developers), and the page shows the reason's Swedish text.
    await dialog.locator('.error-box').waitFor();
    expect(serverMessages.size).toBeGreaterThan(0);
    await shot('period-refused');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
  });

  it('R-AUDIT-3: the log filters by actor; actors and targets read as names with birth dates, linked to their person page', async () => {
    await page.goto(`${webUrl}/org/${ARATRON}/log`);
    await page.getByRole('heading', { name: 'Logg', level: 1 }).waitFor();
    await page.locator('main table tbody tr').first().waitFor();
    await page.getByLabel('Utförd av').selectOption({ label: `Fridolf Halldin, född ${formatDate('sv', '1987-06-29')}` });
    await page.getByRole('search', { name: 'Filtrera' }).getByRole('button', { name: 'Filtrera' }).click();
    await expect.poll(async () => [...new Set(await page.locator('main table tbody tr td:nth-child(5)').allTextContents())]).toEqual([`Fridolf Halldin, född ${formatDate('sv', '1987-06-29')}`]);
    const targets = (await page.locator('main table tbody tr td:nth-child(4)').allTextContents()).join('\n');
    expect(targets).toMatch(/Karina Asp, född 7 maj 1987/);
    expect(targets).not.toMatch(/person:|change_?set:/i);
    await page.getByRole('button', { name: 'Kontrollera kedjan' }).click();
    await page.getByTestId('checkpoint-status').waitFor();
    await bothWidths('logg');
    await page.locator('main table tbody tr td:nth-child(4)').getByRole('link', { name: /Karina Asp/ }).first().click();
    await page.getByRole('heading', { name: /Karina Asp/, level: 1 }).waitFor();
  });

  it('R-SCOPE-3: the unit page answers who may do what there, and links each person', async () => {
    await page.goto(`${webUrl}/org/${ARATRON}/details`);
    await page.getByRole('link', { name: 'Aratron Stöd och matchning' }).click();
    await page.getByRole('heading', { name: 'Aratron Stöd och matchning', level: 1 }).waitFor();
    const who = page.getByRole('region', { name: 'Vem får göra vad här' });
    // Hantera användare (ändra): the permission administrators, not the reader nor the ended user.
    await who.getByRole('link', { name: 'Halldin, Fridolf' }).waitFor();
    expect(await who.getByRole('link', { name: 'Andersson, Agda' }).count()).toBe(0);
    expect(await who.getByRole('link', { name: 'Asp, Karina' }).count()).toBe(0);
    // R-ROLE-2a: UPDATE implies READ, so asking for Läsa still lists the administrators.
    await who.getByLabel('Nivå').selectOption({ label: 'Läsa' });
    await who.getByRole('button', { name: 'Visa' }).click();
    await who.getByText(/personer får Hantera användare \(läsa\) här/).waitFor();
    await who.getByRole('link', { name: 'Halldin, Fridolf' }).waitFor();
    await bothWidths('enhet');
  });

  it('a person of another organisation is refused in Swedish, not with the server\'s message', async () => {
    await page.goto(`${webUrl}/org/${ARATRON}/people/${ARVID_ID}`);
    await page.getByRole('heading', { name: 'Person', level: 1 }).waitFor();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/[åäö]|behörighet|organisation/i);
    await expectNoServerMessage('person of another organisation');
  });

  it('R-END-1, R-SIGN-8: a responsible role ends ticked staff at once (bulk)', async () => {
    await logIn(VERA);
    await page.goto(`${webUrl}/org/${VUXEN}/staff`);
    await rowOf('Studievägledare, Saga').waitFor();
    await page.getByRole('checkbox', { name: 'Välj Saga Studievägledare' }).check();
    await page.getByRole('button', { name: 'Avsluta valda' }).click();
    const dialog = page.getByRole('dialog', { name: 'Avsluta valda användare' });
    await dialog.getByRole('button', { name: 'Avsluta 1' }).click();
    await dialog.getByText('Avslutade: Saga Studievägledare.').waitFor();
    await shot('bulk-avsluta');
    await dialog.getByRole('button', { name: 'Stäng', exact: true }).last().click();
  });

  it('no console errors on any of these pages', () => {
    expectNoConsoleErrors();
  });
});
