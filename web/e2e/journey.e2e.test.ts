import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkScreen, expectNoConsoleErrors, logIn, oneStory, page, sidewaysScroll, webUrl } from './story';
import { axeViolations, isBlocking } from './a11y';
import { luhnCheckDigit } from '../src/lib/personalNumber';
import { formatDate } from '../src/lib/format';

const ARVID = '196403261230'; // Arvid Aronsson, Dorotea kommun's permission administrator (demo data)
const TOLVAN = '191212121212'; // the demo authority administrator
const VERA = `19750612221${luhnCheckDigit('750612221')}`; // Vera Ansvarsson, Vux Extern Anordnare Ansvarig (demo data)
const AGDA = `19840309890${luhnCheckDigit('840309890')}`; // Agda Andersson, reader at Aratron AB (demo data)

describe('the administrator journey in a real browser against the real system', () => {
  oneStory('journey');

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
    await checkScreen('01-login-qr');
    await page.getByLabel('Personnummer att identifiera som').fill(ARVID);
    await page.getByRole('button', { name: 'Godkänn i Test-BankID' }).click();
    await page.waitForURL(/\/org\/[^/]+\/permissions$/);
  });

  it('R-SCOPE-1: Mina behörigheter shows Dorotea kommun / Dorotea UBK in one request', async () => {
    await page.getByRole('region', { name: /Dorotea kommun/ }).waitFor(); // the first load is done
    await page.waitForLoadState('networkidle');
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
    expect(requests, requests.join('\n')).toHaveLength(1);
    await checkScreen('02-mina-behorigheter');
  });

  it('is keyboard usable: the first Tab reaches the skip link, which moves focus to the content', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Mina behörigheter', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none'); // visible focus
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('R-USR-1: Användare shows the staff list without full personal numbers', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('heading', { name: 'Användare', level: 1 }).waitFor();
    const table = page.locator('table.staff');
    await table.getByRole('cell', { name: 'Aronsson, Arvid' }).waitFor();
    expect(await table.textContent()).not.toContain(ARVID);
    await checkScreen('03-anvandare');
  });

  it('R-ID-1: Skapa användare shows an inline error for a wrong personal number', async () => {
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skapa användare' });
    await dialog.waitFor();
    // It opens clean: focus on the first field, no error before anyone typed.
    await page.waitForTimeout(100);
    expect(await dialog.getByText('Fyll i fältet.').count()).toBe(0);
    expect(await dialog.getByLabel('Personnummer').evaluate((el) => el === document.activeElement)).toBe(true);
    // R-ROLE-3: every catalogue role is offered, grouped by system, though Arvid holds only a KA Webb role.
    const roles = dialog.getByRole('group', { name: 'Roller' });
    await roles.getByRole('group', { name: 'Mina sidor' }).getByRole('checkbox', { name: 'Ta emot (och fördela) nya deltagare' }).waitFor();
    await roles.getByRole('group', { name: 'Mina sidor' }).getByRole('checkbox', { name: 'Rapportering, planering och information om deltagare' }).waitFor();
    await roles.getByRole('group', { name: 'Skolplattformen' }).getByRole('checkbox', { name: 'Vux Extern Anordnare Ansvarig Sthlm' }).waitFor();
    expect(await roles.getByRole('group', { name: 'KA Webb' }).getByRole('checkbox', { name: 'Läsare' }).count()).toBe(1);
    await dialog.getByLabel('Personnummer').fill('19900101-0018');
    await dialog.getByLabel('Förnamn').focus();
    const error = dialog.getByText('Kontrollsiffran stämmer inte.');
    await error.waitFor();
    expect(await dialog.getByLabel('Personnummer').getAttribute('aria-invalid')).toBe('true');
    await checkScreen('04-skapa-anvandare-fel');
  });

  it('R-SIGN-1: a valid new user lands in Användare att signera', async () => {
    const dialog = page.getByRole('dialog', { name: 'Skapa användare' });
    await dialog.getByLabel('Personnummer').fill('19900101-0017');
    await dialog.getByLabel('Förnamn').fill('Greta');
    await dialog.getByLabel('Efternamn').fill('Webbtest');
    await dialog.getByLabel('E-post').fill('greta.webbtest@example.se');
    await dialog.getByRole('group', { name: 'Roller' }).getByRole('checkbox', { name: 'Läsare' }).check();
    const units = dialog.getByRole('group', { name: 'Utförande verksamheter' });
    if (await units.count()) await units.getByRole('checkbox').first().check();
    await dialog.getByRole('button', { name: 'Lägg till att signera' }).click();
    await dialog.waitFor({ state: 'detached' });
    const toSign = page.getByRole('region', { name: 'Användare att signera' });
    await toSign.getByRole('cell', { name: 'Greta Webbtest', exact: true }).waitFor();
    expect(await toSign.getByRole('cell', { name: 'Ny', exact: true }).count()).toBe(1);
    await checkScreen('05-att-signera');
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
    expect(await receipt.getByRole('link', { name: 'Ladda ner maskinläsbar kvittens (JSON)' }).getAttribute('download')).toMatch(/^kvittens-.*\.json$/);
    // The receipt in words: what was signed, and a PDF of it beside the JSON.
    expect(await receipt.textContent()).toContain('Greta Webbtest');
    const [pdf] = await Promise.all([page.waitForEvent('download'), receipt.getByRole('button', { name: 'Ladda ner kvittensen som PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^kvittens-.*\.pdf$/);
    const pdfPath = await pdf.path();
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.locator('table.staff').getByRole('cell', { name: 'Webbtest, Greta' }).waitFor();
    await checkScreen('06-kvittens');
  });

  it('R-PERIOD-4: Ändra behörighetsperiod gives the ticked user a new end date', async () => {
    await page.getByRole('checkbox', { name: 'Välj Greta Webbtest' }).check();
    await page.getByRole('button', { name: 'Ändra behörighetsperiod' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra behörighetsperiod' });
    await dialog.getByLabel('Nytt slutdatum').fill('2099-01-01');
    await dialog.getByRole('button', { name: 'Ändra period' }).click();
    await dialog.getByText('Slutdatum får vara senast 31 december nästa år.').waitFor(); // R-PERIOD-2, inline
    const next = `${new Date().getFullYear() + 1}-06-30`;
    await dialog.getByLabel('Nytt slutdatum').fill(next);
    await dialog.getByRole('button', { name: 'Ändra period' }).click();
    await page.getByText('Behörighetsperioden är ändrad.').waitFor();
    const row = page.locator('table.staff tr', { hasText: 'Webbtest, Greta' });
    await row.getByRole('cell', { name: formatDate('sv', next) }).waitFor(); // dates in the chosen language
  });

  it('R-SIGN-1: changing an existing user also waits in Användare att signera', async () => {
    await page.getByRole('button', { name: 'Ändra Greta Webbtest' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ändra Greta Webbtest' });
    expect(await dialog.getByLabel('Personnummer').count()).toBe(0); // not asked again
    await dialog.getByLabel('E-post').fill('greta@dorotea.se');
    await dialog.getByRole('button', { name: 'Lägg till att signera' }).click();
    await dialog.waitFor({ state: 'detached' });
    const toSign = page.getByRole('region', { name: 'Användare att signera' });
    await toSign.getByRole('cell', { name: 'Ändrad', exact: true }).waitFor();
    await toSign.getByRole('button', { name: 'Ta bort Greta Webbtest' }).click();
    await toSign.getByText('Det finns inga ändringar att signera.').waitFor();
  });

  it('R-SIGN-1: a proposed change can be discarded before signing', async () => {
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Skapa användare' });
    await dialog.getByLabel('Personnummer').fill('680164-2395'); // a coordination number (R-ID-2)
    await dialog.getByLabel('Förnamn').fill('Hugo');
    await dialog.getByLabel('Efternamn').fill('Kasserad');
    await dialog.getByRole('group', { name: 'Roller' }).getByRole('checkbox', { name: 'Läsare' }).check();
    await dialog.getByRole('group', { name: 'Utförande verksamheter' }).getByRole('checkbox').first().check();
    await dialog.getByRole('button', { name: 'Lägg till att signera' }).click();
    const toSign = page.getByRole('region', { name: 'Användare att signera' });
    await toSign.getByRole('cell', { name: 'Hugo Kasserad', exact: true }).waitFor();
    await toSign.getByRole('button', { name: 'Ta bort Hugo Kasserad' }).click();
    await toSign.getByText('Det finns inga ändringar att signera.').waitFor();
  });

  it('R-ORG-1: Uppgifter shows the organisation, its units and contact details', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Uppgifter' }).click();
    await page.getByRole('heading', { name: 'Uppgifter', level: 1 }).waitFor();
    await page.getByText('212000-2809').waitFor();
    await page.getByRole('cell', { name: 'Dorotea UBK' }).first().waitFor();
    await page.getByRole('heading', { name: 'Kontaktpersoner' }).waitFor();
    await page.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
    await page.getByLabel('Förnamn').fill('Kim');
    await page.getByLabel('Efternamn').fill('Kontakt');
    await page.getByLabel('E-post').fill('kim.kontakt@dorotea.se');
    await page.getByRole('region', { name: 'Kontaktpersoner' }).getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('cell', { name: 'Kim Kontakt' }).waitFor();
    await checkScreen('08-uppgifter');
  });

  it('R-ROLE-2: Roller renders the role matrix with ● and ○', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Roller' }).click();
    await page.getByRole('heading', { name: 'Roller', level: 1 }).waitFor();
    const matrix = page.locator('table.matrix').first();
    await matrix.getByRole('rowheader', { name: 'Hantera användare' }).waitFor();
    const text = await page.locator('main').textContent();
    expect(text).toContain('●');
    expect(text).toContain('○');
    await checkScreen('09-roller');
  });

  it('R-AUDIT-1, R-AUDIT-2: Logg lists the new user\'s events and the chain verifies', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Logg' }).click();
    await page.getByRole('heading', { name: 'Logg', level: 1 }).waitFor();
    await page.locator('main table tbody tr').first().waitFor();
    const actionTexts = async () => (await page.locator('main table tbody tr td:nth-child(3)').allTextContents()).join(' ');
    // R-AUDIT-1: proposing, signing, applying (the new user) and the period change are all logged,
    // in words a person reads: no action codes, no person:/change_set: ids. The access service's
    // events arrive through its outbox seconds later; the open page refreshes itself, no reload.
    for (const a of ['Ändring föreslagen (väntar på signering)', 'Ändringar signerade med BankID', 'Användare tillagd', 'Behörighetsperiod ändrad']) await expect.poll(actionTexts).toContain(a);
    const actions = await actionTexts();
    const targets = (await page.locator('main table tbody tr td:nth-child(4)').allTextContents()).join('\n');
    expect(targets).toMatch(/Greta Webbtest, född 1 jan\. 1990/);
    expect(targets).toContain('Ändringar att signera');
    expect(targets).not.toMatch(/person:|change_?set:|changeSet:/i);
    expect(actions).not.toMatch(/access\.|changes\.signed/);
    // The export button downloads the log as JSON Lines (through the gateway, with the session token).
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera loggen (JSON Lines)' }).click()]);
    expect(exported.suggestedFilename()).toMatch(/^audit-.*\.jsonl$/);
    const exportedLines = readFileSync(await exported.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action?: string });
    expect(exportedLines.some((e) => e.action === 'access.staff.added')).toBe(true);
    await page.getByRole('button', { name: 'Kontrollera kedjan' }).click();
    await page.getByText(/Kedjan är obruten/).waitFor();
    await page.locator('main table details summary').first().click();
    await checkScreen('10-logg');
  });

  it('the axe-core check is live: it flags an unlabelled field and unreadable text', async () => {
    await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'axe-probe';
      probe.innerHTML = '<input type="text"><p style="color:#ccc;background:#fff">svag kontrast</p>';
      document.querySelector('main')!.append(probe);
    });
    const findings = await axeViolations(page);
    await page.evaluate(() => document.getElementById('axe-probe')!.remove());
    const blocking = findings.filter(isBlocking).map((f) => f.id);
    expect(blocking).toContain('label');
    expect(blocking).toContain('color-contrast');
  });

  it('R-ORG-4: the authority picks an organisation and switches to another; the choice is in the URL', async () => {
    await logIn(TOLVAN);
    await page.getByRole('heading', { name: 'Välj organisation' }).waitFor();
    await page.getByRole('link', { name: /Vuxenlärcentrum Stockholm AB/ }).click();
    await page.waitForURL(/\/org\/00000000-0000-4000-8000-000000000004\/permissions$/);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Uppgifter' }).click();
    await page.getByRole('cell', { name: 'Kista vuxenutbildning' }).waitFor();
    await page.getByLabel('Organisation').selectOption({ label: 'Dorotea kommun' });
    await page.waitForURL(/\/org\/00000000-0000-4000-8000-000000000002\/details$/);
    await page.getByRole('cell', { name: 'Dorotea UBK' }).first().waitFor();
    await checkScreen('12-org-switch');
  });

  it('R-END-1…5: a responsible role ends an employment: unit, school form "Alla", preview, complete', async () => {
    await logIn(VERA);
    await page.waitForURL(/\/org\/00000000-0000-4000-8000-000000000004\/permissions$/);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Användare' }).click();
    await page.getByRole('button', { name: 'Avsluta personal: Tage Lärare' }).click();
    const dialog = page.getByRole('dialog', { name: /Avsluta personal: Tage Lärare/ });
    await dialog.getByLabel('Enhet').selectOption({ label: 'Kista vuxenutbildning' });
    await dialog.getByLabel('Skolform').selectOption({ label: 'Alla' });
    await dialog.getByRole('button', { name: 'Förhandsgranska' }).click();
    await dialog.getByRole('heading', { name: 'Följande behörigheter avslutas' }).waitFor();
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    await dialog.getByText(`Slutdatum ${today}, enhet Kista vuxenutbildning`).waitFor();
    expect(await dialog.locator('tbody tr').count()).toBeGreaterThan(0);
    await checkScreen('13-avsluta-forhandsgranskning');
    await dialog.getByRole('button', { name: 'Slutför' }).click();
    await dialog.getByText('Personalen är avslutad.').waitFor();
    await checkScreen('14-avsluta-klart');
    await dialog.getByRole('button', { name: 'Stäng', exact: true }).last().click();
  });

  it('permission-aware navigation: a reader is not offered Användare or Logg, and an old link explains why', async () => {
    await logIn(AGDA);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Mina behörigheter' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await nav.getByRole('link', { name: 'Användare' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Logg' }).count()).toBe(0);
    const orgPath = new URL(page.url()).pathname.split('/').slice(0, 3).join('/');
    await page.goto(`${webUrl}${orgPath}/staff`);
    await page.getByRole('heading', { name: 'Du har inte behörighet till den här delen', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Skapa användare' }).count()).toBe(0);
    await checkScreen('16-lasare-meny');
  });

  it('a forged or expired session sends the user back to log-in with a notice', async () => {
    await page.evaluate(() => sessionStorage.setItem('behorig.session', 'not-a-valid-token'));
    await page.reload();
    await page.waitForURL(/\/login$/);
    await page.getByText('Din session har gått ut. Logga in igen.').waitFor();
    await checkScreen('15-login-session-expired');
  });

  it('the page may only send its persisted documents (PERSISTED_DOCUMENTS=require-for-web-origin): another document from its origin is refused', async () => {
    const gatewayUrl = inject('gatewayUrl');
    const answer = await page.evaluate(async (url) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      return { status: res.status, body: await res.json() };
    }, gatewayUrl);
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'PERSISTED_DOCUMENT_REQUIRED' });
  });

  it('works at 360 px width with English switched on', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await logIn(VERA);
    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My permissions' }).click();
    await page.getByRole('heading', { name: 'My permissions', level: 1 }).waitFor();
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await checkScreen('11-mobile-en');
    expectNoConsoleErrors();
  });

  it('a compact header at 360 px, and the tables fit their container from 360 to 1600 px', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByLabel('Language').selectOption('sv');
    // Vera works for Vuxenlärcentrum: open her own organisation (log-in returned her to the last page visited).
    await page.locator('.org-switcher select').selectOption({ label: 'Vuxenlärcentrum Stockholm AB' });
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Mina behörigheter' }).click();
    await page.getByRole('heading', { name: 'Mina behörigheter', level: 1 }).waitFor();
    await nav.getByRole('link', { name: 'Användare' }).waitFor();
    const headerBottom = await page.evaluate(() => document.querySelector('nav.mainnav')!.getBoundingClientRect().bottom);
    expect(headerBottom, 'header + menu height at 360 px').toBeLessThanOrEqual(200);
    const orgPath = new URL(page.url()).pathname.split('/').slice(0, 3).join('/');
    for (const width of [360, 1280, 1600]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [section, heading] of [['permissions', 'Mina behörigheter'], ['staff', 'Användare'], ['log', 'Logg'], ['details', 'Uppgifter']] as const) {
        await page.goto(`${webUrl}${orgPath}/${section}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(200);
        const overflow = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          tables: [...document.querySelectorAll('main .table-wrap')].filter((w) => !w.querySelector('table.matrix'))
            .map((w) => ({ table: w.querySelector('table')!.className, over: w.scrollWidth - w.clientWidth })).filter((x) => x.over > 1),
        }));
        expect(overflow.page, `${section} at ${width} px: the page scrolls sideways`).toBeLessThanOrEqual(0);
        expect(overflow.tables, `${section} at ${width} px: a table is wider than its container`).toEqual([]);
        if (width === 360 && section === 'log') await checkScreen('17-logg-360');
      }
    }
  }, 180_000); // twelve page loads: on a loaded machine each takes seconds

  it('the footer gives contact details and links the accessibility statement (DIGG template), at 1280 and 360 px', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const footer = page.getByRole('contentinfo');
    await footer.getByText('Kontakt och support').waitFor();
    expect(await footer.getByRole('link', { name: /@/ }).count()).toBeGreaterThan(0);
    await footer.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await page.getByRole('heading', { name: 'Tillgänglighet för Behörig', level: 1 }).waitFor();
    for (const h of ['Tillsyn', 'Innehåll som inte är tillgängligt', 'Hur vi testat tjänsten']) await page.getByRole('heading', { name: h }).waitFor();
    await checkScreen('18-tillganglighet');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await checkScreen('19-tillganglighet-360');
    expectNoConsoleErrors();
  });
});
