/**
 * The one catalogue of refusal reasons. Every error a client sees carries `extensions.code`
 * (the contract's coarse class) and `extensions.reason`, one of the names below: stable,
 * UPPER_SNAKE, meant for programs (the web client's dictionaries in `web/src/i18n` translate each
 * one into Swedish and English; see `docs/api.md`). A reason is never renamed once published;
 * add new ones freely.
 *
 * Free of GraphQL and Node imports so the web client and its tests can enumerate it.
 *
 * Throw with the kit helpers in `errors.ts`, e.g. `refuse('NOT_A_DRAFT', message)`, or pass the
 * reason as the last argument of `forbidden` / `badInput` / `notFound` / `conflict` /
 * `serviceUnavailable` / `unauthenticated`, or as the third argument of `ValidationError`.
 */

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'BAD_REQUEST'
  | 'TOO_MANY_REQUESTS'
  | 'RATE_LIMITED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'INTERNAL_SERVER_ERROR';

export interface ReasonEntry {
  /** The `extensions.code` this reason is normally thrown with. */
  readonly code: ErrorCode;
  /** The domain rule it enforces, when there is one (docs/domain.md). */
  readonly rule?: string;
  /** What it means, in plain English (developer documentation; people read the i18n texts). */
  readonly meaning: string;
}

export const REASONS = {
  // Generic reasons: one per code, used when no specific reason fits (and added by the servers'
  // error formatting to any error that reaches a client without one).
  NOT_SIGNED_IN: { code: 'UNAUTHENTICATED', meaning: 'The request has no valid session; sign in.' },
  NOT_PERMITTED: { code: 'FORBIDDEN', meaning: 'The caller may not do this.' },
  INVALID_INPUT: { code: 'BAD_USER_INPUT', meaning: 'A value in the request is not valid.' },
  NOT_FOUND: { code: 'NOT_FOUND', meaning: 'The thing asked for does not exist (or is not visible to the caller).' },
  CONFLICT: { code: 'CONFLICT', meaning: 'The request conflicts with the current state.' },
  SERVICE_UNAVAILABLE: { code: 'SERVICE_UNAVAILABLE', meaning: 'A part of the system cannot answer right now; nothing was changed, try again.' },
  INVALID_QUERY: { code: 'GRAPHQL_VALIDATION_FAILED', meaning: 'The GraphQL document is not valid against the schema.' },
  INVALID_REQUEST: { code: 'BAD_REQUEST', meaning: 'The HTTP request is not a GraphQL request the server accepts.' },
  INTERNAL_ERROR: { code: 'INTERNAL_SERVER_ERROR', meaning: 'An unexpected error; it is logged.' },

  // Sessions and tokens (kit auth, gateway)
  AUTHORIZATION_HEADER_MALFORMED: { code: 'UNAUTHENTICATED', meaning: 'The Authorization header is not "Bearer <token>".' },
  SESSION_EXPIRED: { code: 'UNAUTHENTICATED', meaning: 'The session token has expired; sign in again.' },
  TOKEN_INVALID: { code: 'UNAUTHENTICATED', meaning: 'The token is forged, altered, unsigned or otherwise not valid.' },
  CLIENT_REVOKED: { code: 'UNAUTHENTICATED', meaning: 'The partner client was revoked; its tokens stopped working within seconds (R-AUTH-3).' },

  // Query limits and request shape (gateway)
  QUERY_TOO_DEEP: { code: 'GRAPHQL_VALIDATION_FAILED', meaning: 'The query nests deeper than allowed.' },
  TOO_MANY_ALIASES: { code: 'GRAPHQL_VALIDATION_FAILED', meaning: 'The query uses more aliases than allowed.' },
  TOO_MANY_TOKENS: { code: 'GRAPHQL_VALIDATION_FAILED', meaning: 'The query document is longer than allowed.' },
  TOO_MANY_DIRECTIVES: { code: 'GRAPHQL_VALIDATION_FAILED', meaning: 'The query uses more directives than allowed.' },
  COST_LIMIT_EXCEEDED: { code: 'GRAPHQL_VALIDATION_FAILED', meaning: 'The operation would cost more than allowed (counted with its variables); ask for smaller pages or fewer nested lists.' },
  INVALID_VARIABLES: { code: 'BAD_USER_INPUT', meaning: 'The variables do not fit the operation.' },
  PERSISTED_DOCUMENT_REQUIRED: { code: 'FORBIDDEN', meaning: "Requests from the web client's origin may only run the web client's persisted documents (docs/operations.md); partner systems send no browser Origin." },
  BATCHING_NOT_ALLOWED: { code: 'BAD_REQUEST', meaning: 'Send one operation per request.' },
  RATE_LIMITED: { code: 'RATE_LIMITED', meaning: 'Too many requests in a short time; wait and try again.' },
  // The gateway's rate limits (docs/operations.md): HTTP 429 with Retry-After and extensions.retryAfterSeconds.
  TOO_MANY_REQUESTS_FROM_ADDRESS: { code: 'RATE_LIMITED', meaning: 'Too many requests from this network address; wait Retry-After seconds.' },
  TOO_MANY_REQUESTS_FROM_CALLER: { code: 'RATE_LIMITED', meaning: 'Too many requests from this person or partner system; wait Retry-After seconds.' },
  TOO_MANY_LOGINS: { code: 'RATE_LIMITED', meaning: 'Too many log-ins started from this network address; wait Retry-After seconds.' },
  TOO_MANY_TOKEN_REQUESTS: { code: 'RATE_LIMITED', meaning: 'Too many token requests from this network address; wait Retry-After seconds.' },
  SUBGRAPH_UNREACHABLE: { code: 'SERVICE_UNAVAILABLE', meaning: 'One of the services behind the gateway cannot be reached; part of the answer is missing.' },
  DATABASE_UNAVAILABLE: { code: 'SERVICE_UNAVAILABLE', meaning: 'The database cannot be reached right now.' },
  PERMISSION_SERVICE_UNAVAILABLE: { code: 'SERVICE_UNAVAILABLE', meaning: 'Permissions cannot be checked right now (the access service does not answer).' },
  SIGNING_SERVICE_UNAVAILABLE: { code: 'SERVICE_UNAVAILABLE', meaning: 'The signing service does not answer right now.' },

  // Ids, cursors and scalar values (any argument)
  MALFORMED_ID: { code: 'BAD_USER_INPUT', meaning: 'An id argument is not an id of the expected form.' },
  MALFORMED_CURSOR: { code: 'BAD_USER_INPUT', meaning: 'A pagination cursor was not produced by this server (or was altered).' },
  PAGE_SIZE_OUT_OF_RANGE: { code: 'BAD_USER_INPUT', meaning: '`first` must be between 0 and the page maximum.' },
  INVALID_DATE: { code: 'BAD_USER_INPUT', meaning: 'A date is not a calendar date YYYY-MM-DD (or an instant where one is asked for).' },
  TEXT_NOT_STORABLE: { code: 'BAD_USER_INPUT', meaning: 'A text contains NUL or broken Unicode.' },
  FIELD_REQUIRED: { code: 'BAD_USER_INPUT', meaning: 'A required value is empty.' },
  TEXT_TOO_LONG: { code: 'BAD_USER_INPUT', meaning: 'A text is longer than allowed.' },
  INVALID_NAME: { code: 'BAD_USER_INPUT', rule: 'R-SIGN-6', meaning: 'A name contains characters a name cannot have (line breaks, markup, control characters) or is too long.' },

  // Identity numbers (R-ID)
  PERSONAL_NUMBER_FORM: { code: 'BAD_USER_INPUT', rule: 'R-ID-1', meaning: 'A personal identity number has the form YYYYMMDD-NNNN or YYMMDD-NNNN.' },
  PERSONAL_NUMBER_PLUS_WITH_CENTURY: { code: 'BAD_USER_INPUT', rule: 'R-ID-1', meaning: 'The "+" separator belongs to the 10-digit form only.' },
  PERSONAL_NUMBER_CHECK_DIGIT: { code: 'BAD_USER_INPUT', rule: 'R-ID-1', meaning: 'The check digit of the personal identity number does not match.' },
  COORDINATION_NUMBER_DATE: { code: 'BAD_USER_INPUT', rule: 'R-ID-2', meaning: 'The coordination number does not contain a valid date (day − 60).' },
  PERSONAL_NUMBER_DATE: { code: 'BAD_USER_INPUT', rule: 'R-ID-1', meaning: 'The personal identity number does not contain a valid date.' },
  PERSONAL_NUMBER_FUTURE: { code: 'BAD_USER_INPUT', rule: 'R-ID-1', meaning: 'The personal identity number has a birth date in the future.' },
  ORGANISATION_NUMBER_FORM: { code: 'BAD_USER_INPUT', rule: 'R-ID-3', meaning: 'An organisation number has the form NNNNNN-NNNN (12 digits only with prefix 16).' },
  ORGANISATION_NUMBER_DIGITS: { code: 'BAD_USER_INPUT', rule: 'R-ID-3', meaning: 'Digits 3–4 of an organisation number are at least 20.' },
  ORGANISATION_NUMBER_CHECK_DIGIT: { code: 'BAD_USER_INPUT', rule: 'R-ID-3', meaning: 'The check digit of the organisation number does not match.' },

  // Organisations, catalogue, units, addresses, contact details (R-ORG)
  ORGANISATION_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'There is no such organisation.' },
  ORGANISATION_EXISTS: { code: 'CONFLICT', rule: 'R-ORG-1', meaning: 'An organisation with this organisation number is already registered.' },
  AUTHORITY_ONLY: { code: 'FORBIDDEN', meaning: 'Only the authority may do this.' },
  FUNCTION_REQUIRED: { code: 'FORBIDDEN', rule: 'R-ROLE-2', meaning: 'The caller lacks the function (with the needed access level) in this organisation.' },
  INVALID_SERVICE_CODE: { code: 'BAD_USER_INPUT', rule: 'R-ORG-2', meaning: 'A service code is 2–50 capital letters, digits or underscores, starting with a letter.' },
  SERVICE_EXISTS: { code: 'CONFLICT', rule: 'R-ORG-2', meaning: 'The service is already in the catalogue.' },
  SERVICE_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-ORG-2', meaning: 'There is no such service in the catalogue.' },
  UNKNOWN_SCHOOL_FORM: { code: 'BAD_USER_INPUT', rule: 'R-ORG-5', meaning: 'A school form code is not in the catalogue.' },
  UNIT_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-ORG-3', meaning: 'There is no such performing unit.' },
  UNIT_OF_OTHER_ORGANISATION: { code: 'BAD_USER_INPUT', rule: 'R-ORG-3', meaning: 'The performing unit belongs to another organisation.' },
  UNIT_CLOSED: { code: 'CONFLICT', rule: 'R-ORG-3', meaning: 'The performing unit is closed.' },
  UNIT_NAME_TAKEN: { code: 'CONFLICT', rule: 'R-ORG-3', meaning: 'The organisation already has a unit with this name for this service.' },
  UNIT_NEEDS_ADDRESS: { code: 'BAD_USER_INPUT', rule: 'R-ORG-3', meaning: 'A performing unit needs at least one address.' },
  ADDRESS_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-ORG-3', meaning: 'There is no such address.' },
  LAST_ADDRESS_OF_UNIT: { code: 'BAD_USER_INPUT', rule: 'R-ORG-3', meaning: "This is the unit's only address; add another before removing it." },
  CONTACT_PERSON_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-ORG-1', meaning: 'There is no such contact person.' },
  PAYMENT_ACCOUNT_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-ORG-1', meaning: 'There is no such payment account.' },
  PAYMENT_ACCOUNT_EXISTS: { code: 'BAD_USER_INPUT', rule: 'R-ORG-1', meaning: 'The organisation already has this bankgiro or plusgiro number.' },
  INVALID_BANKGIRO: { code: 'BAD_USER_INPUT', rule: 'R-ORG-1', meaning: 'A bankgiro number has 7 or 8 digits with a matching check digit.' },
  INVALID_PLUSGIRO: { code: 'BAD_USER_INPUT', rule: 'R-ORG-1', meaning: 'A plusgiro number has 2 to 8 digits with a matching check digit.' },
  ONE_DEFAULT_ACCOUNT: { code: 'BAD_USER_INPUT', rule: 'R-ORG-1', meaning: 'An organisation has exactly one default account; mark another as default instead.' },
  DEFAULT_ACCOUNT_NOT_REMOVABLE: { code: 'BAD_USER_INPUT', rule: 'R-ORG-1', meaning: 'The default account cannot be removed; mark another as default first.' },
  INVALID_POSTAL_CODE: { code: 'BAD_USER_INPUT', rule: 'R-ORG-1', meaning: 'A Swedish postal code has five digits (NNN NN) and never starts with 0.' },
  INVALID_EMAIL: { code: 'BAD_USER_INPUT', meaning: 'The e-mail address is not valid.' },
  INVALID_PHONE: { code: 'BAD_USER_INPUT', meaning: 'A phone number may contain digits, spaces, +, - and parentheses.' },
  INVALID_WEBSITE: { code: 'BAD_USER_INPUT', meaning: 'The website is not a web address.' },

  // Agreements and administrators (R-AGR)
  AGREEMENT_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-AGR-1', meaning: 'There is no such agreement.' },
  AGREEMENT_ALREADY_ACTIVE: { code: 'CONFLICT', rule: 'R-AGR-1', meaning: 'The organisation already has an active agreement; one suffices.' },
  AGREEMENT_RECEIVED_IN_FUTURE: { code: 'BAD_USER_INPUT', rule: 'R-AGR-2', meaning: 'An agreement cannot be received in the future.' },
  AGREEMENT_STATUS_CONFLICT: { code: 'CONFLICT', rule: 'R-AGR-2', meaning: 'The agreement is in a status where this step is not possible.' },
  LAST_ADMINISTRATOR: { code: 'CONFLICT', rule: 'R-AGR-3', meaning: 'The organisation must always keep an active permission administrator; this would leave none.' },

  // People, memberships, roles (R-USR, R-ROLE)
  MANAGE_USERS_REQUIRED: { code: 'FORBIDDEN', rule: 'R-ROLE-3', meaning: 'Only holders of the user-management permission in the organisation (and the authority) may do this.' },
  OTHER_ORGANISATION: { code: 'FORBIDDEN', rule: 'R-USR-5', meaning: 'The person or thing belongs to an organisation the caller does not administer.' },
  PERSON_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'There is no such person.' },
  PERSON_NOT_STAFF: { code: 'NOT_FOUND', meaning: 'The person does not work in this organisation.' },
  ALREADY_STAFF: { code: 'BAD_USER_INPUT', rule: 'R-USR-1', meaning: 'The person already works in this organisation; propose a change instead.' },
  ROLE_REQUIRED: { code: 'BAD_USER_INPUT', rule: 'R-USR-4', meaning: 'Choose at least one role.' },
  UNKNOWN_ROLE: { code: 'BAD_USER_INPUT', rule: 'R-ROLE-1', meaning: 'A role code is not in the role catalogue.' },
  ROLE_NOT_HELD: { code: 'FORBIDDEN', rule: 'R-ROLE-3', meaning: 'The caller cannot give a role or function they do not hold themselves.' },
  UNIT_REQUIRED: { code: 'BAD_USER_INPUT', rule: 'R-USR-2', meaning: 'Choose at least one performing unit for the unit-bound roles.' },
  SCHOOL_FORM_NOT_OFFERED: { code: 'BAD_USER_INPUT', rule: 'R-ORG-5', meaning: 'The chosen units do not offer the chosen school form.' },
  OFFICE_NOT_OF_UNIT: { code: 'BAD_USER_INPUT', rule: 'R-USR-2', meaning: 'A chosen office is not an office of any chosen performing unit.' },
  EDITED_MEANWHILE: { code: 'CONFLICT', meaning: 'Someone else changed this meanwhile; reload and try again.' },
  REMOVAL_WAITING_FOR_SIGNATURE: { code: 'BAD_USER_INPUT', rule: 'R-SIGN-1', meaning: 'The person has a removal waiting for signature; discard it first.' },
  NO_USERS_CHOSEN: { code: 'BAD_USER_INPUT', rule: 'R-PERIOD-4', meaning: 'Choose at least one user.' },
  USERS_NOT_ELIGIBLE: { code: 'BAD_USER_INPUT', rule: 'R-PERIOD-4', meaning: 'Some of the chosen users cannot get this end date; nobody was changed.' },

  // Authorisation periods (R-PERIOD)
  END_DATE_BEFORE_START_DATE: { code: 'BAD_USER_INPUT', rule: 'R-PERIOD-1', meaning: 'The end date is before the start date.' },
  END_DATE_AFTER_NEXT_YEAR: { code: 'BAD_USER_INPUT', rule: 'R-PERIOD-2', meaning: 'An end date may be at the latest 31 December next year.' },
  ADMINISTRATOR_NEEDS_NO_END_DATE: { code: 'BAD_USER_INPUT', rule: 'R-PERIOD-3', meaning: 'A permission administrator has no end date.' },
  END_DATE_IN_PAST: { code: 'BAD_USER_INPUT', rule: 'R-PERIOD-1', meaning: 'The end date cannot be in the past.' },

  // Ending employment (R-END)
  RESPONSIBLE_ROLE_REQUIRED: { code: 'FORBIDDEN', rule: 'R-END-5', meaning: 'Only the responsible roles may end staff.' },
  SCHOOL_FORM_NOT_PERMITTED: { code: 'FORBIDDEN', rule: 'R-END-3', meaning: 'The caller lacks permission for a school form concerned ("All" needs every one).' },
  NO_SUCH_EMPLOYMENT: { code: 'BAD_USER_INPUT', rule: 'R-END-2', meaning: 'The person has no employment at the chosen unit or school form.' },
  NOTHING_TO_END: { code: 'BAD_USER_INPUT', rule: 'R-END-1', meaning: 'Every chosen assignment already ends on or before that date.' },

  // Changes to sign, signing and receipts (R-SIGN)
  NOTHING_TO_SIGN: { code: 'BAD_USER_INPUT', rule: 'R-SIGN-1', meaning: 'There are no changes to sign.' },
  SIGNING_TEXT_TOO_LONG: { code: 'BAD_USER_INPUT', rule: 'R-SIGN-6', meaning: 'Too many changes to show in one BankID signing; sign some of them first.' },
  CHANGE_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-SIGN-1', meaning: 'There is no such pending change.' },
  NOT_A_DRAFT: { code: 'CONFLICT', rule: 'R-SIGN-4', meaning: 'The changes are no longer a draft (being signed or already applied); they cannot be edited or discarded.' },
  ALREADY_APPLIED: { code: 'CONFLICT', rule: 'R-SIGN-4', meaning: 'These changes have already been signed and applied; they apply only once.' },
  NOT_BEING_SIGNED: { code: 'CONFLICT', rule: 'R-SIGN-4', meaning: 'The changes are not being signed.' },
  SIGNATURE_OUTDATED: { code: 'CONFLICT', rule: 'R-SIGN-4', meaning: 'The changes were edited after signing started; the signature does not cover them. Sign again.' },
  CHANGED_AFTER_PROPOSAL: { code: 'CONFLICT', rule: 'R-SIGN-4', meaning: 'Someone changed a person after the changes were proposed; discard and propose them again.' },
  PERSON_REQUIRED: { code: 'FORBIDDEN', rule: 'R-SIGN-2', meaning: 'Only a person can sign with BankID (not a partner system).' },
  SIGNER_NOT_ADMINISTRATOR: { code: 'FORBIDDEN', rule: 'R-ROLE-3', meaning: 'The person who signed may not manage users in this organisation.' },
  RECEIPT_NOT_YOURS: { code: 'FORBIDDEN', rule: 'R-SIGN-3', meaning: "Only the signer, the organisation's administrators and the authority may read this receipt." },
  SIGNER_UNKNOWN: { code: 'NOT_FOUND', rule: 'R-SIGN-3', meaning: 'The signer is not a known person.' },

  // BankID orders and log-in (R-AUTH, R-SIGN-5)
  BANKID_UNAVAILABLE: { code: 'SERVICE_UNAVAILABLE', rule: 'R-SIGN-5', meaning: 'BankID cannot be reached right now; nothing was changed.' },
  BANKID_ALREADY_IN_PROGRESS: { code: 'CONFLICT', rule: 'R-SIGN-5', meaning: 'A BankID order is already in progress for this person; cancel it or wait.' },
  BANKID_REFUSED: { code: 'CONFLICT', rule: 'R-SIGN-5', meaning: 'BankID refused the request.' },
  ORDER_NOT_FOUND: { code: 'NOT_FOUND', meaning: 'There is no order with this orderRef.' },
  ORDER_NOT_YOURS: { code: 'FORBIDDEN', meaning: 'Only the person signing may follow this order.' },
  LOGIN_NOT_COMPLETE: { code: 'CONFLICT', rule: 'R-AUTH-1', meaning: 'The log-in is not complete yet; keep polling.' },
  LOGIN_FAILED: { code: 'CONFLICT', rule: 'R-AUTH-1', meaning: 'The log-in did not complete (cancelled, expired or refused in BankID).' },
  LOGIN_ALREADY_USED: { code: 'CONFLICT', rule: 'R-AUTH-1', meaning: 'This log-in has already been used; start a new one.' },
  NO_ACCOUNT: { code: 'FORBIDDEN', rule: 'R-AUTH-1', meaning: 'There is no account for this person; the organisation\'s permission administrator adds people.' },
  NO_ACTIVE_ROLE: { code: 'FORBIDDEN', rule: 'R-PERIOD-1', meaning: 'The account has no active role in any organisation.' },

  // Partner systems (R-AUTH-2, R-AUTH-3)
  API_CLIENT_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-AUTH-2', meaning: 'There is no partner system with this client id.' },
  PERMISSION_ADMINISTRATOR_REQUIRED: { code: 'FORBIDDEN', rule: 'R-AUTH-2', meaning: "Only the organisation's permission administrators (and the authority) manage its partner systems." },
  FUNCTION_NOT_HELD: { code: 'FORBIDDEN', rule: 'R-AUTH-2', meaning: 'A partner system cannot be granted functions the caller does not hold.' },
  NO_FUNCTIONS_CHOSEN: { code: 'BAD_USER_INPUT', rule: 'R-AUTH-2', meaning: 'Grant at least one function.' },
  UNKNOWN_FUNCTION: { code: 'BAD_USER_INPUT', rule: 'R-ROLE-2a', meaning: 'A function code is not in the role matrix.' },

  // Audit (R-AUDIT)
  AUDIT_LOG_ADMINISTRATORS_ONLY: { code: 'FORBIDDEN', rule: 'R-AUDIT-3', meaning: "Only the organisation's administrators and the authority see its audit log." },

  // Partner event subscriptions (R-HOOK-1)
  UNKNOWN_EVENT_TYPE: { code: 'BAD_USER_INPUT', rule: 'R-HOOK-1', meaning: 'Choose one or more of staff.added, staff.changed, staff.removed, period.changed, employment.ended.' },
  WEBHOOK_URL_INVALID: { code: 'BAD_USER_INPUT', rule: 'R-HOOK-1', meaning: 'The address is not a valid URL (no user name, password or fragment).' },
  WEBHOOK_URL_NOT_HTTPS: { code: 'BAD_USER_INPUT', rule: 'R-HOOK-1', meaning: 'The address must use https (http only to 127.0.0.1 in development).' },
  WEBHOOK_URL_FORBIDDEN_ADDRESS: { code: 'BAD_USER_INPUT', rule: 'R-HOOK-1', meaning: 'The address points into a private, loopback or link-local network.' },
  WEBHOOK_URL_UNRESOLVABLE: { code: 'BAD_USER_INPUT', rule: 'R-HOOK-1', meaning: "The address's host name does not resolve." },
  TOO_MANY_SUBSCRIPTIONS: { code: 'BAD_USER_INPUT', rule: 'R-HOOK-1', meaning: 'An organisation has at most ten event subscriptions.' },
  EVENT_SUBSCRIPTION_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-HOOK-1', meaning: 'There is no event subscription with this id.' },
  // Access reviews (R-REV-1) and notices (R-NOTE-1)
  REVIEW_NOT_FOUND: { code: 'NOT_FOUND', rule: 'R-REV-1', meaning: 'There is no such access review.' },
  REVIEW_CLOSED: { code: 'CONFLICT', rule: 'R-REV-1', meaning: 'The review is closed (its deadline has passed); its items can no longer be decided.' },
  REVIEW_DEADLINE_PASSED: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'The deadline of a new review must be today or later.' },
  REVIEW_DEADLINE_TOO_LATE: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'The deadline of a review may be at most the end of next year.' },
  REVIEW_NO_DECISIONS: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'Decide at least one item.' },
  REVIEW_ITEM_NOT_IN_REVIEW: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'A decided item does not belong to this review.' },
  REVIEW_ITEM_TWICE: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'The same item is decided twice in one request.' },
  REVIEW_KEEP_WITH_END_DATE: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'KEEP takes no end date.' },
  REVIEW_END_DATE_REQUIRED: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'END needs an end date.' },
  REVIEW_END_DATE_PASSED: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'The end date of an END decision has already passed.' },
  REVIEW_END_BEFORE_START: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'The end date is before the assignment starts.' },
  REVIEW_END_DATE_TOO_LATE: { code: 'BAD_USER_INPUT', rule: 'R-REV-1', meaning: 'The end date is later than the end of next year (R-PERIOD-2).' },
  REVIEW_PERSON_HAS_PENDING_CHANGE: { code: 'CONFLICT', rule: 'R-REV-1', meaning: 'The person has another change waiting for signature; sign or discard it first.' },
  NOTICE_DAYS_OUT_OF_RANGE: { code: 'BAD_USER_INPUT', rule: 'R-NOTE-1', meaning: 'endingWithinDays must be between 0 and 365.' },
} as const satisfies Record<string, ReasonEntry>;

export type Reason = keyof typeof REASONS;

/** Every reason, in catalogue order. */
export const REASON_NAMES: readonly Reason[] = Object.keys(REASONS) as Reason[];

export const isReason = (value: unknown): value is Reason => typeof value === 'string' && Object.prototype.hasOwnProperty.call(REASONS, value);

/** The generic reason for a code, given to errors that reach a client without a specific one. */
const GENERIC: Record<string, Reason> = {
  UNAUTHENTICATED: 'NOT_SIGNED_IN',
  FORBIDDEN: 'NOT_PERMITTED',
  BAD_USER_INPUT: 'INVALID_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  GRAPHQL_VALIDATION_FAILED: 'INVALID_QUERY',
  GRAPHQL_PARSE_FAILED: 'INVALID_QUERY',
  BAD_REQUEST: 'INVALID_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'INVALID_QUERY',
  PERSISTED_QUERY_NOT_FOUND: 'INVALID_QUERY',
  PERSISTED_QUERY_NOT_SUPPORTED: 'INVALID_QUERY',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  RATE_LIMITED: 'RATE_LIMITED',
};

export const genericReason = (code: unknown): Reason => (typeof code === 'string' && GENERIC[code]) || 'INTERNAL_ERROR';
