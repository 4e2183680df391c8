/**
 * The role catalogue (R-ROLE-1, R-ROLE-2, R-ROLE-2a) as plain DATA: a migration seeds these arrays
 * into the database, and the rules read roles from there (or from `rolesByCode` below in tests).
 * Nothing here is behaviour; the rules live in the `*.rules.ts` modules.
 *
 * Choices made here (not spelled out in docs/domain.md):
 * - The fifth KA Webb role the authority may define is `ATTESTANT` ("Attestant"): someone who
 *   requests and follows up compensation and reads what that needs (monthly reports, documents,
 *   account information, performing unit), but does not handle documents or organisation data.
 * - Functions that only show information (`VIEW_NEW_PARTICIPANTS`, `VIEW_PARTICIPANTS`) are granted
 *   with READ; every other function of a Mina sidor or Skolplattformen role with UPDATE.
 * - The two Skolplattformen responsible roles hold MANAGE_USERS UPDATE, so they are permission
 *   administrators too (R-PERIOD-3: no end date; R-AGR-3: they count as administrators). They are
 *   not organisation-wide only: only `PERMISSION_ADMIN` and `ADMINISTER_PERMISSIONS` are (R-USR-3).
 */

export type Access = 'READ' | 'UPDATE';
export const ACCESS_LEVELS: readonly Access[] = ['READ', 'UPDATE'];

export type SystemCode = 'KA_WEBB' | 'MINA_SIDOR' | 'SKOLPLATTFORMEN';

export interface SystemDefinition {
  code: SystemCode;
  name: string;
}

export interface FunctionDefinition {
  code: string;
  /** Swedish display name (from the seeds). */
  name: string;
  /** Swedish heading the function is listed under (KA Webb Bild 11 headings, or the system). */
  group: string;
}

export interface FunctionGrant {
  function: string;
  access: Access;
}

export interface RoleDefinition {
  code: string;
  /** Swedish display name. */
  name: string;
  system: SystemCode;
  /** R-USR-3: always covers every unit of the organisation, cannot be limited to some units. */
  orgWideOnly: boolean;
  /** Holds MANAGE_USERS UPDATE: R-PERIOD-3 (no end date) and R-AGR-3 (last administrator) apply. */
  isPermissionAdmin: boolean;
  /** R-END-5: may end other staff's access (Skolplattformen "ansvarig" roles). */
  isResponsible: boolean;
  /** The role matrix row (R-ROLE-2). UPDATE implies READ. */
  grants: FunctionGrant[];
}

export const systems: SystemDefinition[] = [
  { code: 'KA_WEBB', name: 'KA Webb' },
  { code: 'MINA_SIDOR', name: 'Mina sidor för fristående aktörer' },
  { code: 'SKOLPLATTFORMEN', name: 'Skolplattformen' },
];

export const functions: FunctionDefinition[] = [
  // KA Webb, Bild 11 (R-ROLE-2a); MANAGE_USERS is shared by all three systems.
  { code: 'MANAGE_USERS', name: 'Hantera användare', group: 'Stödfunktion' },
  { code: 'CONTACT_PERSON', name: 'Kontaktperson', group: 'Hantera företagsinformation' },
  { code: 'ACCOUNT_INFO', name: 'Kontoinformation', group: 'Hantera företagsinformation' },
  { code: 'PERFORMING_UNIT', name: 'Utförande verksamhet', group: 'Hantera företagsinformation' },
  { code: 'DOCUMENTS', name: 'Hantera handlingar', group: 'Handlingar' },
  { code: 'DEVIATION_REPORT', name: 'Avvikelserapport', group: 'Handlingar' },
  { code: 'JOINT_PLANNING', name: 'Skapa gemensam planering', group: 'Handlingar' },
  { code: 'MONTHLY_REPORT', name: 'Hantera månadsrapport', group: 'Handlingar' },
  { code: 'REQUEST_COMPENSATION', name: 'Begära ersättning', group: 'Uppföljning' },
  { code: 'FOLLOW_UP_COMPENSATION', name: 'Uppföljning begärda ersättningar', group: 'Uppföljning' },
  // Mina sidor för fristående aktörer
  { code: 'VIEW_NEW_PARTICIPANTS', name: 'Se lista över nya deltagare', group: 'Mina sidor för fristående aktörer' },
  { code: 'ASSIGN_SUPERVISOR', name: 'Tilldela handledare till nya deltagare', group: 'Mina sidor för fristående aktörer' },
  {
    code: 'REMOVE_CANCELLED_PARTICIPANT',
    name: 'Ta bort nya deltagare där beslut om avbrott skett innan tjänsten startat',
    group: 'Mina sidor för fristående aktörer',
  },
  { code: 'VIEW_PARTICIPANTS', name: 'Se deltagare och information om deltagare', group: 'Mina sidor för fristående aktörer' },
  { code: 'PLAN_ACTIVITIES', name: 'Planera aktiviteter i en gemensam planering', group: 'Mina sidor för fristående aktörer' },
  {
    code: 'REPORTS',
    name: 'Skicka och se avvikelserapporter, resultatredovisningar, periodiska redovisningar, slutredovisningar och informativa rapporter',
    group: 'Mina sidor för fristående aktörer',
  },
  // Skolplattformen: BER and Elevdokumentation
  { code: 'ADMISSION', name: 'Antagning', group: 'BER' },
  { code: 'STUDENT_ADMIN', name: 'Elev- och kursadministration', group: 'BER' },
  { code: 'COMPENSATION', name: 'Ersättningshantering', group: 'BER' },
  { code: 'GRADES', name: 'Betygshantering (betygsregistrering och betygsutskrifter)', group: 'Elevdokumentation' },
  { code: 'NATIONAL_TESTS', name: 'Registrering av nationella prov', group: 'Elevdokumentation' },
  { code: 'END_STAFF', name: 'Avsluta personal', group: 'BER' },
];

/** The nine KA Webb functions below "Hantera användare" in Bild 11. */
const KA_WEBB_ORG_DATA = ['CONTACT_PERSON', 'ACCOUNT_INFO', 'PERFORMING_UNIT'];
const KA_WEBB_DOCUMENTS_AND_REPORTS = [
  'DOCUMENTS',
  'DEVIATION_REPORT',
  'JOINT_PLANNING',
  'MONTHLY_REPORT',
  'REQUEST_COMPENSATION',
  'FOLLOW_UP_COMPENSATION',
];
const KA_WEBB_SERVICE_FUNCTIONS = [...KA_WEBB_ORG_DATA, ...KA_WEBB_DOCUMENTS_AND_REPORTS];

const update = (...codes: string[]): FunctionGrant[] => codes.map((fn) => ({ function: fn, access: 'UPDATE' }));
const read = (...codes: string[]): FunctionGrant[] => codes.map((fn) => ({ function: fn, access: 'READ' }));

export const roles: RoleDefinition[] = [
  // ── KA Webb (Bild 11) ─────────────────────────────────────────────────────────
  {
    code: 'PERMISSION_ADMIN',
    name: 'Behörighetsadministratör',
    system: 'KA_WEBB',
    orgWideOnly: true,
    isPermissionAdmin: true,
    isResponsible: false,
    grants: update('MANAGE_USERS', ...KA_WEBB_SERVICE_FUNCTIONS),
  },
  {
    code: 'SERVICE_ADMIN',
    name: 'Tjänsteadministratör',
    system: 'KA_WEBB',
    orgWideOnly: false,
    isPermissionAdmin: false,
    isResponsible: false,
    grants: update(...KA_WEBB_SERVICE_FUNCTIONS),
  },
  {
    code: 'REGISTRAR',
    name: 'Registrerare',
    system: 'KA_WEBB',
    orgWideOnly: false,
    isPermissionAdmin: false,
    isResponsible: false,
    grants: [...update(...KA_WEBB_DOCUMENTS_AND_REPORTS), ...read(...KA_WEBB_ORG_DATA)],
  },
  {
    code: 'READER',
    name: 'Läsare',
    system: 'KA_WEBB',
    orgWideOnly: false,
    isPermissionAdmin: false,
    isResponsible: false,
    grants: read(...KA_WEBB_SERVICE_FUNCTIONS),
  },
  {
    code: 'ATTESTANT',
    name: 'Attestant',
    system: 'KA_WEBB',
    orgWideOnly: false,
    isPermissionAdmin: false,
    isResponsible: false,
    grants: [
      ...update('REQUEST_COMPENSATION', 'FOLLOW_UP_COMPENSATION'),
      ...read('ACCOUNT_INFO', 'PERFORMING_UNIT', 'DOCUMENTS', 'MONTHLY_REPORT'),
    ],
  },
  // ── Mina sidor för fristående aktörer ────────────────────────────────────────
  {
    code: 'ADMINISTER_PERMISSIONS',
    name: 'Administrera behörigheter',
    system: 'MINA_SIDOR',
    orgWideOnly: true,
    isPermissionAdmin: true,
    isResponsible: false,
    grants: update('MANAGE_USERS'),
  },
  {
    code: 'RECEIVE_PARTICIPANTS',
    name: 'Ta emot (och fördela) nya deltagare',
    system: 'MINA_SIDOR',
    orgWideOnly: false,
    isPermissionAdmin: false,
    isResponsible: false,
    grants: [...read('VIEW_NEW_PARTICIPANTS'), ...update('ASSIGN_SUPERVISOR', 'REMOVE_CANCELLED_PARTICIPANT')],
  },
  {
    code: 'REPORTING',
    name: 'Rapportering, planering och information om deltagare',
    system: 'MINA_SIDOR',
    orgWideOnly: false,
    isPermissionAdmin: false,
    isResponsible: false,
    grants: [...read('VIEW_PARTICIPANTS'), ...update('PLAN_ACTIVITIES', 'REPORTS')],
  },
  // ── Skolplattformen (BER och Elevdokumentation) ──────────────────────────────
  {
    code: 'BER_ADMINISTRATOR',
    name: 'BER-administratör',
    system: 'SKOLPLATTFORMEN',
    orgWideOnly: false,
    isPermissionAdmin: false,
    isResponsible: false,
    grants: update('ADMISSION', 'STUDENT_ADMIN', 'COMPENSATION'),
  },
  {
    code: 'ELEVDOK_GRADES',
    name: 'Elevdokumentation betyg och nationella prov',
    system: 'SKOLPLATTFORMEN',
    orgWideOnly: false,
    isPermissionAdmin: false,
    isResponsible: false,
    grants: update('GRADES', 'NATIONAL_TESTS'),
  },
  {
    code: 'VUX_EXTERN_ANORDNARE_ANSVARIG',
    name: 'Vux Extern Anordnare Ansvarig Sthlm',
    system: 'SKOLPLATTFORMEN',
    orgWideOnly: false,
    isPermissionAdmin: true,
    isResponsible: true,
    grants: update('MANAGE_USERS', 'END_STAFF'),
  },
  {
    code: 'VUX_INTERN_ANORDNARE_ANSVARIG',
    name: 'Vux Intern Anordnare Ansvarig Sthlm',
    system: 'SKOLPLATTFORMEN',
    orgWideOnly: false,
    isPermissionAdmin: true,
    isResponsible: true,
    grants: update('MANAGE_USERS', 'END_STAFF'),
  },
];

/** The role a started agreement gives its named administrator (R-AGR-2). */
export const STARTING_ADMINISTRATOR_ROLE = 'PERMISSION_ADMIN';

/** The shape the rules need from a role; a database row with these fields will do. */
export type RoleLike = Pick<RoleDefinition, 'code' | 'name' | 'orgWideOnly' | 'isPermissionAdmin' | 'isResponsible' | 'grants'>;

/** Lookup by role code, the form every rule takes roles in. */
export type RolesByCode = ReadonlyMap<string, RoleLike>;

export function indexRoles<R extends RoleLike>(list: readonly R[]): ReadonlyMap<string, R> {
  return new Map(list.map((r) => [r.code, r]));
}

/** The catalogue above, indexed (handy in tests and as a default). */
export const catalogueRolesByCode: ReadonlyMap<string, RoleDefinition> = indexRoles(roles);
