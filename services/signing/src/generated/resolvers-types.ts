import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AuditEventRow } from '../modules/audit/audit.store';
import type { SigningOrderRow, ReceiptRow } from '../modules/orders/orders.store';
import type { ApiClientRow } from '../modules/partners/partners.store';
import type { ApiClientCredentialsResult, SessionResult, EntityRef, Context } from '../context';
import type { EventSubscriptionRow, WebhookDeliveryRow, EventSubscriptionWithSecretResult } from '../modules/webhooks/webhooks.store';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

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

export type Mutation = {
  __typename?: 'Mutation';
  cancelOrder: SigningOrder;
  /** Returns a session once the order is COMPLETE, for people with an active membership or authority staff (R-AUTH-1). */
  completeLogin: Session;
  /** Registers a partner system for the organisation (its permission administrators and the authority). */
  registerApiClient: ApiClientCredentials;
  revokeApiClient: ApiClient;
  /** Starts a BankID identification order (no token needed). */
  startLogin: SigningOrder;
  /** Subscribes a partner system to the organisation's applied changes (R-HOOK-1). */
  subscribeToEvents: EventSubscriptionWithSecret;
  /** Ends a subscription: no further deliveries, pending ones are given up. */
  unsubscribeFromEvents: EventSubscription;
};


export type MutationCancelOrderArgs = {
  orderRef: Scalars['ID']['input'];
};


export type MutationCompleteLoginArgs = {
  orderRef: Scalars['ID']['input'];
};


export type MutationRegisterApiClientArgs = {
  functions: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
};


export type MutationRevokeApiClientArgs = {
  clientId: Scalars['ID']['input'];
};


export type MutationSubscribeToEventsArgs = {
  input: EventSubscriptionInput;
  organisationId: Scalars['ID']['input'];
};


export type MutationUnsubscribeFromEventsArgs = {
  id: Scalars['ID']['input'];
};

export type OrderStatus =
  | 'COMPLETE'
  | 'FAILED'
  | 'PENDING';

/** The signing service adds the audit log and partner-system clients to every organisation (R-AUDIT-3, R-AUTH-2). */
export type Organisation = {
  __typename?: 'Organisation';
  /** Partner systems registered for this organisation (R-AUTH-2); visible to its administrators and the authority (null with FORBIDDEN for others). */
  apiClients?: Maybe<Array<ApiClient>>;
  /**
   * The organisation's audit log, newest first (R-AUDIT-3: its administrators — MANAGE_USERS READ —
   * and the authority). `from` is inclusive, `to` exclusive. `actorId`: only what that person did.
   * `personId`: everything about that person or done by them (target `person:<id>` or actor). Null
   * with a FORBIDDEN error for anyone else, so a refused log does not take the rest of the answer with it.
   */
  auditLog?: Maybe<AuditEventConnection>;
  /**
   * Partner systems' subscriptions to this organisation's applied changes (R-HOOK-1); for its
   * permission administrators, its partner clients with MANAGE_USERS and the authority (FORBIDDEN for others).
   */
  eventSubscriptions: Array<EventSubscription>;
  id: Scalars['ID']['output'];
};


/** The signing service adds the audit log and partner-system clients to every organisation (R-AUDIT-3, R-AUTH-2). */
export type OrganisationAuditLogArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  personId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** People are owned by the access subgraph; signing adds their receipts. */
export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  /** Receipts of the signings this person made, newest first (the person themself and the authority; null with FORBIDDEN for others). */
  receipts?: Maybe<ReceiptConnection>;
};


/** People are owned by the access subgraph; signing adds their receipts. */
export type PersonReceiptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Query = {
  __typename?: 'Query';
  receipt?: Maybe<Receipt>;
  /** Polls a BankID order: status, hint code and fresh QR data. */
  signingOrder?: Maybe<SigningOrder>;
  verifyAuditLog: AuditVerification;
  /** True when `token` is a receipt signed by this service's key (the JWKS alone suffices). */
  verifyReceipt: Scalars['Boolean']['output'];
};


export type QueryReceiptArgs = {
  id: Scalars['ID']['input'];
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

export type Session = {
  __typename?: 'Session';
  authority: Scalars['Boolean']['output'];
  expiresAt: Scalars['DateTime']['output'];
  person: Person;
  token: Scalars['String']['output'];
};

/** A BankID order (log-in or signing). Poll `signingOrder` about every second: `qrData` changes each second. */
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

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  EventSubscription: EventSubscription;
  Organisation: Organisation;
  Person: Person;
  Receipt: Receipt;
  SigningOrder: SigningOrder;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  EventSubscription:
    ( { __typename: 'EventSubscription' }
    & GraphQLRecursivePick<FederationTypes['EventSubscription'], {"id":true}> );
  Organisation:
    ( { __typename: 'Organisation' }
    & GraphQLRecursivePick<FederationTypes['Organisation'], {"id":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Receipt:
    ( { __typename: 'Receipt' }
    & GraphQLRecursivePick<FederationTypes['Receipt'], {"id":true}> );
  SigningOrder:
    ( { __typename: 'SigningOrder' }
    & GraphQLRecursivePick<FederationTypes['SigningOrder'], {"orderRef":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ApiClient: ResolverTypeWrapper<ApiClientRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApiClientCredentials: ResolverTypeWrapper<ApiClientCredentialsResult>;
  ApplyResult: ApplyResult;
  AuditBreakReason: AuditBreakReason;
  AuditEvent: ResolverTypeWrapper<AuditEventRow>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AuditEventConnection: ResolverTypeWrapper<Omit<AuditEventConnection, 'edges'> & { edges: Array<ResolversTypes['AuditEventEdge']> }>;
  AuditEventEdge: ResolverTypeWrapper<Omit<AuditEventEdge, 'node'> & { node: ResolversTypes['AuditEvent'] }>;
  AuditVerification: ResolverTypeWrapper<AuditVerification>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EventSubscription: ResolverTypeWrapper<EventSubscriptionRow>;
  EventSubscriptionInput: EventSubscriptionInput;
  EventSubscriptionWithSecret: ResolverTypeWrapper<EventSubscriptionWithSecretResult>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OrderStatus: OrderStatus;
  Organisation: ResolverTypeWrapper<EntityRef>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Person: ResolverTypeWrapper<EntityRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Receipt: ResolverTypeWrapper<ReceiptRow>;
  ReceiptConnection: ResolverTypeWrapper<Omit<ReceiptConnection, 'edges'> & { edges: Array<ResolversTypes['ReceiptEdge']> }>;
  ReceiptEdge: ResolverTypeWrapper<Omit<ReceiptEdge, 'node'> & { node: ResolversTypes['Receipt'] }>;
  ReceiptSealer: ReceiptSealer;
  Session: ResolverTypeWrapper<SessionResult>;
  SigningOrder: ResolverTypeWrapper<SigningOrderRow>;
  SigningOrderKind: SigningOrderKind;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryRow>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiClient: ApiClientRow;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  ApiClientCredentials: ApiClientCredentialsResult;
  AuditEvent: AuditEventRow;
  Int: Scalars['Int']['output'];
  AuditEventConnection: Omit<AuditEventConnection, 'edges'> & { edges: Array<ResolversParentTypes['AuditEventEdge']> };
  AuditEventEdge: Omit<AuditEventEdge, 'node'> & { node: ResolversParentTypes['AuditEvent'] };
  AuditVerification: AuditVerification;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  EventSubscription: EventSubscriptionRow;
  EventSubscriptionInput: EventSubscriptionInput;
  EventSubscriptionWithSecret: EventSubscriptionWithSecretResult;
  Mutation: Record<PropertyKey, never>;
  Organisation: EntityRef;
  PageInfo: PageInfo;
  Person: EntityRef;
  Query: Record<PropertyKey, never>;
  Receipt: ReceiptRow;
  ReceiptConnection: Omit<ReceiptConnection, 'edges'> & { edges: Array<ResolversParentTypes['ReceiptEdge']> };
  ReceiptEdge: Omit<ReceiptEdge, 'node'> & { node: ResolversParentTypes['Receipt'] };
  Session: SessionResult;
  SigningOrder: SigningOrderRow;
  WebhookDelivery: WebhookDeliveryRow;
}>;

export type ApiClientResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiClient'] = ResolversParentTypes['ApiClient']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  functions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type ApiClientCredentialsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiClientCredentials'] = ResolversParentTypes['ApiClientCredentials']> = ResolversObject<{
  client?: Resolver<ResolversTypes['ApiClient'], ParentType, ContextType>;
  clientSecret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  actorLabel?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType>;
  prevHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receipt?: Resolver<Maybe<ResolversTypes['Receipt']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEventConnection'] = ResolversParentTypes['AuditEventConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AuditEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AuditEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEventEdge'] = ResolversParentTypes['AuditEventEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEvent'], ParentType, ContextType>;
}>;

export type AuditVerificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditVerification'] = ResolversParentTypes['AuditVerification']> = ResolversObject<{
  checked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstBrokenSeq?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  lastCheckpointSeq?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['AuditBreakReason']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EventSubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventSubscription'] = ResolversParentTypes['EventSubscription'], FederationReferenceType extends FederationReferenceTypes['EventSubscription'] = FederationReferenceTypes['EventSubscription']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['EventSubscription']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveries?: Resolver<Array<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, Partial<EventSubscriptionDeliveriesArgs>>;
  disabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  disabledReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type EventSubscriptionWithSecretResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventSubscriptionWithSecret'] = ResolversParentTypes['EventSubscriptionWithSecret']> = ResolversObject<{
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['EventSubscription'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelOrder?: Resolver<ResolversTypes['SigningOrder'], ParentType, ContextType, RequireFields<MutationCancelOrderArgs, 'orderRef'>>;
  completeLogin?: Resolver<ResolversTypes['Session'], ParentType, ContextType, RequireFields<MutationCompleteLoginArgs, 'orderRef'>>;
  registerApiClient?: Resolver<ResolversTypes['ApiClientCredentials'], ParentType, ContextType, RequireFields<MutationRegisterApiClientArgs, 'functions' | 'name' | 'organisationId'>>;
  revokeApiClient?: Resolver<ResolversTypes['ApiClient'], ParentType, ContextType, RequireFields<MutationRevokeApiClientArgs, 'clientId'>>;
  startLogin?: Resolver<ResolversTypes['SigningOrder'], ParentType, ContextType>;
  subscribeToEvents?: Resolver<ResolversTypes['EventSubscriptionWithSecret'], ParentType, ContextType, RequireFields<MutationSubscribeToEventsArgs, 'input' | 'organisationId'>>;
  unsubscribeFromEvents?: Resolver<ResolversTypes['EventSubscription'], ParentType, ContextType, RequireFields<MutationUnsubscribeFromEventsArgs, 'id'>>;
}>;

export type OrganisationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organisation'] = ResolversParentTypes['Organisation'], FederationReferenceType extends FederationReferenceTypes['Organisation'] = FederationReferenceTypes['Organisation']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organisation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  apiClients?: Resolver<Maybe<Array<ResolversTypes['ApiClient']>>, ParentType, ContextType>;
  auditLog?: Resolver<Maybe<ResolversTypes['AuditEventConnection']>, ParentType, ContextType, Partial<OrganisationAuditLogArgs>>;
  eventSubscriptions?: Resolver<Array<ResolversTypes['EventSubscription']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  receipts?: Resolver<Maybe<ResolversTypes['ReceiptConnection']>, ParentType, ContextType, Partial<PersonReceiptsArgs>>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  receipt?: Resolver<Maybe<ResolversTypes['Receipt']>, ParentType, ContextType, RequireFields<QueryReceiptArgs, 'id'>>;
  signingOrder?: Resolver<Maybe<ResolversTypes['SigningOrder']>, ParentType, ContextType, RequireFields<QuerySigningOrderArgs, 'orderRef'>>;
  verifyAuditLog?: Resolver<ResolversTypes['AuditVerification'], ParentType, ContextType, RequireFields<QueryVerifyAuditLogArgs, 'organisationId'>>;
  verifyReceipt?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<QueryVerifyReceiptArgs, 'token'>>;
}>;

export type ReceiptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Receipt'] = ResolversParentTypes['Receipt'], FederationReferenceType extends FederationReferenceTypes['Receipt'] = FederationReferenceTypes['Receipt']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Receipt']> | FederationReferenceType, FederationReferenceType, ContextType>;
  changeSetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  digest?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orderRef?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  sealedBy?: Resolver<Maybe<ResolversTypes['ReceiptSealer']>, ParentType, ContextType>;
  signedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  signer?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  signerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ReceiptConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceiptConnection'] = ResolversParentTypes['ReceiptConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ReceiptEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ReceiptEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReceiptEdge'] = ResolversParentTypes['ReceiptEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Receipt'], ParentType, ContextType>;
}>;

export type SessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Session'] = ResolversParentTypes['Session']> = ResolversObject<{
  authority?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  person?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SigningOrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SigningOrder'] = ResolversParentTypes['SigningOrder'], FederationReferenceType extends FederationReferenceTypes['SigningOrder'] = FederationReferenceTypes['SigningOrder']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SigningOrder']> | FederationReferenceType, FederationReferenceType, ContextType>;
  applyError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  applyResult?: Resolver<Maybe<ResolversTypes['ApplyResult']>, ParentType, ContextType>;
  autoStartToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hintCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SigningOrderKind'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  orderRef?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  qrData?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receipt?: Resolver<Maybe<ResolversTypes['Receipt']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
}>;

export type WebhookDeliveryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = ResolversObject<{
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastStatusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  ApiClient?: ApiClientResolvers<ContextType>;
  ApiClientCredentials?: ApiClientCredentialsResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  AuditEventEdge?: AuditEventEdgeResolvers<ContextType>;
  AuditVerification?: AuditVerificationResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EventSubscription?: EventSubscriptionResolvers<ContextType>;
  EventSubscriptionWithSecret?: EventSubscriptionWithSecretResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Organisation?: OrganisationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Receipt?: ReceiptResolvers<ContextType>;
  ReceiptConnection?: ReceiptConnectionResolvers<ContextType>;
  ReceiptEdge?: ReceiptEdgeResolvers<ContextType>;
  Session?: SessionResolvers<ContextType>;
  SigningOrder?: SigningOrderResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
}>;

