import { badInput, conflict, notFound, isUuid } from '@behorig/kit/errors';
import { writeOutboxEvent } from '@behorig/kit/outbox';
import { connection, pageArgs, escapeLike } from '@behorig/kit/db';
import type { Context } from '../../context';
import { describeIneligible, planPeriodChange, splitPeriodChange, type PeriodChangePerson } from './rules/authorisation-period.rules';
import { planEndEmployment, type Employment, type EndEmploymentPlan } from './rules/end-employment.rules';
import { wouldLeaveNoAdministrator } from '../agreements/rules/last-administrator.rules';
import { unitActiveOn } from './rules/membership-levels.rules';
import { ENDING_SOON_DAYS, searchTerms, type StaffSortField, type StaffStatus } from './rules/staff-list.rules';
import { addDays } from '@behorig/kit/dates';
import type { PersonRow } from '../people/people.store';
import {
  administratorPeriods, bumpVersion, bumpVersionById, deleteUnitRow, endRolesOn, endUnitRow, insertUnitRow, lockOrganisation, setRoleValidTo, staffPage, unitRowsOf,
} from './memberships.store';
import { actorPower, auditActor, isResponsible, requireManageUsers } from '../../policy/access.policy';
import { laterEndDateChange, putChangeIn, type ChangeFields } from '../changes/changes.service';
import { refreshPermissionIndex } from '../permission-index/permission-index.store';

/**
 * The staff list (R-USR-1: birth dates, never personal numbers), by surname: one statement for the
 * page and its total; roles and units then come through the batched loaders.
 */
/** R-HOOK-1: the name an applied change's event carries, so partners' payloads name people (never by number). */
const nameOf = (p: { givenName: string; surname: string } | null | undefined) => (p ? { givenName: p.givenName, surname: p.surname } : null);

export interface StaffListArgs {
  search?: string | null;
  first?: number | null;
  after?: string | null;
  sortBy?: StaffSortField | null;
  sortDirection?: 'ASC' | 'DESC' | null;
  status?: readonly StaffStatus[] | null;
  roleCode?: string | null;
}

/** The longest search text the staff list takes (names are at most 100 characters, R-SIGN-6). */
const MAX_SEARCH = 100;

export async function staffOf(ctx: Context, organisationId: string, args: StaffListArgs) {
  await requireManageUsers(ctx, organisationId, 'READ');
  const { limit, offset } = pageArgs(args.first, args.after);
  // Every argument is checked before the statement runs (a refused read reads nothing).
  if (args.search && args.search.length > MAX_SEARCH) throw badInput('search', `The search text may be at most ${MAX_SEARCH} characters.`, 'TEXT_TOO_LONG');
  if (args.status && args.status.length === 0) throw badInput('status', 'Give at least one status, or leave the status filter out.', 'INVALID_INPUT');
  if (args.roleCode && !(await ctx.loaders.catalogue()).has(args.roleCode)) throw badInput('roleCode', `There is no role ${args.roleCode}.`, 'UNKNOWN_ROLE');
  const terms = searchTerms(args.search, escapeLike);
  // Unit names belong to the organisations subgraph: the units whose name matches are looked up there.
  const needle = terms?.text.toLocaleLowerCase('sv');
  const unitIds = needle ? (await ctx.organisationUnits.load(organisationId)).filter((u) => u.name?.toLocaleLowerCase('sv').includes(needle)).map((u) => u.id) : [];
  const { people, total } = await staffPage(ctx.em, {
    organisationId, today: ctx.today, soonUntil: addDays(ctx.today, ENDING_SOON_DAYS),
    search: terms ? { pattern: terms.pattern, digits: terms.digits, unitIds } : null,
    statuses: args.status ?? null, roleCode: args.roleCode ?? null,
    sortBy: args.sortBy ?? 'NAME', direction: args.sortDirection === 'DESC' ? 'DESC' : 'ASC',
    limit: limit + 1, offset,
  });
  for (const person of people) ctx.loaders.person.prime(person.id, person);
  return connection(people, offset, limit, total);
}

/**
 * "Ändra behörighetsperiod" (R-PERIOD-4) and "Avsluta personal" (R-END). What only takes access
 * away takes effect at once (an earlier end date, an ended employment); an end date moved later
 * lands in the changes to sign (R-SIGN-8). Both write under the organisation lock with their audit
 * events in the same transaction.
 */

/** R-PERIOD-4: one new end date for every role of the ticked users, all or none (ineligible users named); R-SIGN-8. */
export async function changeAuthorisationPeriod(ctx: Context, organisationId: string, personIds: readonly string[], validTo: string): Promise<PersonRow[]> {
  await requireManageUsers(ctx, organisationId);
  const ids = [...new Set(personIds)];
  const malformed = ids.find((id) => !isUuid(id));
  if (malformed !== undefined) throw badInput('personIds', `There is no person ${malformed}.`, 'PERSON_NOT_FOUND');
  const people = await ctx.loaders.person.loadMany(ids);
  const memberships = await ctx.loaders.membershipsByPerson.loadMany(ids);
  const catalogue = await ctx.loaders.catalogue();
  const candidates: PeriodChangePerson[] = [];
  const found: PersonRow[] = [];
  const inOrganisation = ids.map((_, i) => {
    const list = memberships[i];
    return Array.isArray(list) ? (list as { id: string; organisationId: string }[]).find((m) => m.organisationId === organisationId) : undefined;
  });
  // One batch for everyone's roles (DataLoader), not one statement per person.
  const roleLists = await Promise.all(inOrganisation.map((m) => (m ? ctx.loaders.rolesByMembership.load(m.id) : Promise.resolve([]))));
  for (let i = 0; i < ids.length; i++) {
    const person = people[i];
    if (!person || person instanceof Error) throw badInput('personIds', `There is no person ${ids[i]}.`, 'PERSON_NOT_FOUND');
    // Never name someone who is not staff here: the refusal must not reveal other organisations' people.
    if (!inOrganisation[i]) throw badInput('personIds', `Person ${ids[i]} is not staff of this organisation.`, 'PERSON_NOT_STAFF');
    found.push(person);
    // Ended assignments stay ended; only current and future ones get the new end date.
    const roles = roleLists[i].filter((r) => !r.validTo || r.validTo >= ctx.today);
    candidates.push({
      id: person.id,
      name: `${person.givenName} ${person.surname}`,
      roles: roles.map((r) => ({ id: r.id, roleCode: r.roleCode, isPermissionAdmin: catalogue.get(r.roleCode)?.isPermissionAdmin ?? false, validFrom: r.validFrom, validTo: r.validTo ?? null })),
    });
  }
  const plan = planPeriodChange(candidates, validTo, ctx.today);
  if (!plan.ok) throw badInput('personIds', describeIneligible(plan.ineligible), 'USERS_NOT_ELIGIBLE');
  // R-SIGN-8: an earlier end date only takes access away and applies at once; an end date moved
  // later gives access and waits for a signature as a CHANGED proposal in the open set.
  const { atOnce, toSign } = splitPeriodChange(plan.changes);
  const proposals: ChangeFields[] = [];
  for (const change of toSign) proposals.push(await laterEndDateChange(ctx, organisationId, change.personId, validTo));
  await ctx.em.transactional(async (tx) => {
    await lockOrganisation(tx, organisationId);
    for (const change of atOnce) {
      for (const a of change.assignments) await setRoleValidTo(tx, a.id as string, a.validTo);
      // Optimistic locking: a change proposed before this period change is now stale (never applied over it).
      await bumpVersion(tx, organisationId, change.personId);
      await writeOutboxEvent(tx, 'access', {
        actor: await auditActor(ctx), organisationId, action: 'access.period.changed', target: `person:${change.personId}`,
        before: change.assignments.map((a) => ({ roleCode: a.roleCode, validTo: a.previousValidTo })),
        // R-HOOK-1: the person's name travels with the change (partners get names, never numbers).
        after: { person: nameOf(found.find((p) => p.id === change.personId)), roles: change.assignments.map((a) => ({ roleCode: a.roleCode, validTo: a.validTo })) },
      });
    }
    // R-SCOPE-4: earlier end dates take effect in the permission index in the same transaction.
    await refreshPermissionIndex(tx, organisationId, atOnce.map((c) => c.personId));
    for (const fields of proposals) await putChangeIn(tx, ctx, organisationId, fields, 'access.change.proposed');
  });
  ctx.loaders.rolesByMembership.clearAll();
  return found;
}

export interface EndEmploymentArgs { organisationId: string; personId: string; endDate: string; unitId?: string | null; schoolFormCode?: string | null }

/** R-END-1…5: the plan (preview) and the data needed to apply it. */
async function plan(ctx: Context, input: EndEmploymentArgs) {
  const power = await actorPower(ctx, input.organisationId);
  const catalogue = await ctx.loaders.catalogue();
  const actorIsResponsible = isResponsible(power);
  const person = isUuid(input.personId) ? await ctx.loaders.person.load(input.personId) : null;
  const membership = person ? (await ctx.loaders.membershipsByPerson.load(person.id)).find((m) => m.organisationId === input.organisationId) : undefined;
  if (actorIsResponsible && (!person || !membership)) throw notFound('That person does not work in this organisation.', 'PERSON_NOT_STAFF');
  const [unitRows, roleRows] = membership ? await Promise.all([ctx.loaders.unitsByMembership.load(membership.id), ctx.loaders.rolesByMembership.load(membership.id)]) : [[], []];
  const liveUnits = unitRows.filter((u) => unitActiveOn(u, ctx.today));
  // R-ORG-5: a unit granted without school forms means every school form of it; ask which those are.
  const actorUnitRows = power.membership ? power.membership.units : [];
  const needForms = [...new Set([...liveUnits.filter((u) => !u.schoolFormCode).map((u) => u.unitId), ...actorUnitRows.filter((u) => !u.schoolFormCodes).map((u) => u.unitId)])];
  const known = actorIsResponsible && needForms.length > 0 ? await ctx.deps.directory.units(needForms, ctx.authorization) : [];
  const formsOf = new Map(known.map((u) => [u.id, u.schoolFormCodes]));
  const assignments = roleRows.map((r) => ({ id: r.id, roleCode: r.roleCode, validFrom: r.validFrom, validTo: r.validTo ?? null }));
  // An employment at a unit that already ends earlier ends its roles there on that day (R-END-1).
  const atUnit = (unitValidTo: string | null) =>
    assignments.map((a) => ({ ...a, validTo: unitValidTo !== null && (a.validTo === null || unitValidTo < a.validTo) ? unitValidTo : a.validTo }));
  const employments: (Employment & { unitValidTo: string | null })[] = liveUnits.flatMap((u): (Employment & { unitValidTo: string | null })[] => {
    const forms = u.schoolFormCode ? [u.schoolFormCode] : (formsOf.get(u.unitId) ?? []);
    const unitValidTo = u.validTo ?? null;
    return forms.length === 0
      ? [{ unitId: u.unitId, schoolFormCode: null, assignments: atUnit(unitValidTo), unitValidTo }]
      : forms.map((f) => ({ unitId: u.unitId, schoolFormCode: f, assignments: atUnit(unitValidTo), unitValidTo }));
  });
  const actorSchoolForms: Set<string> | 'ALL' = power.authority
    ? 'ALL'
    : new Set(actorUnitRows.flatMap((u) => u.schoolFormCodes ?? formsOf.get(u.unitId) ?? []));
  const result = planEndEmployment({
    employments, actorSchoolForms, actorIsResponsible, unitId: input.unitId ?? null, schoolFormCode: input.schoolFormCode ?? null, endDate: input.endDate, today: ctx.today,
  });
  return { result, membershipId: membership!.id, liveUnits, employments, catalogue };
}

export async function endEmploymentPreview(ctx: Context, input: EndEmploymentArgs): Promise<EndEmploymentPlan> {
  return (await plan(ctx, input)).result;
}

/**
 * R-END-4 "Slutför": ends the employments of the preview on the end date (inclusive). When no
 * employment of the person in the organisation outlasts the end date, their roles end too (and any
 * role that would only start later is withdrawn) — refused if that leaves no administrator (R-AGR-3).
 */
export async function endEmployment(ctx: Context, input: EndEmploymentArgs): Promise<EndEmploymentPlan> {
  const { result, membershipId, employments } = await plan(ctx, input);
  const ended = new Set(result.assignments.map((a) => `${a.unitId}|${a.schoolFormCode ?? ''}`));
  const outlasting = employments.filter((e) => !ended.has(`${e.unitId}|${e.schoolFormCode ?? ''}`) && (e.unitValidTo === null || e.unitValidTo > result.endDate));
  const endsRoles = outlasting.length === 0;
  const person = await ctx.loaders.person.load(input.personId);
  await ctx.em.transactional(async (tx) => {
    await lockOrganisation(tx, input.organisationId);
    const rows = await unitRowsOf(tx, membershipId);
    for (const e of employments.filter((x) => ended.has(`${x.unitId}|${x.schoolFormCode ?? ''}`))) {
      const exact = rows.find((r) => r.unitId === e.unitId && r.schoolFormCode === e.schoolFormCode);
      if (exact) {
        await endUnitRow(tx, exact.id, result.endDate);
        continue;
      }
      // The unit was granted with all its school forms (one row, form null): split it per form so one form can end.
      const all = rows.find((r) => r.unitId === e.unitId && r.schoolFormCode === null);
      if (!all) continue;
      await deleteUnitRow(tx, all.id);
      rows.splice(rows.indexOf(all), 1);
      for (const other of employments.filter((x) => x.unitId === e.unitId)) {
        const endsHere = ended.has(`${other.unitId}|${other.schoolFormCode ?? ''}`);
        rows.push(await insertUnitRow(tx, { membershipId, unitId: other.unitId, schoolFormCode: other.schoolFormCode, validTo: endsHere ? result.endDate : (all.validTo ?? null), addressIds: all.addressIds }));
      }
    }
    if (endsRoles) {
      const admins = await administratorPeriods(tx, input.organisationId);
      if (admins.some((a) => a.personId === input.personId) && wouldLeaveNoAdministrator(admins, { kind: 'END', personId: input.personId, validTo: result.endDate }, ctx.today)) {
        throw conflict('The organisation must always have a permission administrator; this would leave none (R-AGR-3).', 'LAST_ADMINISTRATOR');
      }
      await endRolesOn(tx, membershipId, result.endDate);
    }
    await bumpVersionById(tx, membershipId);
    // R-SCOPE-4, R-END-1: the ended employment shows in the permission index in the same transaction.
    await refreshPermissionIndex(tx, input.organisationId, [input.personId]);
    await writeOutboxEvent(tx, 'access', {
      actor: await auditActor(ctx), organisationId: input.organisationId, action: 'access.employment.ended', target: `person:${input.personId}`,
      before: result.assignments.map((a) => ({ unitId: a.unitId, schoolFormCode: a.schoolFormCode, roleCode: a.roleCode, validTo: a.previousValidTo })),
      after: { person: nameOf(person), endDate: result.endDate, unitId: result.unitId, schoolFormCode: result.schoolFormCode, rolesEnded: endsRoles },
    });
  });
  return result;
}
