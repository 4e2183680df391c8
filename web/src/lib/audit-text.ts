import { dictionaries, format, type Lang, type MessageKey } from '../i18n';
import { formatDate } from './format';

/**
 * The audit log in words (R-AUDIT-1): the services record stable action codes and targets such as
 * `person:<id>` or `change_set:<id>`; people read what happened and to whom, by name.
 */
export function actionLabel(lang: Lang, action: string): string {
  return dictionaries[lang][`audit.action.${action}` as MessageKey] ?? dictionaries[lang]['audit.action.other'];
}

/** True when the client has words for this action code. */
export const knowsAction = (action: string) => `audit.action.${action}` in dictionaries.sv;

/** Every action the client has words for, for the filter (sorted by its label). */
export function knownActions(lang: Lang): { code: string; label: string }[] {
  return Object.keys(dictionaries.sv)
    .filter((k) => k.startsWith('audit.action.') && k !== 'audit.action.other' && k !== 'audit.action.staff.proposed')
    .map((k) => ({ code: k.slice('audit.action.'.length), label: dictionaries[lang][k as MessageKey] }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

export type Target =
  | { kind: 'person'; id: string }
  | { kind: 'newPerson'; birthDate: string }
  | { kind: 'changeSet'; id: string }
  | { kind: 'unit'; id: string }
  | { kind: 'organisation'; id: string }
  | { kind: 'agreement'; id: string }
  | { kind: 'contactPerson'; id: string }
  | { kind: 'paymentAccount'; id: string }
  | { kind: 'apiClient'; id: string }
  | { kind: 'service'; code: string }
  | { kind: 'authority' }
  | { kind: 'other'; raw: string };

/** What a stored target names. Both spellings the services use are understood (`change_set:`, `changeSet:`). */
export function parseTarget(target: string): Target {
  if (target === 'authority') return { kind: 'authority' };
  const i = target.indexOf(':');
  if (i < 0) return { kind: 'other', raw: target };
  const type = target.slice(0, i).toLowerCase().replace(/_/g, '');
  const value = target.slice(i + 1);
  switch (type) {
    case 'person': return /^\d{4}-\d{2}-\d{2}$/.test(value) ? { kind: 'newPerson', birthDate: value } : { kind: 'person', id: value };
    case 'changeset': return { kind: 'changeSet', id: value };
    case 'unit': return { kind: 'unit', id: value };
    case 'organisation': return { kind: 'organisation', id: value };
    case 'agreement': return { kind: 'agreement', id: value };
    case 'contactperson': return { kind: 'contactPerson', id: value };
    case 'paymentaccount': return { kind: 'paymentAccount', id: value };
    case 'apiclient': return { kind: 'apiClient', id: value };
    case 'service': return { kind: 'service', code: value };
    default: return { kind: 'other', raw: target };
  }
}

export interface PersonName { givenName: string; surname: string; birthDate: string }

/** Looks for a name in the event's own before/after JSON (contact persons, accounts, clients, units). */
function nameIn(json: string | null | undefined, keys: string[]): string | null {
  if (!json) return null;
  try {
    const o = JSON.parse(json) as Record<string, unknown>;
    if (typeof o.givenName === 'string' || typeof o.surname === 'string') return [o.givenName, o.surname].filter(Boolean).join(' ');
    for (const k of keys) if (typeof o[k] === 'string' && o[k]) return o[k] as string;
  } catch { /* not JSON */ }
  return null;
}

/** The target in words. `people` and `units` are what the page could look up through the gateway. */
export function targetText(
  lang: Lang,
  event: { target: string; before?: string | null; after?: string | null },
  lookups: { people: ReadonlyMap<string, PersonName>; units: ReadonlyMap<string, string> },
): string {
  const d = dictionaries[lang];
  const t = (key: MessageKey, params?: Record<string, string>) => format(d[key], params);
  const target = parseTarget(event.target);
  const named = (keys: string[]) => nameIn(event.after, keys) ?? nameIn(event.before, keys);
  switch (target.kind) {
    case 'person': {
      const p = lookups.people.get(target.id);
      return p ? t('audit.target.person', { name: `${p.givenName} ${p.surname}`, birthDate: formatDate(lang, p.birthDate) }) : t('audit.target.personUnknown');
    }
    case 'newPerson': return t('audit.target.newPerson', { birthDate: formatDate(lang, target.birthDate) });
    case 'changeSet': return t('audit.target.changeSet');
    case 'unit': {
      const name = lookups.units.get(target.id) ?? named(['name']);
      return name ? t('audit.target.unit', { name }) : t('audit.target.unitUnknown');
    }
    case 'organisation': return t('audit.target.organisation');
    case 'agreement': return t('audit.target.agreement');
    case 'contactPerson': return t('audit.target.contactPerson', { name: named(['name', 'email']) ?? '' }).trim();
    case 'paymentAccount': return t('audit.target.paymentAccount', { name: named(['number']) ?? '' }).trim();
    case 'apiClient': return t('audit.target.apiClient', { name: named(['name']) ?? '' }).trim();
    case 'service': return t('audit.target.service', { name: named(['name']) ?? target.code });
    case 'authority': return t('audit.target.authority');
    default: return t('audit.target.other');
  }
}

/** Who did it, in words: a person by name; otherwise what kind of caller (never a personal number). */
export function actorText(lang: Lang, event: { actor?: { givenName: string; surname: string; birthDate?: string | null } | null; actorLabel?: string | null }): string {
  const d = dictionaries[lang];
  if (event.actor) {
    const name = `${event.actor.givenName} ${event.actor.surname}`;
    // Two people may share a name: the birth date tells them apart (never the personal number, R-USR-1).
    return event.actor.birthDate ? format(d['audit.target.person'], { name, birthDate: formatDate(lang, event.actor.birthDate) }) : name;
  }
  const label = event.actorLabel ?? '';
  if (label.startsWith('client:')) return d['audit.actor.client'];
  if (label.startsWith('service:')) return d['audit.actor.service'];
  if (label.startsWith('pnr:') || label.startsWith('person:') || label === 'authority') return d['audit.actor.authority'];
  return d['audit.actor.unknown'];
}

/** The person ids an event list refers to (to look their names up once). */
export function personIds(events: readonly { target: string }[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const t = parseTarget(e.target);
    if (t.kind === 'person') ids.add(t.id);
  }
  return [...ids];
}

/** One line of what changed, for the common staff events; null when there is nothing short to say. */
export function summaryText(lang: Lang, event: { action: string; before?: string | null; after?: string | null }, roleName: (code: string) => string): string | null {
  const d = dictionaries[lang];
  const t = (key: MessageKey, params?: Record<string, string>) => format(d[key], params);
  const parse = (s?: string | null): unknown => { try { return s ? JSON.parse(s) : null; } catch { return null; } };
  const before = parse(event.before);
  const after = parse(event.after);
  const date = (s: unknown) => (typeof s === 'string' ? formatDate(lang, s) : d['audit.summary.noEnd']);
  // Period changes list their roles: `after` is the list, or (since it also names the person) `{ person, roles }`.
  const periodRoles = Array.isArray(after) ? after : after && typeof after === 'object' && Array.isArray((after as { roles?: unknown }).roles) ? (after as { roles: unknown[] }).roles : null;
  if (event.action === 'access.period.changed' && periodRoles) {
    const b = Array.isArray(before) ? before.map((x: { validTo?: string | null }) => date(x.validTo ?? null)) : [];
    const a = periodRoles.map((x) => date((x as { validTo?: string | null }).validTo ?? null));
    return t('audit.summary.endDates', { before: [...new Set(b)].join(', ') || d['audit.summary.noEnd'], after: [...new Set(a)].join(', ') });
  }
  if (event.action === 'access.employment.ended' && after && typeof after === 'object' && 'endDate' in after) {
    return t('audit.summary.endDate', { date: date((after as { endDate: string }).endDate) });
  }
  if (after && typeof after === 'object' && !Array.isArray(after) && Array.isArray((after as { roleCodes?: unknown }).roleCodes)) {
    const a = after as { roleCodes: string[]; validFrom?: string | null; validTo?: string | null };
    const parts = [t('audit.summary.roles', { roles: a.roleCodes.map(roleName).join(', ') })];
    if (a.validFrom) parts.push(t('audit.summary.period', { from: date(a.validFrom), to: date(a.validTo ?? null) }));
    return parts.join('. ');
  }
  return null;
}
