import { luhnCheckDigit } from '@behorig/kit/identity';

/**
 * The realistic shape of the scale data, as pure generators: names, valid identity numbers,
 * distributions. A seeded PRNG makes a run reproducible (same flags → same shape), which keeps
 * benchmark runs on freshly seeded databases comparable.
 */

/** mulberry32: tiny, fast, good enough to draw a data set (not for anything secret). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

/** Draws from a discrete distribution given as [value, weight] pairs. */
export function weighted<T>(r: Rand, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of table) {
    if ((x -= w) < 0) return v;
  }
  return table[table.length - 1][0];
}

export const PLACES = ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Västerås', 'Örebro', 'Linköping', 'Helsingborg', 'Jönköping', 'Norrköping', 'Lund', 'Umeå', 'Gävle', 'Borås', 'Södertälje', 'Eskilstuna', 'Halmstad', 'Växjö', 'Karlstad', 'Sundsvall', 'Östersund', 'Trollhättan', 'Luleå', 'Kalmar', 'Kristianstad', 'Skövde', 'Falun', 'Borlänge', 'Varberg', 'Nyköping', 'Karlskrona', 'Visby', 'Kiruna', 'Piteå', 'Skellefteå', 'Ystad', 'Motala', 'Lidköping', 'Alingsås', 'Sandviken'];
const COMPANY_WORDS = ['Nordic', 'Svea', 'Kompetens', 'Lärande', 'Arbetslinjen', 'Framtid', 'Vägledning', 'Matchning', 'Utveckling', 'Karriär', 'Steg', 'Bro', 'Insikt', 'Kraft', 'Nova', 'Aurora', 'Polaris', 'Fjäll', 'Skog', 'Kust'];
const COMPANY_SUFFIX = ['AB', 'Consulting AB', 'Utbildning AB', 'Partner AB', 'Gruppen AB', 'Akademi AB', 'Ekonomisk förening', 'Stiftelse'];
export const GIVEN = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Anders', 'Eva', 'Johan', 'Sara', 'Per', 'Emma', 'Karl', 'Lena', 'Nils', 'Ingrid', 'Mikael', 'Elin', 'Oskar', 'Sofia', 'Gustav', 'Ida', 'Fredrik', 'Hanna', 'Magnus', 'Linnea', 'Jonas', 'Maja', 'Ali', 'Fatima', 'Mohammed', 'Amira', 'Olle', 'Astrid', 'Sven', 'Britt', 'Åsa', 'Örjan', 'Märta', 'Ebba', 'Viktor'];
export const SURNAMES = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson', 'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Ali', 'Mohammed', 'Åberg', 'Öberg', 'Ekström'];
const STREETS = ['Storgatan', 'Drottninggatan', 'Kungsgatan', 'Skolgatan', 'Järnvägsgatan', 'Industrivägen', 'Parkvägen', 'Torggatan', 'Ringvägen', 'Hamngatan'];
export const SCHOOL_FORMS = ['KOMVUX_GRUNDLAGGANDE', 'KOMVUX_GYMNASIAL', 'SFI', 'SARVUX'] as const;
export const SERVICES = ['UTBILDNINGSKONTRAKT', 'RUSTA_OCH_MATCHA', 'KOMVUX'] as const;

export type OrgKind = 'AUTHORITY' | 'MUNICIPALITY' | 'SUPPLIER' | 'EDUCATION_PROVIDER';

/**
 * A valid, unique organisation number for the i-th generated organisation (R-ID-3): the legal
 * form digit of its kind (2 public, 5 limited company, 8 foundation), then "9" as the second
 * digit — no demo organisation uses it, so scale rows never collide with the demo ones — digits
 * 3–4 in 20..99 and a running number; the tenth digit is the Luhn check digit.
 */
export function orgNumber(i: number, kind: OrgKind): string {
  const first = kind === 'AUTHORITY' || kind === 'MUNICIPALITY' ? '2' : kind === 'EDUCATION_PROVIDER' && i % 3 === 0 ? '8' : '5';
  const nine = `${first}9${20 + (i % 80)}${String(Math.floor(i / 80)).padStart(5, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

export interface GeneratedOrganisation {
  id: string;
  orgNumber: string;
  name: string;
  kind: OrgKind;
  place: string;
  postalAddress: string;
  phone: string;
  website: string;
}

export function organisation(r: Rand, i: number, id: string): GeneratedOrganisation {
  const kind = weighted<OrgKind>(r, [['MUNICIPALITY', 15], ['SUPPLIER', 55], ['EDUCATION_PROVIDER', 28], ['AUTHORITY', 2]]);
  const place = pick(r, PLACES);
  // The running number makes names unique, so a name search can find one organisation.
  const name = kind === 'MUNICIPALITY' ? `${place} kommun ${i}`
    : kind === 'AUTHORITY' ? `Myndigheten för ${pick(r, ['arbetsmarknad', 'utbildning', 'kompetens', 'vägledning'])} ${i}`
    : `${pick(r, COMPANY_WORDS)} ${pick(r, COMPANY_WORDS)} ${kind === 'EDUCATION_PROVIDER' ? 'Utbildning ' : ''}${pick(r, COMPANY_SUFFIX)} ${i}`;
  const postal = `${int(r, 100, 985)} ${String(int(r, 0, 99)).padStart(2, '0')} ${place}`;
  return { id, orgNumber: orgNumber(i, kind), name, kind, place, postalAddress: postal, phone: `0${int(r, 8, 99)}-${int(r, 100000, 999999)}`, website: `www.org${i}.example.se` };
}

export interface GeneratedUnit {
  id: string;
  organisationId: string;
  serviceCode: (typeof SERVICES)[number];
  name: string;
  schoolForms: string[];
}

/** The k-th unit of an organisation; KOMVUX units get one to four school forms. */
export function unit(r: Rand, org: GeneratedOrganisation, k: number, id: string): GeneratedUnit {
  const serviceCode = org.kind === 'EDUCATION_PROVIDER' || (org.kind === 'MUNICIPALITY' && r() < 0.5) ? 'KOMVUX' : r() < 0.5 ? 'UTBILDNINGSKONTRAKT' : 'RUSTA_OCH_MATCHA';
  const schoolForms = serviceCode === 'KOMVUX' ? SCHOOL_FORMS.filter(() => r() < 0.55) : [];
  if (serviceCode === 'KOMVUX' && schoolForms.length === 0) schoolForms.push(pick(r, SCHOOL_FORMS));
  const label = serviceCode === 'KOMVUX' ? 'vuxenutbildning' : serviceCode === 'UTBILDNINGSKONTRAKT' ? 'UBK' : 'Stöd och matchning';
  return { id, organisationId: org.id, serviceCode, name: `${pick(r, PLACES)} ${label} ${k + 1}`, schoolForms };
}

export function address(r: Rand, place: string): { street: string; postalCode: string; city: string } {
  return { street: `${pick(r, STREETS)} ${int(r, 1, 120)}`, postalCode: `${int(r, 100, 985)} ${String(int(r, 0, 99)).padStart(2, '0')}`, city: place };
}

/**
 * A valid personal identity number (R-ID-1) or, with `coordination`, a coordination number
 * (R-ID-2: day + 60), in the stored 12-digit form, with its birth date.
 */
export function personalNumber(r: Rand, coordination: boolean): { pnr: string; birthDate: string } {
  const year = int(r, 1950, 2004);
  const month = int(r, 1, 12);
  const day = int(r, 1, 28);
  const mm = String(month).padStart(2, '0');
  const dd = String(coordination ? day + 60 : day).padStart(2, '0');
  const serial = String(int(r, 0, 999)).padStart(3, '0');
  const ten = `${String(year).slice(2)}${mm}${dd}${serial}`;
  return { pnr: `${year}${mm}${dd}${serial}${luhnCheckDigit(ten)}`, birthDate: `${year}-${mm}-${String(day).padStart(2, '0')}` };
}

/** People are members of one to six organisations (mean ≈ 3.1). */
export const membershipCount = (r: Rand) => weighted(r, [[1, 15], [2, 25], [3, 25], [4, 15], [5, 10], [6, 10]]);

/** Role assignments per membership (mean ≈ 1.65). */
export const roleCount = (r: Rand) => weighted(r, [[1, 50], [2, 35], [3, 15]]);

/** Units per organisation: skewed, mean ≈ 20, a few large ones with up to ~80. */
export const unitCount = (r: Rand) => 1 + Math.floor(r() * r() * 78);

const DAY = 86_400_000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * An authorisation period (R-PERIOD-1): ~20 % past, ~65 % current, ~15 % future; end dates never
 * after the end of next year (R-PERIOD-2). Permission administrators never get an end date
 * (R-PERIOD-3).
 */
export function period(r: Rand, todayMs: number, permissionAdmin: boolean): { validFrom: string; validTo: string | null } {
  const endOfNextYear = Date.UTC(new Date(todayMs).getUTCFullYear() + 1, 11, 31);
  if (permissionAdmin) {
    const future = r() < 0.05;
    return { validFrom: isoDay(future ? todayMs + int(r, 1, 120) * DAY : todayMs - int(r, 1, 3000) * DAY), validTo: null };
  }
  const kind = r();
  if (kind < 0.2) {
    const to = todayMs - int(r, 1, 1500) * DAY;
    return { validFrom: isoDay(to - int(r, 30, 1500) * DAY), validTo: isoDay(to) };
  }
  if (kind < 0.85) {
    const from = todayMs - int(r, 0, 2500) * DAY;
    const to = todayMs + Math.floor(r() * (endOfNextYear - todayMs));
    return { validFrom: isoDay(from), validTo: r() < 0.2 ? null : isoDay(to) };
  }
  const from = todayMs + int(r, 1, 200) * DAY;
  return { validFrom: isoDay(from), validTo: isoDay(Math.max(from, from + Math.floor(r() * (endOfNextYear - from)))) };
}

export const AUDIT_ACTIONS: readonly (readonly [string, string, number])[] = [
  // [action, source service, weight]
  ['access.changes.applied', 'access', 30],
  ['access.changes.signing_started', 'access', 20],
  ['access.period.changed', 'access', 10],
  ['access.employment.ended', 'access', 8],
  ['access.staff.removed', 'access', 5],
  ['unit.created', 'organisations', 8],
  ['unit.renamed', 'organisations', 4],
  ['unit.address_added', 'organisations', 5],
  ['contact_person.changed', 'organisations', 6],
  ['payment_account.created', 'organisations', 4],
];
