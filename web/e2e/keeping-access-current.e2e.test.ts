import { describe, expect, it } from 'vitest';
import { checkScreen, logIn, oneStory, page, webUrl } from './story';
import { luhnCheckDigit } from '../src/lib/personalNumber';

/**
 * R-NOTE-1 and R-REV-1 in a real browser against the real system: Fridolf Halldin, permission
 * administrator of Aratron AB, opens "Att göra" (notices, with the badge) and "Granskningar",
 * starts a review, keeps two assignments in one bulk decision and follows the progress. Both
 * pages are checked with axe-core at 1280 and 360 px. Decisions are KEEP only: nothing of
 * Aratron's staff changes for the other journeys sharing this system.
 */
const FRIDOLF = `19870629345${luhnCheckDigit('870629345')}`;

let orgPath = '';

/**
 * Elements reaching beyond the viewport's right edge, except inside a horizontally scrolling table
 * wrapper or the main menu (at phone width one row that scrolls sideways within itself).
 */
const overflowing = () => page.evaluate(() => [...document.querySelectorAll('body *')]
  .filter((e) => !e.closest('.table-wrap') && !e.closest('nav.mainnav') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
  .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} → ${Math.round(e.getBoundingClientRect().right)}`));

describe('notices and access reviews in a real browser (R-NOTE-1, R-REV-1)', () => {
  oneStory('keeping-access-current');

  it('Fridolf Halldin logs in with BankID on this device', async () => {
    await logIn(FRIDOLF);
    await page.waitForURL(/\/org\/[^/]+\/permissions$/);
    orgPath = new URL(page.url()).pathname.replace(/\/permissions$/, '');
  });

  it('R-NOTE-1: "Att göra" is in the menu and lists the notices (axe at 1280 px)', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: /Att göra/ }).click();
    await page.waitForURL(/\/notices$/);
    await page.getByRole('heading', { name: 'Att göra', level: 1 }).waitFor();
    await page.getByLabel('Visa behörigheter som upphör inom').selectOption('90');
    await page.getByText(/Inget att göra just nu\.|Upphör snart/).first().waitFor();
    await checkScreen('kac-01-notices-1280');
  });

  it('R-REV-1: starts a review and sees every active assignment undecided (axe at 1280 px)', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningar' }).click();
    await page.getByRole('heading', { name: 'Granskningar', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Starta granskning' }).click();
    const items = page.getByRole('region', { name: /Obeslutade behörigheter/ });
    await items.waitFor();
    await items.getByRole('checkbox', { name: /Markera Laban Maier/ }).waitFor();
    await page.getByText(/0 av \d+ beslutade/).first().waitFor();
    await checkScreen('kac-02-review-started-1280');
  });

  it('R-REV-1: keeps two assignments in one bulk decision and the progress follows', async () => {
    const items = page.getByRole('region', { name: /Obeslutade behörigheter/ });
    const total = Number((await page.getByText(/0 av \d+ beslutade/).first().textContent())!.match(/0 av (\d+)/)![1]);
    await items.getByRole('checkbox', { name: /Markera Laban Maier/ }).check();
    await items.getByRole('checkbox', { name: /Markera Agda Andersson/ }).check();
    await items.getByRole('button', { name: 'Behåll markerade (2)' }).click();
    await page.getByText(`2 av ${total} beslutade`).waitFor();
    await expect.poll(() => items.getByRole('checkbox', { name: /Markera Laban Maier/ }).count()).toBe(0);
  });

  it('both pages at 360 px are usable and pass axe', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${webUrl}${orgPath}/reviews`);
    await page.getByRole('heading', { name: 'Granskningar', level: 1 }).waitFor();
    await page.getByText(/2 av \d+ beslutade/).first().waitFor();
    expect(await overflowing()).toEqual([]);
    await checkScreen('kac-03-reviews-360');
    await page.goto(`${webUrl}${orgPath}/notices`);
    await page.getByRole('heading', { name: 'Att göra', level: 1 }).waitFor();
    await page.getByText(/Inget att göra just nu\.|Upphör snart/).first().waitFor();
    expect(await overflowing()).toEqual([]);
    await checkScreen('kac-04-notices-360');
  });
});
