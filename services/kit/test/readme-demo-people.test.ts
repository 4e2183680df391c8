import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '../src/demo-data';

/**
 * The README's table of demo people is the demo data (src/demo-data.ts), row for row: the
 * personal numbers there are computed (Luhn check digits), so a table typed by hand would go
 * stale silently. This test recomputes every row and compares.
 */
const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const dashed = (pnr: string) => `${pnr.slice(0, 8)}-${pnr.slice(8)}`;

type Membership = { organisation: keyof typeof DEMO.organisations; units: readonly (keyof typeof DEMO.units)[]; roles: readonly { role: string; validTo: string | null }[] };

function expectedRows(): string[][] {
  const rows: string[][] = [];
  for (const p of DEMO.people) {
    const name = `${p.givenName} ${p.surname}`;
    const memberships = p.memberships as readonly Membership[];
    if (!memberships.length) rows.push([name, `\`${dashed(p.personalNumber)}\``, `${DEMO.organisations.arbetsformedlingen.name} (the authority)`, '—', 'authority staff']);
    for (const m of memberships) {
      rows.push([
        name,
        `\`${dashed(p.personalNumber)}\``,
        DEMO.organisations[m.organisation].name,
        m.units.map((u) => DEMO.units[u].name).join(', '),
        m.roles.map((r) => `\`${r.role}\`${r.validTo ? ` until ${r.validTo}` : ''}`).join(', '),
      ]);
    }
  }
  const a = DEMO.andreaSandin;
  rows.push([`${a.givenName} ${a.surname}`, `\`${dashed(a.personalNumber)}\``, 'not yet a member', '—', 'proposed in the walkthrough above']);
  return rows;
}

function readmeRows(): string[][] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Demo people'));
  if (!section) throw new Error('README.md has no "## Demo people" section');
  return section
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
    .slice(1) // the header
    .map((l) => l.slice(1, -1).split('|').map((c) => c.trim()));
}

describe('README: the demo people', () => {
  it('lists every demo person with their personal number, organisation, units and roles, and nobody else', () => {
    expect(readmeRows()).toEqual(expectedRows());
  });

  it('every personal number in the table is a valid test number of the demo data (R-ID-1, R-ID-4)', () => {
    const all = new Set([...DEMO.people.map((p) => p.personalNumber), DEMO.andreaSandin.personalNumber]);
    const listed = readmeRows().map((r) => r[1].replace(/[`-]/g, ''));
    expect(new Set(listed)).toEqual(all);
  });
});
