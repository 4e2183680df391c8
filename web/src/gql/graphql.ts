/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date YYYY-MM-DD (Europe/Stockholm). */
  Date: { input: string; output: string; }
  /** An ISO-8601 instant. */
  DateTime: { input: string; output: string; }
  join__DirectiveArguments: { input: any; output: any; }
  join__FieldSet: { input: any; output: any; }
  join__FieldValue: { input: any; output: any; }
  link__Import: { input: any; output: any; }
};

/** UPDATE implies READ (R-ROLE-2a). */
export type Access =
  | 'READ'
  | 'UPDATE';

/**
 * R-SCOPE-2: a point check's answer. `reason` is one stable code: GRANTED, AUTHORITY, PARTNER_CLIENT_GRANTED,
 * PARTNER_CLIENT_OTHER_ORGANISATION, PARTNER_CLIENT_WITHOUT_FUNCTION, SERVICE_ACTS_FOR_NO_ORGANISATION, NOT_A_MEMBER,
 * NO_ROLE_GRANTS, UNIT_NOT_COVERED, OFFICE_NOT_COVERED, PERIOD_NOT_STARTED, PERIOD_ENDED, UNIT_OF_OTHER_ORGANISATION,
 * OFFICE_OF_OTHER_ORGANISATION, OFFICE_OF_OTHER_UNIT or UNIT_CLOSED (the unit, or the office's unit, is closed: nobody
 * may act there, R-SCOPE-4). The role and the period that decided it are `role`,
 * `validFrom` and `validTo` (GRANTED, PERIOD_NOT_STARTED, PERIOD_ENDED).
 */
export type AccessDecision = {
  __typename?: 'AccessDecision';
  allowed: Scalars['Boolean']['output'];
  /** The organisation asked about (its name comes from the organisations subgraph). */
  organisation: Organisation;
  reason: Scalars['String']['output'];
  role?: Maybe<Role>;
  validFrom?: Maybe<Scalars['Date']['output']>;
  validTo?: Maybe<Scalars['Date']['output']>;
};

/** R-REV-1: a review (recertification) of an organisation's active role assignments. */
export type AccessReview = {
  __typename?: 'AccessReview';
  /** The last day to decide; what is undecided after it is reported (and ended when `endUndecidedAtDeadline`). */
  deadline: Scalars['Date']['output'];
  endUndecidedAtDeadline: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  /** The snapshot taken when the review started; `decided` filters (true: decided, false: not yet). */
  items: AccessReviewItemConnection;
  organisation: Organisation;
  status: AccessReviewStatus;
};


/** R-REV-1: a review (recertification) of an organisation's active role assignments. */
export type AccessReviewItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  decided?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One role assignment as it was when the review started, with its decision. */
export type AccessReviewItem = {
  __typename?: 'AccessReviewItem';
  assignment: RoleAssignment;
  decision?: Maybe<ReviewDecision>;
  /** With END: the day the assignment ends (the earlier of this and its current end date). */
  endDate?: Maybe<Scalars['Date']['output']>;
  id: Scalars['ID']['output'];
  person: Person;
};

export type AccessReviewItemConnection = {
  __typename?: 'AccessReviewItemConnection';
  edges: Array<AccessReviewItemEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AccessReviewItemEdge = {
  __typename?: 'AccessReviewItemEdge';
  cursor: Scalars['String']['output'];
  node: AccessReviewItem;
};

export type AccessReviewStatus =
  | 'CLOSED'
  | 'OPEN';

/** The authority reviews each account; a changed number must be reviewed again. */
export type AccountReviewStatus =
  | 'NOT_REVIEWED'
  | 'REJECTED'
  | 'REVIEWED';

/** An office of a unit (owned by the organisations subgraph). */
export type Address = {
  __typename?: 'Address';
  city: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  postalCode: Scalars['String']['output'];
  street: Scalars['String']['output'];
};

export type AddressInput = {
  city: Scalars['String']['input'];
  /** Five digits, NNN NN (91731 is accepted and stored as 917 31). */
  postalCode: Scalars['String']['input'];
  street: Scalars['String']['input'];
};

/** R-AGR-1: the access agreement of one organisation. */
export type Agreement = {
  __typename?: 'Agreement';
  /** R-AGR-2: received + 14 days. */
  activateBy: Scalars['Date']['output'];
  activatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The starting permission administrator named in the agreement. */
  administrator: PersonSummary;
  id: Scalars['ID']['output'];
  organisation: Organisation;
  receivedOn: Scalars['Date']['output'];
  /** Computed on the day asked: ACTIVE reads as NEEDS_NEW_ADMINISTRATOR once no administrator is left (R-AGR-3, R-PERIOD-5). */
  status: AgreementStatus;
};

export type AgreementStatus =
  | 'ACTIVE'
  | 'NEEDS_NEW_ADMINISTRATOR'
  | 'RECEIVED';

/** A partner system's credentials (R-AUTH-2). The secret is never shown again after registration. */
export type ApiClient = {
  __typename?: 'ApiClient';
  createdAt: Scalars['DateTime']['output'];
  /** Function codes (R-ROLE-2a) the client may use in its organisation. */
  functions: Array<Scalars['String']['output']>;
  /** The OAuth2 client_id. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  organisation: Organisation;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type ApiClientCredentials = {
  __typename?: 'ApiClientCredentials';
  client: ApiClient;
  /** Shown exactly once; only a hash is stored. Use with POST /oauth/token (client-credentials grant). */
  clientSecret: Scalars['String']['output'];
};

/** What became of a signed change set in the access service. */
export type ApplyResult =
  | 'APPLIED'
  | 'PENDING'
  | 'REFUSED';

/** Why an organisation's audit log does not verify (R-AUDIT-4); docs/evidence.md explains each. */
export type AuditBreakReason =
  /** A checkpoint's signature or content does not verify. */
  | 'CHECKPOINT_INVALID'
  /** A row does not link to the hash of the row before it: that row was replaced. */
  | 'LINK_BROKEN'
  /** The rows form a consistent chain, but not the one a signed checkpoint recorded: they were rewritten and re-chained. */
  | 'RECHAINED'
  /** A row's content no longer matches its own hash. */
  | 'ROW_EDITED'
  /** A sequence number appears twice or out of order: a row was slipped in. */
  | 'ROW_INSERTED'
  /** A sequence number is missing: a row was deleted. */
  | 'ROW_MISSING'
  /** A signed checkpoint names a sequence number beyond the last row: the tail was removed. */
  | 'TRUNCATED';

/** One entry of the append-only, hash-chained audit log (R-AUDIT-1, R-AUDIT-2). */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  actor?: Maybe<Person>;
  /** How the actor is recorded: person:<id>, pnr:<number>, client:<id> or service:<name>. */
  actorLabel: Scalars['String']['output'];
  /** JSON text */
  after?: Maybe<Scalars['String']['output']>;
  at: Scalars['DateTime']['output'];
  /** JSON text */
  before?: Maybe<Scalars['String']['output']>;
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  organisation?: Maybe<Organisation>;
  prevHash: Scalars['String']['output'];
  /** The signing receipt this change was applied under, if any. */
  receipt?: Maybe<Receipt>;
  seq: Scalars['Int']['output'];
  /** Which service recorded the event (organisations, access, signing). */
  source: Scalars['String']['output'];
  target: Scalars['String']['output'];
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  edges: Array<AuditEventEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  cursor: Scalars['String']['output'];
  node: AuditEvent;
};

/** Result of checking an organisation's audit log against its hash chain and its signed checkpoints (R-AUDIT-2, R-AUDIT-4). */
export type AuditVerification = {
  __typename?: 'AuditVerification';
  checked: Scalars['Int']['output'];
  /** The first sequence number whose row no longer matches the chain; null when the chain is intact. */
  firstBrokenSeq?: Maybe<Scalars['Int']['output']>;
  /** The highest sequence number covered by a valid signed checkpoint; null before the first checkpoint. */
  lastCheckpointSeq?: Maybe<Scalars['Int']['output']>;
  ok: Scalars['Boolean']['output'];
  /** What is wrong; null when ok. */
  reason?: Maybe<AuditBreakReason>;
};

export type ChangeKind =
  | 'CHANGED'
  | 'NEW'
  | 'REMOVED';

/** Omitted fields stay as they are; null or empty clears an optional field. Changing the name needs the authority. */
export type ChangeOrganisationInput = {
  fax?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  postalAddress?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

/** R-SIGN-1: changes to sign ("Användare att signera"). */
export type ChangeSet = {
  __typename?: 'ChangeSet';
  /**
   * Whether the caller may sign this set with BankID: a person holding "Hantera användare"
   * (MANAGE_USERS UPDATE) in the organisation today. The authority and partner systems may read the
   * set but not sign it (R-ROLE-3); clients offer "Signera" only when this is true.
   */
  canSign: Scalars['Boolean']['output'];
  changes: Array<PendingChange>;
  /** SHA-256 (hex) of the canonical serialisation of the changes; any edit changes it (R-SIGN-3). */
  digest: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  organisation: Organisation;
  /** The Swedish text the BankID app shows when this set is signed (R-SIGN-2). */
  signingText: Scalars['String']['output'];
  status: ChangeSetStatus;
};

export type ChangeSetStatus =
  | 'APPLIED'
  | 'CANCELLED'
  | 'DRAFT'
  | 'SIGNING';

/** A contact person of an organisation (R-ORG-1). */
export type ContactPerson = {
  __typename?: 'ContactPerson';
  /** The organisation's contact for administrative matters. */
  adminContact: Scalars['Boolean']['output'];
  email?: Maybe<Scalars['String']['output']>;
  givenName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  organisation: Organisation;
  phone1?: Maybe<Scalars['String']['output']>;
  phone2?: Maybe<Scalars['String']['output']>;
  surname: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /** Who last changed it (a label such as person:<id>; never a full personal number). */
  updatedBy: Scalars['String']['output'];
};

/** Omitted fields stay as they are; null clears an optional field. */
export type ContactPersonChangeInput = {
  adminContact?: InputMaybe<Scalars['Boolean']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  givenName?: InputMaybe<Scalars['String']['input']>;
  phone1?: InputMaybe<Scalars['String']['input']>;
  phone2?: InputMaybe<Scalars['String']['input']>;
  surname?: InputMaybe<Scalars['String']['input']>;
};

export type ContactPersonInput = {
  adminContact?: InputMaybe<Scalars['Boolean']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  givenName: Scalars['String']['input'];
  phone1?: InputMaybe<Scalars['String']['input']>;
  phone2?: InputMaybe<Scalars['String']['input']>;
  surname: Scalars['String']['input'];
};

export type CreateOrganisationInput = {
  fax?: InputMaybe<Scalars['String']['input']>;
  kind: OrganisationKind;
  name: Scalars['String']['input'];
  /** NNNNNN-NNNN, NNNNNNNNNN or 16NNNNNNNNNN; stored as NNNNNN-NNNN. */
  orgNumber: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  postalAddress?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

export type CreateServiceInput = {
  /** An API identifier such as RUSTA_OCH_MATCHA. */
  code: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

export type CreateUnitInput = {
  /** A unit has one or more addresses (R-ORG-3): at least one is required. */
  addresses?: InputMaybe<Array<AddressInput>>;
  name: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
  /** School forms from the catalogue (R-ORG-5). */
  schoolFormCodes?: InputMaybe<Array<Scalars['ID']['input']>>;
  serviceCode: Scalars['ID']['input'];
};

/** An employment at a unit, optionally for one school form (null = all of the unit's school forms). */
export type Employment = {
  __typename?: 'Employment';
  /** The offices of the unit this employment is limited to (R-USR-2); null = all of them, including offices added later. */
  addressIds?: Maybe<Array<Scalars['ID']['output']>>;
  schoolFormCode?: Maybe<Scalars['ID']['output']>;
  unit: Unit;
  /** Last day of the employment at this unit (R-END-1); null = no end date. */
  validTo?: Maybe<Scalars['Date']['output']>;
};

export type EmploymentAssignment = {
  __typename?: 'EmploymentAssignment';
  /** The end date before this change (null = none). */
  previousValidTo?: Maybe<Scalars['Date']['output']>;
  role: Role;
  /** The school form (null = a unit without school forms, or all of them). */
  schoolForm?: Maybe<SchoolForm>;
  /** The same school form's code, for clients that only need the code. */
  schoolFormCode?: Maybe<Scalars['ID']['output']>;
  unit: Unit;
  /** The new end date (the employment's last day). */
  validTo?: Maybe<Scalars['Date']['output']>;
};

export type EndEmploymentInput = {
  endDate: Scalars['Date']['input'];
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
  schoolFormCode?: InputMaybe<Scalars['ID']['input']>;
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** R-END-4: everything that ending the employment ends. */
export type EndEmploymentPreview = {
  __typename?: 'EndEmploymentPreview';
  assignments: Array<EmploymentAssignment>;
  endDate: Scalars['Date']['output'];
};

/**
 * A subscription to an organisation's applied changes (R-HOOK-1). Each change is POSTed to `url` as
 * a Standard Webhooks message (headers webhook-id, webhook-timestamp, webhook-signature
 * "v1,<base64 HMAC-SHA256 of id.timestamp.body>"); a retry repeats the webhook-id.
 */
export type EventSubscription = {
  __typename?: 'EventSubscription';
  /** False once removed, or disabled after a day of failed deliveries (see disabledReason). */
  active: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The latest deliveries, newest first (at most 50). */
  deliveries: Array<WebhookDelivery>;
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why deliveries stopped, e.g. DELIVERY_FAILED_FOR_A_DAY. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** Any of staff.added, staff.changed, staff.removed, period.changed, employment.ended. */
  events: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  organisation: Organisation;
  url: Scalars['String']['output'];
};


/**
 * A subscription to an organisation's applied changes (R-HOOK-1). Each change is POSTed to `url` as
 * a Standard Webhooks message (headers webhook-id, webhook-timestamp, webhook-signature
 * "v1,<base64 HMAC-SHA256 of id.timestamp.body>"); a retry repeats the webhook-id.
 */
export type EventSubscriptionDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Where to deliver and which of staff.added, staff.changed, staff.removed, period.changed, employment.ended. */
export type EventSubscriptionInput = {
  events: Array<Scalars['String']['input']>;
  /** https in production; never a private, loopback or link-local address (http://127.0.0.1 allowed in development). */
  url: Scalars['String']['input'];
};

export type EventSubscriptionWithSecret = {
  __typename?: 'EventSubscriptionWithSecret';
  /** The signing secret, "whsec_…": shown exactly once. */
  secret: Scalars['String']['output'];
  subscription: EventSubscription;
};

/** One cell of the role matrix: a function and the access level the role has to it. */
export type FunctionGrant = {
  __typename?: 'FunctionGrant';
  access: Access;
  function: Scalars['String']['output'];
};

/** Level 1 of a staff account: membership of one organisation (R-USR-2). */
export type Membership = {
  __typename?: 'Membership';
  /**
   * Level 2, offices (R-USR-2): the offices (addresses) of those units the person works at, as the
   * units have them now. A unit not limited to some offices contributes all of its offices.
   */
  addresses: Array<Address>;
  /** R-USR-5: the person's e-mail in this organisation (contact details belong to the membership). */
  email?: Maybe<Scalars['String']['output']>;
  /** Level 2 in detail: each (unit, school form) employment with its end date (R-ORG-5, R-END). */
  employments: Array<Employment>;
  organisation: Organisation;
  /** Level 3: roles, each with its authorisation period (R-PERIOD-1). */
  roles: Array<RoleAssignment>;
  /** Level 2: the performing units the person currently has in that organisation (ended units excluded). */
  units: Array<Unit>;
  /**
   * Optimistic locking: grows with every write concerning the person in this organisation (a
   * proposal or discard of a change for them, an applied change, a period change, an ended
   * employment). Pass it back as `expectedVersion` so a concurrent edit is refused with CONFLICT.
   */
  version: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Authority only; creates the starting administrator with PERMISSION_ADMIN and no end date (R-AGR-2). */
  activateAgreement: Agreement;
  addAddress: Address;
  cancelOrder: SigningOrder;
  /** R-PERIOD-4: one new end date for several users, all or none. */
  changeAuthorisationPeriod: Array<Person>;
  changeContactPerson: ContactPerson;
  /** CONTACT_PERSON UPDATE in the organisation, or the authority (who alone may rename). */
  changeOrganisation: Organisation;
  changePaymentAccount: PaymentAccount;
  /** Authority only (R-ORG-2). */
  changeService: Service;
  /** The unit keeps its history; it cannot be granted to anyone new. */
  closeUnit: Unit;
  /** Returns a session once the order is COMPLETE, for people with an active membership or authority staff (R-AUTH-1). */
  completeLogin: Session;
  /** CONTACT_PERSON UPDATE in the organisation. */
  createContactPerson: ContactPerson;
  /** Authority only. */
  createOrganisation: Organisation;
  /** ACCOUNT_INFO UPDATE in the organisation. */
  createPaymentAccount: PaymentAccount;
  /** Authority only (R-ORG-2). */
  createService: Service;
  /** PERFORMING_UNIT UPDATE in the organisation (R-ORG-3). */
  createUnit: Unit;
  /** R-REV-1: KEEP/END decisions become the organisation's changes to sign; then signChanges (BankID) applies them once. */
  decideReviewItems: ChangeSet;
  discardPendingChange: ChangeSet;
  endEmployment: EndEmploymentPreview;
  proposeStaff: PendingChange;
  /** With `expectedVersion` (Membership.version as read), CONFLICT when someone else changed the person meanwhile. */
  proposeStaffChange: PendingChange;
  /** With `expectedVersion` (Membership.version as read), CONFLICT when someone else changed the person meanwhile. */
  proposeStaffRemoval: PendingChange;
  /** Authority only; names the starting administrator (R-AGR-1). */
  registerAgreement: Agreement;
  /** Registers a partner system for the organisation (its permission administrators and the authority). */
  registerApiClient: ApiClientCredentials;
  /** Refused for a unit's last address (a unit has one or more). */
  removeAddress: Unit;
  removeContactPerson: Organisation;
  /** Refused for the default account while others remain. */
  removePaymentAccount: Organisation;
  renameUnit: Unit;
  /** Authority only: records the review of an account. */
  reviewPaymentAccount: PaymentAccount;
  revokeApiClient: ApiClient;
  /** Starts BankID signing of the DRAFT set (R-SIGN-2); the set is applied when the signature completes. */
  signChanges: SigningOrder;
  /** R-REV-1: the authority or the organisation's permission administrators; snapshots its active role assignments as items. */
  startAccessReview: AccessReview;
  /** Starts a BankID identification order (no token needed). */
  startLogin: SigningOrder;
  /** Subscribes a partner system to the organisation's applied changes (R-HOOK-1). */
  subscribeToEvents: EventSubscriptionWithSecret;
  /** Ends a subscription: no further deliveries, pending ones are given up. */
  unsubscribeFromEvents: EventSubscription;
};


export type MutationActivateAgreementArgs = {
  id: Scalars['ID']['input'];
};


export type MutationAddAddressArgs = {
  input: AddressInput;
  unitId: Scalars['ID']['input'];
};


export type MutationCancelOrderArgs = {
  orderRef: Scalars['ID']['input'];
};


export type MutationChangeAuthorisationPeriodArgs = {
  organisationId: Scalars['ID']['input'];
  personIds: Array<Scalars['ID']['input']>;
  validTo: Scalars['Date']['input'];
};


export type MutationChangeContactPersonArgs = {
  id: Scalars['ID']['input'];
  input: ContactPersonChangeInput;
};


export type MutationChangeOrganisationArgs = {
  id: Scalars['ID']['input'];
  input: ChangeOrganisationInput;
};


export type MutationChangePaymentAccountArgs = {
  id: Scalars['ID']['input'];
  input: PaymentAccountChangeInput;
};


export type MutationChangeServiceArgs = {
  code: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationCloseUnitArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCompleteLoginArgs = {
  orderRef: Scalars['ID']['input'];
};


export type MutationCreateContactPersonArgs = {
  input: ContactPersonInput;
  organisationId: Scalars['ID']['input'];
};


export type MutationCreateOrganisationArgs = {
  input: CreateOrganisationInput;
};


export type MutationCreatePaymentAccountArgs = {
  input: PaymentAccountInput;
  organisationId: Scalars['ID']['input'];
};


export type MutationCreateServiceArgs = {
  input: CreateServiceInput;
};


export type MutationCreateUnitArgs = {
  input: CreateUnitInput;
};


export type MutationDecideReviewItemsArgs = {
  decisions: Array<ReviewDecisionInput>;
  reviewId: Scalars['ID']['input'];
};


export type MutationDiscardPendingChangeArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEndEmploymentArgs = {
  input: EndEmploymentInput;
};


export type MutationProposeStaffArgs = {
  input: StaffInput;
  organisationId: Scalars['ID']['input'];
};


export type MutationProposeStaffChangeArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  input: StaffChangeInput;
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
};


export type MutationProposeStaffRemovalArgs = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
};


export type MutationRegisterAgreementArgs = {
  input: RegisterAgreementInput;
};


export type MutationRegisterApiClientArgs = {
  functions: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
};


export type MutationRemoveAddressArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveContactPersonArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemovePaymentAccountArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRenameUnitArgs = {
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};


export type MutationReviewPaymentAccountArgs = {
  id: Scalars['ID']['input'];
  status: AccountReviewStatus;
};


export type MutationRevokeApiClientArgs = {
  clientId: Scalars['ID']['input'];
};


export type MutationSignChangesArgs = {
  organisationId: Scalars['ID']['input'];
};


export type MutationStartAccessReviewArgs = {
  input: StartAccessReviewInput;
};


export type MutationSubscribeToEventsArgs = {
  input: EventSubscriptionInput;
  organisationId: Scalars['ID']['input'];
};


export type MutationUnsubscribeFromEventsArgs = {
  id: Scalars['ID']['input'];
};

export type NewPersonInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  givenName: Scalars['String']['input'];
  personalNumber: Scalars['String']['input'];
  surname: Scalars['String']['input'];
};

/** R-NOTE-1: something that needs an administrator. */
export type Notice = {
  __typename?: 'Notice';
  kind: NoticeKind;
  /** A Swedish sentence describing the notice (clients may build their own text from the other fields). */
  message: Scalars['String']['output'];
  organisation: Organisation;
  /** The person concerned (ENDING_SOON), else null. */
  person?: Maybe<Person>;
  /** ENDING_SOON: the last day of the assignment; REVIEW_UNDECIDED: the review's deadline; EVENT_SUBSCRIPTION_DISABLED: the day it was disabled. */
  validTo?: Maybe<Scalars['Date']['output']>;
};

export type NoticeKind =
  | 'ACTIVATION_OVERDUE'
  | 'ENDING_SOON'
  /** R-HOOK-1: a partner event subscription was disabled after a day of failed deliveries (validTo: the day). */
  | 'EVENT_SUBSCRIPTION_DISABLED'
  | 'NEEDS_NEW_ADMINISTRATOR'
  /** R-REV-1: a review's deadline passed with items undecided. */
  | 'REVIEW_UNDECIDED';

export type OrderStatus =
  | 'COMPLETE'
  | 'FAILED'
  | 'PENDING';

/** An external organisation (municipality, supplier, education provider) or the authority itself (R-ORG-1). */
export type Organisation = {
  __typename?: 'Organisation';
  /** R-REV-1: the organisation's access reviews, newest first (its permission administrators and the authority; FORBIDDEN for others). */
  accessReviews: Array<AccessReview>;
  /** R-AGR-1 (authority and the organisation's members). */
  agreement?: Maybe<Agreement>;
  /** Partner systems registered for this organisation (R-AUTH-2); visible to its administrators and the authority (null with FORBIDDEN for others). */
  apiClients?: Maybe<Array<ApiClient>>;
  /**
   * The organisation's audit log, newest first (R-AUDIT-3: its administrators — MANAGE_USERS READ —
   * and the authority). `from` is inclusive, `to` exclusive. `actorId`: only what that person did.
   * `personId`: everything about that person or done by them (target `person:<id>` or actor). Null
   * with a FORBIDDEN error for anyone else, so a refused log does not take the rest of the answer with it.
   */
  auditLog?: Maybe<AuditEventConnection>;
  /** The open set of changes to sign, if any (DRAFT, or SIGNING while a signature is under way). */
  changesToSign?: Maybe<ChangeSet>;
  /** Contact persons (R-ORG-1). Needs CONTACT_PERSON READ in this organisation (the authority always may); null with a FORBIDDEN error for anyone else, so the rest of the answer stays. */
  contactPersons?: Maybe<Array<ContactPerson>>;
  /**
   * Partner systems' subscriptions to this organisation's applied changes (R-HOOK-1); for its
   * permission administrators, its partner clients with MANAGE_USERS and the authority (FORBIDDEN for others).
   */
  eventSubscriptions: Array<EventSubscription>;
  fax?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: OrganisationKind;
  name: Scalars['String']['output'];
  /**
   * R-NOTE-1: what needs an administrator's attention: assignments ending within `endingWithinDays`
   * days (default 30, at most 365), a missing permission administrator (R-AGR-3), undecided items of
   * a review whose deadline passed (R-REV-1), and for the authority an agreement not activated by its
   * `activateBy` (R-AGR-2). Holders of "Hantera användare" and the authority; FORBIDDEN for others.
   */
  notices: Array<Notice>;
  /**
   * Organisation number in canonical form NNNNNN-NNNN (R-ID-3).
   * orgNumber, name and kind are readable by anyone signed in; the contact details below need
   * CONTACT_PERSON READ in this organisation (FORBIDDEN for other organisations, except the authority).
   */
  orgNumber: Scalars['String']['output'];
  /** Payment accounts (R-ORG-1), the default first. Needs ACCOUNT_INFO READ in this organisation (the authority always may); null with a FORBIDDEN error for anyone else. */
  paymentAccounts?: Maybe<Array<PaymentAccount>>;
  phone?: Maybe<Scalars['String']['output']>;
  postalAddress?: Maybe<Scalars['String']['output']>;
  /**
   * The organisation's staff (users with Hantera användare, and the authority; null with FORBIDDEN for
   * others). The server searches, filters and sorts the whole list before it pages, so every page
   * continues the same order. `search` (at most 100 characters) matches names, the birth date
   * (YYYY-MM-DD, or digits such as 870507), the e-mail in this organisation, role names and codes,
   * and unit names — never personal numbers (R-USR-1). `status` keeps people with one of the given
   * statuses on today's date (R-PERIOD-5); `roleCode` those holding that role (any period).
   */
  staff?: Maybe<StaffConnection>;
  /** Performing units, optionally only those delivering one service (R-ORG-3). Readable by anyone signed in. */
  units: Array<Unit>;
  website?: Maybe<Scalars['String']['output']>;
};


/** An external organisation (municipality, supplier, education provider) or the authority itself (R-ORG-1). */
export type OrganisationAuditLogArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  personId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/** An external organisation (municipality, supplier, education provider) or the authority itself (R-ORG-1). */
export type OrganisationNoticesArgs = {
  endingWithinDays?: InputMaybe<Scalars['Int']['input']>;
};


/** An external organisation (municipality, supplier, education provider) or the authority itself (R-ORG-1). */
export type OrganisationStaffArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  roleCode?: InputMaybe<Scalars['ID']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<StaffSortField>;
  sortDirection?: InputMaybe<SortDirection>;
  status?: InputMaybe<Array<StaffStatus>>;
};


/** An external organisation (municipality, supplier, education provider) or the authority itself (R-ORG-1). */
export type OrganisationUnitsArgs = {
  serviceCode?: InputMaybe<Scalars['String']['input']>;
};

export type OrganisationConnection = {
  __typename?: 'OrganisationConnection';
  edges: Array<OrganisationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OrganisationEdge = {
  __typename?: 'OrganisationEdge';
  cursor: Scalars['String']['output'];
  node: Organisation;
};

export type OrganisationKind =
  | 'AUTHORITY'
  | 'EDUCATION_PROVIDER'
  | 'MUNICIPALITY'
  | 'SUPPLIER';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A payment account (bankgiro/plusgiro) of an organisation (R-ORG-1). Exactly one account of an organisation is its default. */
export type PaymentAccount = {
  __typename?: 'PaymentAccount';
  id: Scalars['ID']['output'];
  isDefault: Scalars['Boolean']['output'];
  /** Bankgiro NNN-NNNN or NNNN-NNNN; plusgiro digits with the check digit after a hyphen. */
  number: Scalars['String']['output'];
  organisation: Organisation;
  reviewStatus: AccountReviewStatus;
  type: PaymentAccountType;
  updatedAt: Scalars['DateTime']['output'];
  updatedBy: Scalars['String']['output'];
};

export type PaymentAccountChangeInput = {
  /** true moves the default here; false on the default is refused (mark another account instead). */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  number?: InputMaybe<Scalars['String']['input']>;
  type?: InputMaybe<PaymentAccountType>;
};

export type PaymentAccountInput = {
  /** The first account of an organisation is always its default; true moves the default here. */
  isDefault?: InputMaybe<Scalars['Boolean']['input']>;
  number: Scalars['String']['input'];
  type: PaymentAccountType;
};

export type PaymentAccountType =
  | 'BANKGIRO'
  | 'PLUSGIRO';

/** One proposed change: the person's whole intended state (NEW, CHANGED) or their removal. */
export type PendingChange = {
  __typename?: 'PendingChange';
  /** The offices the units are limited to (R-USR-2); null = all offices of every unit. A unit none of whose offices is listed keeps all of them. */
  addressIds?: Maybe<Array<Scalars['ID']['output']>>;
  /** The person's Membership.version this change was proposed against (null for a NEW person); a change whose base is no longer current is never applied. */
  baseVersion?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  kind: ChangeKind;
  person: PersonSummary;
  roles: Array<Role>;
  schoolFormCodes?: Maybe<Array<Scalars['ID']['output']>>;
  unitIds: Array<Scalars['ID']['output']>;
  validFrom: Scalars['Date']['output'];
  validTo?: Maybe<Scalars['Date']['output']>;
};

/**
 * R-SCOPE-1: one role assignment active on the asked date, with where it applies.
 * When `orgWide` is true the role covers EVERY unit of the organisation, including units created
 * later (R-USR-3).
 */
export type PermissionScope = {
  __typename?: 'PermissionScope';
  /** The offices (addresses) of those units the role applies at, as the units have them now (R-USR-2 level two). */
  addresses: Array<Address>;
  orgWide: Scalars['Boolean']['output'];
  organisation: Organisation;
  role: Role;
  /** The units the role applies at: every unit of the organisation when `orgWide` (read when asked, so units created later are included), else the person's own units there (R-USR-2). */
  units: Array<Unit>;
  validFrom: Scalars['Date']['output'];
  validTo?: Maybe<Scalars['Date']['output']>;
};

/** A person: staff member of one or more organisations (R-USR-1, R-ORG-4). */
export type Person = {
  __typename?: 'Person';
  /** Lists never show the full personal number (R-USR-1). */
  birthDate: Scalars['Date']['output'];
  /** R-USR-5: the e-mail of a membership the viewer sees (e-mail belongs to the membership, not the person). */
  email?: Maybe<Scalars['String']['output']>;
  givenName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Only the memberships the viewer may see. */
  memberships: Array<Membership>;
  /**
   * R-SCOPE-1: what the person may do, where, until when, across all organisations, on `on`
   * (default today). Visible to the person, to administrators of their organisations (scopes in
   * those organisations) and to the authority. Null with a FORBIDDEN error for anyone else.
   */
  permissionScopes?: Maybe<Array<PermissionScope>>;
  /**
   * The full personal identity number (12 digits), stored encrypted and decrypted only for someone
   * allowed to manage this person: MANAGE_USERS UPDATE in one of their organisations, the authority,
   * or the person themselves. Null for everyone else, who see `birthDate` (R-USR-1).
   */
  personalNumber?: Maybe<Scalars['String']['output']>;
  /** Receipts of the signings this person made, newest first (the person themself and the authority; null with FORBIDDEN for others). */
  receipts?: Maybe<ReceiptConnection>;
  surname: Scalars['String']['output'];
};


/** A person: staff member of one or more organisations (R-USR-1, R-ORG-4). */
export type PersonPermissionScopesArgs = {
  on?: InputMaybe<Scalars['Date']['input']>;
};


/** A person: staff member of one or more organisations (R-USR-1, R-ORG-4). */
export type PersonReceiptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** R-SCOPE-3: people in a stable order (by id), complete: `totalCount` counts every match and the pages reach all of them. */
export type PersonConnection = {
  __typename?: 'PersonConnection';
  edges: Array<PersonEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PersonEdge = {
  __typename?: 'PersonEdge';
  cursor: Scalars['String']['output'];
  node: Person;
};

/** Who a pending change concerns; a NEW person may not exist here until the change is applied. */
export type PersonSummary = {
  __typename?: 'PersonSummary';
  birthDate: Scalars['Date']['output'];
  email?: Maybe<Scalars['String']['output']>;
  givenName: Scalars['String']['output'];
  /** Null for a person who is not yet known to Behörig. */
  personId?: Maybe<Scalars['ID']['output']>;
  surname: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** R-REV-1: one review (its organisation's permission administrators and the authority; null with FORBIDDEN for others). */
  accessReview?: Maybe<AccessReview>;
  /**
   * R-SCOPE-2. With `addressId` (an office, R-USR-2 level two) the check is at that office: it must be a
   * current office of the organisation (of `unitId` when given), and a unit limited to other offices does not grant there.
   */
  checkAccess: AccessDecision;
  endEmploymentPreview: EndEmploymentPreview;
  /** The signed-in person. */
  me?: Maybe<Person>;
  /** The caller's own access decision (the authority always; a partner client by its token's functions). */
  myAccess: AccessDecision;
  organisation?: Maybe<Organisation>;
  organisationByNumber?: Maybe<Organisation>;
  /** Organisations whose name or number matches `search`, ordered by name. */
  organisations: OrganisationConnection;
  permissionScopes: Array<PermissionScope>;
  person?: Maybe<Person>;
  /** R-USR-1: look a person up by personal or coordination number; only for users who may manage users in the organisation. */
  personByNumber?: Maybe<Person>;
  receipt?: Maybe<Receipt>;
  /** The role catalogue and matrix (R-ROLE-1, R-ROLE-2), optionally of one system (KA_WEBB, MINA_SIDOR, SKOLPLATTFORMEN). */
  roles: Array<Role>;
  schoolForms: Array<SchoolForm>;
  services: Array<Service>;
  /** Polls a BankID order: status, hint code and fresh QR data. */
  signingOrder?: Maybe<SigningOrder>;
  verifyAuditLog: AuditVerification;
  /** True when `token` is a receipt signed by this service's key (the JWKS alone suffices). */
  verifyReceipt: Scalars['Boolean']['output'];
  /**
   * R-SCOPE-3: who may do `function` at `access` level in the organisation on `on` (default today) — at `unitId`
   * or at the office `addressId` when given, else anywhere in it. It always agrees with checkAccess and
   * permissionScopes. For the organisation's user administrators (MANAGE_USERS) and the authority; FORBIDDEN otherwise.
   */
  whoCan: PersonConnection;
};


export type QueryAccessReviewArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCheckAccessArgs = {
  access: Access;
  addressId?: InputMaybe<Scalars['ID']['input']>;
  function: Scalars['String']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryEndEmploymentPreviewArgs = {
  input: EndEmploymentInput;
};


export type QueryMyAccessArgs = {
  access: Access;
  addressId?: InputMaybe<Scalars['ID']['input']>;
  function: Scalars['String']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
  organisationId: Scalars['ID']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryOrganisationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrganisationByNumberArgs = {
  orgNumber: Scalars['String']['input'];
};


export type QueryOrganisationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPermissionScopesArgs = {
  on?: InputMaybe<Scalars['Date']['input']>;
  personId: Scalars['ID']['input'];
};


export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPersonByNumberArgs = {
  organisationId: Scalars['ID']['input'];
  personalNumber: Scalars['String']['input'];
};


export type QueryReceiptArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRolesArgs = {
  system?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySigningOrderArgs = {
  orderRef: Scalars['ID']['input'];
};


export type QueryVerifyAuditLogArgs = {
  organisationId: Scalars['ID']['input'];
};


export type QueryVerifyReceiptArgs = {
  token: Scalars['String']['input'];
};


export type QueryWhoCanArgs = {
  access: Access;
  addressId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  function: Scalars['String']['input'];
  on?: InputMaybe<Scalars['Date']['input']>;
  organisationId: Scalars['ID']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
};

/** R-SIGN-3: proof of who signed which change set when. */
export type Receipt = {
  __typename?: 'Receipt';
  changeSetId: Scalars['ID']['output'];
  digest: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The BankID order; null for a service seal. */
  orderRef?: Maybe<Scalars['ID']['output']>;
  organisation: Organisation;
  /** Null when a person signed with BankID; AUTHORITY_SERVICE when the authority's service sealed a change set that only takes access away (R-REV-1 deadlines, docs/evidence.md). */
  sealedBy?: Maybe<ReceiptSealer>;
  signedAt: Scalars['DateTime']['output'];
  /** The person who signed with BankID; null for a service seal (`sealedBy`), which no person signed. */
  signer?: Maybe<Person>;
  signerName: Scalars['String']['output'];
  /** Compact JWS anyone can verify with the service's published JWKS (/.well-known/jwks.json). */
  token: Scalars['String']['output'];
};

export type ReceiptConnection = {
  __typename?: 'ReceiptConnection';
  edges: Array<ReceiptEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ReceiptEdge = {
  __typename?: 'ReceiptEdge';
  cursor: Scalars['String']['output'];
  node: Receipt;
};

export type ReceiptSealer =
  | 'AUTHORITY_SERVICE';

export type RegisterAgreementInput = {
  administrator: NewPersonInput;
  organisationId: Scalars['ID']['input'];
  receivedOn?: InputMaybe<Scalars['Date']['input']>;
};

export type ReviewDecision =
  | 'END'
  | 'KEEP';

/** With END, `endDate` is required. */
export type ReviewDecisionInput = {
  decision: ReviewDecision;
  endDate?: InputMaybe<Scalars['Date']['input']>;
  itemId: Scalars['ID']['input'];
};

/** A named bundle of permissions (R-ROLE-1). */
export type Role = {
  __typename?: 'Role';
  code: Scalars['ID']['output'];
  /** The role matrix row (R-ROLE-2). */
  grants: Array<FunctionGrant>;
  /** Holds MANAGE_USERS UPDATE: never gets an end date (R-PERIOD-3), counts for R-AGR-3. */
  isPermissionAdmin: Scalars['Boolean']['output'];
  /** R-END-5: may end other staff's employment. */
  isResponsible: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /** R-USR-3: always covers every unit of the organisation. */
  orgWideOnly: Scalars['Boolean']['output'];
  system: Scalars['String']['output'];
};

export type RoleAssignment = {
  __typename?: 'RoleAssignment';
  id: Scalars['ID']['output'];
  role: Role;
  validFrom: Scalars['Date']['output'];
  validTo?: Maybe<Scalars['Date']['output']>;
};

/** A school form (skolform) a unit may carry (R-ORG-5). */
export type SchoolForm = {
  __typename?: 'SchoolForm';
  code: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** A service in the authority's catalogue (tjänsteutbud, R-ORG-2). */
export type Service = {
  __typename?: 'Service';
  code: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type Session = {
  __typename?: 'Session';
  authority: Scalars['Boolean']['output'];
  expiresAt: Scalars['DateTime']['output'];
  person: Person;
  token: Scalars['String']['output'];
};

/** Owned by the signing subgraph; signChanges returns a reference to the started order. */
export type SigningOrder = {
  __typename?: 'SigningOrder';
  /** Sign orders refused by the access service: why (e.g. signer_not_administrator, digest_mismatch). */
  applyError?: Maybe<Scalars['String']['output']>;
  /** Sign orders: whether the signed change set has been applied. */
  applyResult?: Maybe<ApplyResult>;
  autoStartToken: Scalars['String']['output'];
  hintCode?: Maybe<Scalars['String']['output']>;
  kind: SigningOrderKind;
  /** BankID's recommended text for the user (Swedish) for the current status and hint code. */
  message?: Maybe<Scalars['String']['output']>;
  orderRef: Scalars['ID']['output'];
  /** Animated QR data `bankid.<qrStartToken>.<seconds>.<hmac>`, computed now; empty once the order is no longer pending. */
  qrData: Scalars['String']['output'];
  /** Sign orders: the receipt, once BankID has completed the signing. */
  receipt?: Maybe<Receipt>;
  status: OrderStatus;
};

export type SigningOrderKind =
  | 'LOGIN'
  | 'SIGN';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type StaffChangeInput = {
  /** Offices as in StaffInput; omitted = unchanged (or all offices when unitIds is given), null = all offices. */
  addressIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  email?: InputMaybe<Scalars['String']['input']>;
  roleCodes?: InputMaybe<Array<Scalars['ID']['input']>>;
  schoolFormCodes?: InputMaybe<Array<Scalars['ID']['input']>>;
  unitIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  validFrom?: InputMaybe<Scalars['Date']['input']>;
  validTo?: InputMaybe<Scalars['Date']['input']>;
};

export type StaffConnection = {
  __typename?: 'StaffConnection';
  edges: Array<StaffEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type StaffEdge = {
  __typename?: 'StaffEdge';
  cursor: Scalars['String']['output'];
  node: Person;
};

export type StaffInput = {
  /**
   * R-USR-2 level two: offices of the chosen units. null (or empty) = all offices of every chosen unit,
   * including offices added later; a chosen unit none of whose offices is listed keeps all of them.
   */
  addressIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  email?: InputMaybe<Scalars['String']['input']>;
  givenName: Scalars['String']['input'];
  personalNumber: Scalars['String']['input'];
  roleCodes: Array<Scalars['ID']['input']>;
  schoolFormCodes?: InputMaybe<Array<Scalars['ID']['input']>>;
  surname: Scalars['String']['input'];
  unitIds: Array<Scalars['ID']['input']>;
  validFrom: Scalars['Date']['input'];
  validTo?: InputMaybe<Scalars['Date']['input']>;
};

/** How the staff list is ordered; ties are broken by surname, given name and id. */
export type StaffSortField =
  | 'BIRTH_DATE'
  /** The e-mail in this organisation (none last when ascending). */
  | 'EMAIL'
  /** Surname, then given name. */
  | 'NAME'
  /** The first of the person's role names in this organisation, alphabetically. */
  | 'ROLE'
  /** The earliest start of the person's roles in this organisation. */
  | 'VALID_FROM'
  /** The latest end of the person's roles in this organisation; no end date sorts last when ascending. */
  | 'VALID_TO';

/**
 * A staff member's status in an organisation on today's date, from the periods of their roles there
 * (R-PERIOD-1, R-PERIOD-5): nothing runs at midnight for it to change.
 */
export type StaffStatus =
  /** A role holds today and does not end within 30 days. */
  | 'ACTIVE'
  /** No role holds today or later (or no role at all): the person can be found and given a new period. */
  | 'ENDED'
  /** Every role that holds today ends within 30 days. */
  | 'ENDING_SOON'
  /** No role holds today; one starts later. */
  | 'UPCOMING';

export type StartAccessReviewInput = {
  deadline: Scalars['Date']['input'];
  endUndecidedAtDeadline: Scalars['Boolean']['input'];
  organisationId: Scalars['ID']['input'];
};

/** A performing unit (utförande verksamhet / enhet) of one organisation for one service (R-ORG-3). */
export type Unit = {
  __typename?: 'Unit';
  addresses: Array<Address>;
  /** A closed unit keeps its history but cannot be granted to anyone new. */
  closed: Scalars['Boolean']['output'];
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  organisation: Organisation;
  schoolForms: Array<SchoolForm>;
  service: Service;
};

/** One applied change sent (or being sent) to a subscription. `id` is the message's webhook-id. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  attempts: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  eventType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  lastError?: Maybe<Scalars['String']['output']>;
  /** The receiver's last HTTP status; null when it could not be reached. */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  nextAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  status: WebhookDeliveryStatus;
};

export type WebhookDeliveryStatus =
  | 'DELIVERED'
  | 'FAILED'
  | 'PENDING';

export type Join__ContextArgument = {
  context: Scalars['String']['input'];
  name: Scalars['String']['input'];
  selection: Scalars['join__FieldValue']['input'];
  type: Scalars['String']['input'];
};

export type Join__Graph =
  | 'ACCESS'
  | 'ORGANISATIONS'
  | 'SIGNING';

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';

export type MyAccessQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type MyAccessQuery = { __typename?: 'Query', manageUsers: { __typename?: 'AccessDecision', allowed: boolean }, contactPerson: { __typename?: 'AccessDecision', allowed: boolean }, accountInfo: { __typename?: 'AccessDecision', allowed: boolean } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me?: { __typename?: 'Person', id: string, givenName: string, surname: string, memberships: Array<{ __typename?: 'Membership', organisation: { __typename?: 'Organisation', id: string, name: string, orgNumber: string, kind: OrganisationKind }, employments: Array<{ __typename?: 'Employment', schoolFormCode?: string | null, validTo?: string | null, unit: { __typename?: 'Unit', id: string } }>, roles: Array<{ __typename?: 'RoleAssignment', id: string, validFrom: string, validTo?: string | null, role: { __typename?: 'Role', code: string, name: string, system: string, orgWideOnly: boolean, isPermissionAdmin: boolean, isResponsible: boolean } }> }> } | null };

export type StaffQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  sortBy?: InputMaybe<StaffSortField>;
  sortDirection?: InputMaybe<SortDirection>;
  status?: InputMaybe<Array<StaffStatus> | StaffStatus>;
  roleCode?: InputMaybe<Scalars['ID']['input']>;
}>;


export type StaffQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, name: string, units: Array<{ __typename?: 'Unit', id: string, name: string, closed: boolean, schoolForms: Array<{ __typename?: 'SchoolForm', code: string, name: string }>, addresses: Array<{ __typename?: 'Address', id: string, street: string, city: string }> }>, staff?: { __typename?: 'StaffConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'StaffEdge', cursor: string, node: { __typename?: 'Person', id: string, givenName: string, surname: string, birthDate: string, email?: string | null, memberships: Array<{ __typename?: 'Membership', email?: string | null, organisation: { __typename?: 'Organisation', id: string }, employments: Array<{ __typename?: 'Employment', schoolFormCode?: string | null, validTo?: string | null, addressIds?: Array<string> | null, unit: { __typename?: 'Unit', id: string, name: string } }>, addresses: Array<{ __typename?: 'Address', id: string, street: string, city: string }>, roles: Array<{ __typename?: 'RoleAssignment', id: string, validFrom: string, validTo?: string | null, role: { __typename?: 'Role', code: string, name: string, isPermissionAdmin: boolean } }> }> } }> } | null } | null };

export type RoleCatalogueQueryVariables = Exact<{ [key: string]: never; }>;


export type RoleCatalogueQuery = { __typename?: 'Query', roles: Array<{ __typename?: 'Role', code: string, name: string, system: string, orgWideOnly: boolean, isPermissionAdmin: boolean }> };

export type ChangesToSignQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ChangesToSignQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, changesToSign?: { __typename?: 'ChangeSet', id: string, status: ChangeSetStatus, digest: string, signingText: string, canSign: boolean, changes: Array<{ __typename?: 'PendingChange', id: string, kind: ChangeKind, unitIds: Array<string>, schoolFormCodes?: Array<string> | null, validFrom: string, validTo?: string | null, person: { __typename?: 'PersonSummary', personId?: string | null, givenName: string, surname: string, birthDate: string, email?: string | null }, roles: Array<{ __typename?: 'Role', code: string, name: string }> }> } | null } | null };

export type ProposeStaffMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  input: StaffInput;
}>;


export type ProposeStaffMutation = { __typename?: 'Mutation', proposeStaff: { __typename?: 'PendingChange', id: string, kind: ChangeKind } };

export type ProposeStaffChangeMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
  input: StaffChangeInput;
}>;


export type ProposeStaffChangeMutation = { __typename?: 'Mutation', proposeStaffChange: { __typename?: 'PendingChange', id: string, kind: ChangeKind } };

export type ProposeStaffRemovalMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  personId: Scalars['ID']['input'];
}>;


export type ProposeStaffRemovalMutation = { __typename?: 'Mutation', proposeStaffRemoval: { __typename?: 'PendingChange', id: string, kind: ChangeKind } };

export type DiscardPendingChangeMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DiscardPendingChangeMutation = { __typename?: 'Mutation', discardPendingChange: { __typename?: 'ChangeSet', id: string, status: ChangeSetStatus, changes: Array<{ __typename?: 'PendingChange', id: string }> } };

export type ChangeAuthorisationPeriodMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  personIds: Array<Scalars['ID']['input']> | Scalars['ID']['input'];
  validTo: Scalars['Date']['input'];
}>;


export type ChangeAuthorisationPeriodMutation = { __typename?: 'Mutation', changeAuthorisationPeriod: Array<{ __typename?: 'Person', id: string }> };

export type EndEmploymentPreviewQueryVariables = Exact<{
  input: EndEmploymentInput;
}>;


export type EndEmploymentPreviewQuery = { __typename?: 'Query', endEmploymentPreview: { __typename?: 'EndEmploymentPreview', endDate: string, assignments: Array<{ __typename?: 'EmploymentAssignment', schoolFormCode?: string | null, validTo?: string | null, previousValidTo?: string | null, unit: { __typename?: 'Unit', id: string, name: string }, role: { __typename?: 'Role', code: string, name: string } }> } };

export type EndEmploymentMutationVariables = Exact<{
  input: EndEmploymentInput;
}>;


export type EndEmploymentMutation = { __typename?: 'Mutation', endEmployment: { __typename?: 'EndEmploymentPreview', endDate: string, assignments: Array<{ __typename?: 'EmploymentAssignment', validTo?: string | null, unit: { __typename?: 'Unit', id: string }, role: { __typename?: 'Role', code: string } }> } };

export type OrganisationListQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type OrganisationListQuery = { __typename?: 'Query', organisations: { __typename?: 'OrganisationConnection', totalCount: number, edges: Array<{ __typename?: 'OrganisationEdge', node: { __typename?: 'Organisation', id: string, name: string, orgNumber: string, kind: OrganisationKind } }> } };

export type NoticesQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  days?: InputMaybe<Scalars['Int']['input']>;
}>;


export type NoticesQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, notices: Array<{ __typename?: 'Notice', kind: NoticeKind, validTo?: string | null, message: string, person?: { __typename?: 'Person', id: string, givenName: string, surname: string } | null }> } | null };

export type AccessReviewsQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type AccessReviewsQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, accessReviews: Array<{ __typename?: 'AccessReview', id: string, deadline: string, status: AccessReviewStatus, endUndecidedAtDeadline: boolean, all: { __typename?: 'AccessReviewItemConnection', totalCount: number }, left: { __typename?: 'AccessReviewItemConnection', totalCount: number } }> } | null };

export type AccessReviewItemsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  decided?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AccessReviewItemsQuery = { __typename?: 'Query', accessReview?: { __typename?: 'AccessReview', id: string, deadline: string, status: AccessReviewStatus, items: { __typename?: 'AccessReviewItemConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'AccessReviewItemEdge', node: { __typename?: 'AccessReviewItem', id: string, decision?: ReviewDecision | null, endDate?: string | null, person: { __typename?: 'Person', id: string, givenName: string, surname: string }, assignment: { __typename?: 'RoleAssignment', id: string, validFrom: string, validTo?: string | null, role: { __typename?: 'Role', code: string, name: string } } } }> } } | null };

export type StartAccessReviewMutationVariables = Exact<{
  input: StartAccessReviewInput;
}>;


export type StartAccessReviewMutation = { __typename?: 'Mutation', startAccessReview: { __typename?: 'AccessReview', id: string, deadline: string, status: AccessReviewStatus, endUndecidedAtDeadline: boolean } };

export type DecideReviewItemsMutationVariables = Exact<{
  reviewId: Scalars['ID']['input'];
  decisions: Array<ReviewDecisionInput> | ReviewDecisionInput;
}>;


export type DecideReviewItemsMutation = { __typename?: 'Mutation', decideReviewItems: { __typename?: 'ChangeSet', id: string, status: ChangeSetStatus, changes: Array<{ __typename?: 'PendingChange', id: string }> } };

export type NavAccessQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type NavAccessQuery = { __typename?: 'Query', users: { __typename?: 'AccessDecision', allowed: boolean } };

export type PersonPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type PersonPageQuery = { __typename?: 'Query', person?: { __typename?: 'Person', id: string, givenName: string, surname: string, birthDate: string, email?: string | null, memberships: Array<{ __typename?: 'Membership', email?: string | null, version: number, organisation: { __typename?: 'Organisation', id: string, name: string }, units: Array<{ __typename?: 'Unit', id: string, name: string }>, addresses: Array<{ __typename?: 'Address', id: string, street: string, postalCode: string, city: string }>, employments: Array<{ __typename?: 'Employment', schoolFormCode?: string | null, validTo?: string | null, addressIds?: Array<string> | null, unit: { __typename?: 'Unit', id: string, name: string } }>, roles: Array<{ __typename?: 'RoleAssignment', id: string, validFrom: string, validTo?: string | null, role: { __typename?: 'Role', code: string, name: string, system: string, isPermissionAdmin: boolean } }> }> } | null };

export type PersonOrganisationQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type PersonOrganisationQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, name: string, units: Array<{ __typename?: 'Unit', id: string, name: string, closed: boolean, schoolForms: Array<{ __typename?: 'SchoolForm', code: string, name: string }>, addresses: Array<{ __typename?: 'Address', id: string, street: string, city: string }> }>, changesToSign?: { __typename?: 'ChangeSet', id: string, status: ChangeSetStatus, changes: Array<{ __typename?: 'PendingChange', id: string, kind: ChangeKind, unitIds: Array<string>, validFrom: string, validTo?: string | null, person: { __typename?: 'PersonSummary', personId?: string | null, givenName: string, surname: string, birthDate: string }, roles: Array<{ __typename?: 'Role', code: string, name: string }> }> } | null } | null };

export type StartLoginMutationVariables = Exact<{ [key: string]: never; }>;


export type StartLoginMutation = { __typename?: 'Mutation', startLogin: { __typename?: 'SigningOrder', orderRef: string, autoStartToken: string, qrData: string, status: OrderStatus, hintCode?: string | null } };

export type CompleteLoginMutationVariables = Exact<{
  orderRef: Scalars['ID']['input'];
}>;


export type CompleteLoginMutation = { __typename?: 'Mutation', completeLogin: { __typename?: 'Session', token: string, expiresAt: string, person: { __typename?: 'Person', id: string, givenName: string, surname: string } } };

export type CancelOrderMutationVariables = Exact<{
  orderRef: Scalars['ID']['input'];
}>;


export type CancelOrderMutation = { __typename?: 'Mutation', cancelOrder: { __typename?: 'SigningOrder', orderRef: string, status: OrderStatus, hintCode?: string | null } };

export type SigningOrderQueryVariables = Exact<{
  orderRef: Scalars['ID']['input'];
}>;


export type SigningOrderQuery = { __typename?: 'Query', signingOrder?: { __typename?: 'SigningOrder', orderRef: string, autoStartToken: string, qrData: string, status: OrderStatus, hintCode?: string | null, applyResult?: ApplyResult | null, applyError?: string | null, receipt?: { __typename?: 'Receipt', id: string, signedAt: string, signerName: string, digest: string, token: string, changeSetId: string } | null } | null };

export type SignChangesMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type SignChangesMutation = { __typename?: 'Mutation', signChanges: { __typename?: 'SigningOrder', orderRef: string, autoStartToken: string, qrData: string, status: OrderStatus, hintCode?: string | null } };

export type VerifyAuditLogQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type VerifyAuditLogQuery = { __typename?: 'Query', verifyAuditLog: { __typename?: 'AuditVerification', ok: boolean, checked: number, firstBrokenSeq?: number | null, reason?: AuditBreakReason | null, lastCheckpointSeq?: number | null } };

export type AuditLogQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  action?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type AuditLogQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, units: Array<{ __typename?: 'Unit', id: string, name: string }>, auditLog?: { __typename?: 'AuditEventConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'AuditEventEdge', cursor: string, node: { __typename?: 'AuditEvent', id: string, seq: number, at: string, action: string, target: string, before?: string | null, after?: string | null, hash: string, actorLabel: string, actor?: { __typename?: 'Person', id: string, givenName: string, surname: string, birthDate: string } | null, receipt?: { __typename?: 'Receipt', id: string } | null } }> } | null } | null };

export type AuditPeopleQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AuditPeopleQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, staff?: { __typename?: 'StaffConnection', edges: Array<{ __typename?: 'StaffEdge', node: { __typename?: 'Person', id: string, givenName: string, surname: string, birthDate: string } }> } | null } | null };

export type AuditPersonQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AuditPersonQuery = { __typename?: 'Query', person?: { __typename?: 'Person', id: string, givenName: string, surname: string, birthDate: string } | null };

export type OrganisationDetailsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrganisationDetailsQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, orgNumber: string, name: string, kind: OrganisationKind, postalAddress?: string | null, phone?: string | null, fax?: string | null, website?: string | null, units: Array<{ __typename?: 'Unit', id: string, name: string, closed: boolean, service: { __typename?: 'Service', code: string, name: string }, schoolForms: Array<{ __typename?: 'SchoolForm', code: string, name: string }>, addresses: Array<{ __typename?: 'Address', id: string, street: string, postalCode: string, city: string }> }> } | null };

export type OrganisationContactsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type OrganisationContactsQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, contactPersons?: Array<{ __typename?: 'ContactPerson', id: string, givenName: string, surname: string, email?: string | null, phone1?: string | null, phone2?: string | null, adminContact: boolean, updatedAt: string, updatedBy: string }> | null, paymentAccounts?: Array<{ __typename?: 'PaymentAccount', id: string, type: PaymentAccountType, number: string, reviewStatus: AccountReviewStatus, isDefault: boolean, updatedAt: string, updatedBy: string }> | null } | null };

export type ChangeOrganisationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: ChangeOrganisationInput;
}>;


export type ChangeOrganisationMutation = { __typename?: 'Mutation', changeOrganisation: { __typename?: 'Organisation', id: string, postalAddress?: string | null, phone?: string | null, fax?: string | null, website?: string | null } };

export type CreateContactPersonMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  input: ContactPersonInput;
}>;


export type CreateContactPersonMutation = { __typename?: 'Mutation', createContactPerson: { __typename?: 'ContactPerson', id: string, givenName: string, surname: string, email?: string | null, phone1?: string | null, phone2?: string | null, adminContact: boolean, updatedAt: string, updatedBy: string } };

export type CreatePaymentAccountMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  input: PaymentAccountInput;
}>;


export type CreatePaymentAccountMutation = { __typename?: 'Mutation', createPaymentAccount: { __typename?: 'PaymentAccount', id: string, type: PaymentAccountType, number: string, reviewStatus: AccountReviewStatus, isDefault: boolean, updatedAt: string, updatedBy: string } };

export type MyPermissionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPermissionsQuery = { __typename?: 'Query', me?: { __typename?: 'Person', id: string, permissionScopes?: Array<{ __typename?: 'PermissionScope', orgWide: boolean, validFrom: string, validTo?: string | null, organisation: { __typename?: 'Organisation', id: string, name: string, orgNumber: string, units: Array<{ __typename?: 'Unit', id: string, name: string, closed: boolean, service: { __typename?: 'Service', code: string, name: string }, addresses: Array<{ __typename?: 'Address', id: string, street: string, postalCode: string, city: string }> }> }, units: Array<{ __typename?: 'Unit', id: string, name: string, service: { __typename?: 'Service', code: string, name: string }, addresses: Array<{ __typename?: 'Address', id: string, street: string, postalCode: string, city: string }> }>, addresses: Array<{ __typename?: 'Address', id: string }>, role: { __typename?: 'Role', code: string, name: string, system: string } }> | null } | null };

export type PersonAuditQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  personId?: InputMaybe<Scalars['ID']['input']>;
}>;


export type PersonAuditQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, auditLog?: { __typename?: 'AuditEventConnection', totalCount: number, edges: Array<{ __typename?: 'AuditEventEdge', node: { __typename?: 'AuditEvent', id: string, seq: number, at: string, action: string, target: string, before?: string | null, after?: string | null, actorLabel: string, actor?: { __typename?: 'Person', id: string, givenName: string, surname: string, birthDate: string } | null } }> } | null } | null };

export type RolesQueryVariables = Exact<{ [key: string]: never; }>;


export type RolesQuery = { __typename?: 'Query', roles: Array<{ __typename?: 'Role', code: string, name: string, system: string, orgWideOnly: boolean, grants: Array<{ __typename?: 'FunctionGrant', function: string, access: Access }> }> };

export type EventSubscriptionsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type EventSubscriptionsQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, eventSubscriptions: Array<{ __typename?: 'EventSubscription', id: string, url: string, events: Array<string>, active: boolean, createdAt: string, disabledAt?: string | null, disabledReason?: string | null, deliveries: Array<{ __typename?: 'WebhookDelivery', id: string, eventType: string, status: WebhookDeliveryStatus, attempts: number, lastStatusCode?: number | null, lastAttemptAt?: string | null, nextAttemptAt?: string | null, deliveredAt?: string | null, createdAt: string }> }> } | null };

export type SubscribeToEventsMutationVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  input: EventSubscriptionInput;
}>;


export type SubscribeToEventsMutation = { __typename?: 'Mutation', subscribeToEvents: { __typename?: 'EventSubscriptionWithSecret', secret: string, subscription: { __typename?: 'EventSubscription', id: string, url: string, events: Array<string>, active: boolean } } };

export type UnsubscribeFromEventsMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnsubscribeFromEventsMutation = { __typename?: 'Mutation', unsubscribeFromEvents: { __typename?: 'EventSubscription', id: string, active: boolean } };

export type UnitPageQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
}>;


export type UnitPageQuery = { __typename?: 'Query', organisation?: { __typename?: 'Organisation', id: string, name: string, units: Array<{ __typename?: 'Unit', id: string, name: string, closed: boolean, service: { __typename?: 'Service', code: string, name: string }, schoolForms: Array<{ __typename?: 'SchoolForm', code: string, name: string }>, addresses: Array<{ __typename?: 'Address', id: string, street: string, postalCode: string, city: string }> }> } | null, roles: Array<{ __typename?: 'Role', code: string, grants: Array<{ __typename?: 'FunctionGrant', function: string, access: Access }> }> };

export type WhoCanHereQueryVariables = Exact<{
  organisationId: Scalars['ID']['input'];
  unitId?: InputMaybe<Scalars['ID']['input']>;
  function: Scalars['String']['input'];
  access: Access;
  on?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type WhoCanHereQuery = { __typename?: 'Query', whoCan: { __typename?: 'PersonConnection', totalCount: number, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null }, edges: Array<{ __typename?: 'PersonEdge', cursor: string, node: { __typename?: 'Person', id: string, givenName: string, surname: string, birthDate: string } }> } };


export const MyAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"manageUsers"},"name":{"kind":"Name","value":"myAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"function"},"value":{"kind":"StringValue","value":"MANAGE_USERS","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"access"},"value":{"kind":"EnumValue","value":"UPDATE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"contactPerson"},"name":{"kind":"Name","value":"myAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"function"},"value":{"kind":"StringValue","value":"CONTACT_PERSON","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"access"},"value":{"kind":"EnumValue","value":"UPDATE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"accountInfo"},"name":{"kind":"Name","value":"myAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"function"},"value":{"kind":"StringValue","value":"ACCOUNT_INFO","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"access"},"value":{"kind":"EnumValue","value":"UPDATE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}}]}}]}}]} as unknown as DocumentNode<MyAccessQuery, MyAccessQueryVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolFormCode"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"orgWideOnly"}},{"kind":"Field","name":{"kind":"Name","value":"isPermissionAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"isResponsible"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const StaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Staff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffSortField"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sortDirection"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SortDirection"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roleCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"schoolForms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"sortDirection"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sortDirection"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"roleCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roleCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"employments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolFormCode"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"addressIds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isPermissionAdmin"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StaffQuery, StaffQueryVariables>;
export const RoleCatalogueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoleCatalogue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"orgWideOnly"}},{"kind":"Field","name":{"kind":"Name","value":"isPermissionAdmin"}}]}}]}}]} as unknown as DocumentNode<RoleCatalogueQuery, RoleCatalogueQueryVariables>;
export const ChangesToSignDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChangesToSign"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"changesToSign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"signingText"}},{"kind":"Field","name":{"kind":"Name","value":"canSign"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitIds"}},{"kind":"Field","name":{"kind":"Name","value":"schoolFormCodes"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ChangesToSignQuery, ChangesToSignQueryVariables>;
export const ProposeStaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposeStaff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposeStaff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<ProposeStaffMutation, ProposeStaffMutationVariables>;
export const ProposeStaffChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposeStaffChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StaffChangeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposeStaffChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"personId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<ProposeStaffChangeMutation, ProposeStaffChangeMutationVariables>;
export const ProposeStaffRemovalDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProposeStaffRemoval"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"proposeStaffRemoval"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"personId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<ProposeStaffRemovalMutation, ProposeStaffRemovalMutationVariables>;
export const DiscardPendingChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DiscardPendingChange"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discardPendingChange"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DiscardPendingChangeMutation, DiscardPendingChangeMutationVariables>;
export const ChangeAuthorisationPeriodDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeAuthorisationPeriod"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"validTo"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeAuthorisationPeriod"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"personIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"validTo"},"value":{"kind":"Variable","name":{"kind":"Name","value":"validTo"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ChangeAuthorisationPeriodMutation, ChangeAuthorisationPeriodMutationVariables>;
export const EndEmploymentPreviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EndEmploymentPreview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndEmploymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endEmploymentPreview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolFormCode"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"previousValidTo"}}]}}]}}]}}]} as unknown as DocumentNode<EndEmploymentPreviewQuery, EndEmploymentPreviewQueryVariables>;
export const EndEmploymentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EndEmployment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EndEmploymentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endEmployment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"assignments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}}]} as unknown as DocumentNode<EndEmploymentMutation, EndEmploymentMutationVariables>;
export const OrganisationListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganisationList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganisationListQuery, OrganisationListQueryVariables>;
export const NoticesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"days"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"notices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"endingWithinDays"},"value":{"kind":"Variable","name":{"kind":"Name","value":"days"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}}]}}]}}]}}]}}]} as unknown as DocumentNode<NoticesQuery, NoticesQueryVariables>;
export const AccessReviewsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessReviews"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"accessReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endUndecidedAtDeadline"}},{"kind":"Field","alias":{"kind":"Name","value":"all"},"name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"left"},"name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"decided"},"value":{"kind":"BooleanValue","value":false}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccessReviewsQuery, AccessReviewsQueryVariables>;
export const AccessReviewItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessReviewItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"decided"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"decided"},"value":{"kind":"Variable","name":{"kind":"Name","value":"decided"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccessReviewItemsQuery, AccessReviewItemsQueryVariables>;
export const StartAccessReviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartAccessReview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartAccessReviewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startAccessReview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"endUndecidedAtDeadline"}}]}}]}}]} as unknown as DocumentNode<StartAccessReviewMutation, StartAccessReviewMutationVariables>;
export const DecideReviewItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideReviewItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reviewId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"decisions"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewDecisionInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideReviewItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"reviewId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reviewId"}}},{"kind":"Argument","name":{"kind":"Name","value":"decisions"},"value":{"kind":"Variable","name":{"kind":"Name","value":"decisions"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<DecideReviewItemsMutation, DecideReviewItemsMutationVariables>;
export const NavAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NavAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"users"},"name":{"kind":"Name","value":"myAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"function"},"value":{"kind":"StringValue","value":"MANAGE_USERS","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"access"},"value":{"kind":"EnumValue","value":"READ"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}}]}}]}}]} as unknown as DocumentNode<NavAccessQuery, NavAccessQueryVariables>;
export const PersonPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}},{"kind":"Field","name":{"kind":"Name","value":"employments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolFormCode"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"addressIds"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"isPermissionAdmin"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonPageQuery, PersonPageQueryVariables>;
export const PersonOrganisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonOrganisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"schoolForms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changesToSign"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unitIds"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonOrganisationQuery, PersonOrganisationQueryVariables>;
export const StartLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartLogin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startLogin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderRef"}},{"kind":"Field","name":{"kind":"Name","value":"autoStartToken"}},{"kind":"Field","name":{"kind":"Name","value":"qrData"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hintCode"}}]}}]}}]} as unknown as DocumentNode<StartLoginMutation, StartLoginMutationVariables>;
export const CompleteLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CompleteLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderRef"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderRef"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderRef"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"person"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}}]}}]}}]}}]} as unknown as DocumentNode<CompleteLoginMutation, CompleteLoginMutationVariables>;
export const CancelOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderRef"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderRef"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderRef"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderRef"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hintCode"}}]}}]}}]} as unknown as DocumentNode<CancelOrderMutation, CancelOrderMutationVariables>;
export const SigningOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SigningOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderRef"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signingOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderRef"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderRef"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderRef"}},{"kind":"Field","name":{"kind":"Name","value":"autoStartToken"}},{"kind":"Field","name":{"kind":"Name","value":"qrData"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hintCode"}},{"kind":"Field","name":{"kind":"Name","value":"applyResult"}},{"kind":"Field","name":{"kind":"Name","value":"applyError"}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"signedAt"}},{"kind":"Field","name":{"kind":"Name","value":"signerName"}},{"kind":"Field","name":{"kind":"Name","value":"digest"}},{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"changeSetId"}}]}}]}}]}}]} as unknown as DocumentNode<SigningOrderQuery, SigningOrderQueryVariables>;
export const SignChangesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignChanges"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signChanges"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"orderRef"}},{"kind":"Field","name":{"kind":"Name","value":"autoStartToken"}},{"kind":"Field","name":{"kind":"Name","value":"qrData"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hintCode"}}]}}]}}]} as unknown as DocumentNode<SignChangesMutation, SignChangesMutationVariables>;
export const VerifyAuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyAuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"firstBrokenSeq"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckpointSeq"}}]}}]}}]} as unknown as DocumentNode<VerifyAuditLogQuery, VerifyAuditLogQueryVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actorId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"actorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actorId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receipt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const AuditPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditPeople"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"staff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuditPeopleQuery, AuditPeopleQueryVariables>;
export const AuditPersonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditPerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]} as unknown as DocumentNode<AuditPersonQuery, AuditPersonQueryVariables>;
export const OrganisationDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganisationDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"postalAddress"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"fax"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolForms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OrganisationDetailsQuery, OrganisationDetailsQueryVariables>;
export const OrganisationContactsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrganisationContacts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contactPersons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone1"}},{"kind":"Field","name":{"kind":"Name","value":"phone2"}},{"kind":"Field","name":{"kind":"Name","value":"adminContact"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}}]}},{"kind":"Field","name":{"kind":"Name","value":"paymentAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"reviewStatus"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}}]}}]}}]}}]} as unknown as DocumentNode<OrganisationContactsQuery, OrganisationContactsQueryVariables>;
export const ChangeOrganisationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeOrganisation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeOrganisationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeOrganisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"postalAddress"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"fax"}},{"kind":"Field","name":{"kind":"Name","value":"website"}}]}}]}}]} as unknown as DocumentNode<ChangeOrganisationMutation, ChangeOrganisationMutationVariables>;
export const CreateContactPersonDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateContactPerson"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPersonInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createContactPerson"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone1"}},{"kind":"Field","name":{"kind":"Name","value":"phone2"}},{"kind":"Field","name":{"kind":"Name","value":"adminContact"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}}]}}]}}]} as unknown as DocumentNode<CreateContactPersonMutation, CreateContactPersonMutationVariables>;
export const CreatePaymentAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePaymentAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PaymentAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPaymentAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"reviewStatus"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedBy"}}]}}]}}]} as unknown as DocumentNode<CreatePaymentAccountMutation, CreatePaymentAccountMutationVariables>;
export const MyPermissionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"permissionScopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"orgWide"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}}]}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validTo"}}]}}]}}]}}]} as unknown as DocumentNode<MyPermissionsQuery, MyPermissionsQueryVariables>;
export const PersonAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PersonAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"personId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"personId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"personId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"target"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"actorLabel"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PersonAuditQuery, PersonAuditQueryVariables>;
export const RolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"orgWideOnly"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"function"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]}}]} as unknown as DocumentNode<RolesQuery, RolesQueryVariables>;
export const EventSubscriptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EventSubscriptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventSubscriptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledAt"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"deliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EventSubscriptionsQuery, EventSubscriptionsQueryVariables>;
export const SubscribeToEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubscribeToEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EventSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subscribeToEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"subscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]}}]} as unknown as DocumentNode<SubscribeToEventsMutation, SubscribeToEventsMutationVariables>;
export const UnsubscribeFromEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UnsubscribeFromEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unsubscribeFromEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"active"}}]}}]}}]} as unknown as DocumentNode<UnsubscribeFromEventsMutation, UnsubscribeFromEventsMutationVariables>;
export const UnitPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organisation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"units"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"closed"}},{"kind":"Field","name":{"kind":"Name","value":"service"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolForms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"addresses"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"street"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"function"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]}}]} as unknown as DocumentNode<UnitPageQuery, UnitPageQueryVariables>;
export const WhoCanHereDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WhoCanHere"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"function"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"access"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Access"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"whoCan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"organisationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"organisationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"unitId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"unitId"}}},{"kind":"Argument","name":{"kind":"Name","value":"function"},"value":{"kind":"Variable","name":{"kind":"Name","value":"function"}}},{"kind":"Argument","name":{"kind":"Name","value":"access"},"value":{"kind":"Variable","name":{"kind":"Name","value":"access"}}},{"kind":"Argument","name":{"kind":"Name","value":"on"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"surname"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WhoCanHereQuery, WhoCanHereQueryVariables>;