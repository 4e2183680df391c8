import { DEMO } from '@behorig/kit/demo';
import { luhnCheckDigit } from '@behorig/kit/identity';
import { mintToken, type SigningKey } from '@behorig/kit/auth';
import { stockholmDate } from '@behorig/kit/dates';

/**
 * Who the load acts as: demo people with their real roles, tokens minted with the key the
 * system's signing service was started with (so the gateway and every subgraph accept them).
 */
const byName = (givenName: string) => {
  const p = DEMO.people.find((x) => x.givenName === givenName);
  if (!p) throw new Error(`No demo person ${givenName}`);
  return p;
};

export interface Actor { name: string; personId: string; personalNumber: string; token: string }
export interface Org { key: 'aratron' | 'dorotea'; id: string; unitId: string; admins: Actor[]; staff: { name: string; id: string }[] }

export async function soakActors(key: SigningKey, ttlSeconds: number) {
  const actor = async (givenName: string): Promise<Actor> => {
    const p = byName(givenName);
    const { token } = await mintToken(key, { kind: 'person', personId: p.id, authority: false }, ttlSeconds);
    return { name: `${p.givenName} ${p.surname}`, personId: p.id, personalNumber: p.personalNumber, token };
  };
  const staff = (names: string[]) => names.map((n) => ({ name: n, id: byName(n).id }));
  const aratron: Org = {
    key: 'aratron', id: DEMO.organisations.aratron.id, unitId: DEMO.units.aratronStod.id,
    admins: await Promise.all(['Fridolf', 'Anselm', 'Beda', 'Leila', 'Albertina'].map(actor)),
    // Non-administrators with current roles: the ones an authorisation period can be changed for (R-PERIOD-3).
    staff: staff(['Laban', 'Viking', 'Agda']),
  };
  const dorotea: Org = { key: 'dorotea', id: DEMO.organisations.dorotea.id, unitId: DEMO.units.doroteaUbk.id, admins: [await actor('Arvid')], staff: [] };
  const reader = await actor('Agda');
  return { orgs: [aratron, dorotea], reader, everyone: [...aratron.admins, ...dorotea.admins, reader] };
}

/** Valid, never-repeating personal numbers for the people the load proposes (none is a demo person). */
export function personalNumbers() {
  const used = new Set<string>(DEMO.people.map((p) => p.personalNumber));
  let n = 0;
  return () => {
    for (;;) {
      n++;
      const year = 1950 + (n % 50);
      const month = String(1 + (Math.floor(n / 50) % 12)).padStart(2, '0');
      const day = String(1 + (Math.floor(n / 600) % 28)).padStart(2, '0');
      const serial = String(100 + (Math.floor(n / 16800) % 900)).padStart(3, '0');
      const first9 = `${String(year).slice(2)}${month}${day}${serial}`;
      const pnr = `${year}${month}${day}${serial}${luhnCheckDigit(first9)}`;
      if (!used.has(pnr)) {
        used.add(pnr);
        return pnr;
      }
    }
  };
}

/** Today in Stockholm and the last end date the period rules allow (R-PERIOD-2: end of next year). */
export function calendar() {
  const today = stockholmDate();
  const latest = `${Number(today.slice(0, 4)) + 1}-12-31`;
  const day = 86_400_000;
  const span = Math.floor((Date.parse(latest) - Date.parse(today)) / day);
  /** A random date from 30 days ahead up to the latest allowed end date. */
  const endDate = () => new Date(Date.parse(today) + (30 + Math.floor(Math.random() * Math.max(1, span - 30))) * day).toISOString().slice(0, 10);
  return { today, latest, endDate };
}
