import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrganisationRow } from '../modules/organisations/organisations.store';
import type { UnitRow, AddressRow } from '../modules/units/units.store';
import type { ServiceRow, SchoolFormRow } from '../modules/catalogue/catalogue.store';
import type { ContactPersonRow, PaymentAccountRow } from '../modules/contacts/contacts.store';
import type { Context } from '../context';
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

/** The authority reviews each account; a changed number must be reviewed again. */
export type AccountReviewStatus =
  | 'NOT_REVIEWED'
  | 'REJECTED'
  | 'REVIEWED';

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

/** Omitted fields stay as they are; null or empty clears an optional field. Changing the name needs the authority. */
export type ChangeOrganisationInput = {
  fax?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  postalAddress?: InputMaybe<Scalars['String']['input']>;
  website?: InputMaybe<Scalars['String']['input']>;
};

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

export type Mutation = {
  __typename?: 'Mutation';
  addAddress: Address;
  changeContactPerson: ContactPerson;
  /** CONTACT_PERSON UPDATE in the organisation, or the authority (who alone may rename). */
  changeOrganisation: Organisation;
  changePaymentAccount: PaymentAccount;
  /** Authority only (R-ORG-2). */
  changeService: Service;
  /** The unit keeps its history; it cannot be granted to anyone new. */
  closeUnit: Unit;
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
  /** Refused for a unit's last address (a unit has one or more). */
  removeAddress: Unit;
  removeContactPerson: Organisation;
  /** Refused for the default account while others remain. */
  removePaymentAccount: Organisation;
  renameUnit: Unit;
  /** Authority only: records the review of an account. */
  reviewPaymentAccount: PaymentAccount;
};


export type MutationAddAddressArgs = {
  input: AddressInput;
  unitId: Scalars['ID']['input'];
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

/** An external organisation (municipality, supplier, education provider) or the authority itself (R-ORG-1). */
export type Organisation = {
  __typename?: 'Organisation';
  /** Contact persons (R-ORG-1). Needs CONTACT_PERSON READ in this organisation (the authority always may); null with a FORBIDDEN error for anyone else, so the rest of the answer stays. */
  contactPersons?: Maybe<Array<ContactPerson>>;
  fax?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: OrganisationKind;
  name: Scalars['String']['output'];
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
  /** Performing units, optionally only those delivering one service (R-ORG-3). Readable by anyone signed in. */
  units: Array<Unit>;
  website?: Maybe<Scalars['String']['output']>;
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

export type Query = {
  __typename?: 'Query';
  organisation?: Maybe<Organisation>;
  organisationByNumber?: Maybe<Organisation>;
  /** Organisations whose name or number matches `search`, ordered by name. */
  organisations: OrganisationConnection;
  schoolForms: Array<SchoolForm>;
  services: Array<Service>;
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
  Address: Address;
  Organisation: Organisation;
  SchoolForm: SchoolForm;
  Service: Service;
  Unit: Unit;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Address:
    ( { __typename: 'Address' }
    & GraphQLRecursivePick<FederationTypes['Address'], {"id":true}> );
  Organisation:
    ( { __typename: 'Organisation' }
    & GraphQLRecursivePick<FederationTypes['Organisation'], {"id":true}> );
  SchoolForm:
    ( { __typename: 'SchoolForm' }
    & GraphQLRecursivePick<FederationTypes['SchoolForm'], {"code":true}> );
  Service:
    ( { __typename: 'Service' }
    & GraphQLRecursivePick<FederationTypes['Service'], {"code":true}> );
  Unit:
    ( { __typename: 'Unit' }
    & GraphQLRecursivePick<FederationTypes['Unit'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AccountReviewStatus: AccountReviewStatus;
  Address: ResolverTypeWrapper<AddressRow>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AddressInput: AddressInput;
  ChangeOrganisationInput: ChangeOrganisationInput;
  ContactPerson: ResolverTypeWrapper<ContactPersonRow>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ContactPersonChangeInput: ContactPersonChangeInput;
  ContactPersonInput: ContactPersonInput;
  CreateOrganisationInput: CreateOrganisationInput;
  CreateServiceInput: CreateServiceInput;
  CreateUnitInput: CreateUnitInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Organisation: ResolverTypeWrapper<OrganisationRow>;
  OrganisationConnection: ResolverTypeWrapper<Omit<OrganisationConnection, 'edges'> & { edges: Array<ResolversTypes['OrganisationEdge']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  OrganisationEdge: ResolverTypeWrapper<Omit<OrganisationEdge, 'node'> & { node: ResolversTypes['Organisation'] }>;
  OrganisationKind: OrganisationKind;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PaymentAccount: ResolverTypeWrapper<PaymentAccountRow>;
  PaymentAccountChangeInput: PaymentAccountChangeInput;
  PaymentAccountInput: PaymentAccountInput;
  PaymentAccountType: PaymentAccountType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SchoolForm: ResolverTypeWrapper<SchoolFormRow>;
  Service: ResolverTypeWrapper<ServiceRow>;
  Unit: ResolverTypeWrapper<UnitRow>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Address: AddressRow;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AddressInput: AddressInput;
  ChangeOrganisationInput: ChangeOrganisationInput;
  ContactPerson: ContactPersonRow;
  Boolean: Scalars['Boolean']['output'];
  ContactPersonChangeInput: ContactPersonChangeInput;
  ContactPersonInput: ContactPersonInput;
  CreateOrganisationInput: CreateOrganisationInput;
  CreateServiceInput: CreateServiceInput;
  CreateUnitInput: CreateUnitInput;
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  Organisation: OrganisationRow;
  OrganisationConnection: Omit<OrganisationConnection, 'edges'> & { edges: Array<ResolversParentTypes['OrganisationEdge']> };
  Int: Scalars['Int']['output'];
  OrganisationEdge: Omit<OrganisationEdge, 'node'> & { node: ResolversParentTypes['Organisation'] };
  PageInfo: PageInfo;
  PaymentAccount: PaymentAccountRow;
  PaymentAccountChangeInput: PaymentAccountChangeInput;
  PaymentAccountInput: PaymentAccountInput;
  Query: Record<PropertyKey, never>;
  SchoolForm: SchoolFormRow;
  Service: ServiceRow;
  Unit: UnitRow;
}>;

export type AddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address'], FederationReferenceType extends FederationReferenceTypes['Address'] = FederationReferenceTypes['Address']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Address']> | FederationReferenceType, FederationReferenceType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  postalCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  street?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ContactPersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ContactPerson'] = ResolversParentTypes['ContactPerson']> = ResolversObject<{
  adminContact?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  givenName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  phone1?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  surname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addAddress?: Resolver<ResolversTypes['Address'], ParentType, ContextType, RequireFields<MutationAddAddressArgs, 'input' | 'unitId'>>;
  changeContactPerson?: Resolver<ResolversTypes['ContactPerson'], ParentType, ContextType, RequireFields<MutationChangeContactPersonArgs, 'id' | 'input'>>;
  changeOrganisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType, RequireFields<MutationChangeOrganisationArgs, 'id' | 'input'>>;
  changePaymentAccount?: Resolver<ResolversTypes['PaymentAccount'], ParentType, ContextType, RequireFields<MutationChangePaymentAccountArgs, 'id' | 'input'>>;
  changeService?: Resolver<ResolversTypes['Service'], ParentType, ContextType, RequireFields<MutationChangeServiceArgs, 'code' | 'name'>>;
  closeUnit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType, RequireFields<MutationCloseUnitArgs, 'id'>>;
  createContactPerson?: Resolver<ResolversTypes['ContactPerson'], ParentType, ContextType, RequireFields<MutationCreateContactPersonArgs, 'input' | 'organisationId'>>;
  createOrganisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType, RequireFields<MutationCreateOrganisationArgs, 'input'>>;
  createPaymentAccount?: Resolver<ResolversTypes['PaymentAccount'], ParentType, ContextType, RequireFields<MutationCreatePaymentAccountArgs, 'input' | 'organisationId'>>;
  createService?: Resolver<ResolversTypes['Service'], ParentType, ContextType, RequireFields<MutationCreateServiceArgs, 'input'>>;
  createUnit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType, RequireFields<MutationCreateUnitArgs, 'input'>>;
  removeAddress?: Resolver<ResolversTypes['Unit'], ParentType, ContextType, RequireFields<MutationRemoveAddressArgs, 'id'>>;
  removeContactPerson?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType, RequireFields<MutationRemoveContactPersonArgs, 'id'>>;
  removePaymentAccount?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType, RequireFields<MutationRemovePaymentAccountArgs, 'id'>>;
  renameUnit?: Resolver<ResolversTypes['Unit'], ParentType, ContextType, RequireFields<MutationRenameUnitArgs, 'id' | 'name'>>;
  reviewPaymentAccount?: Resolver<ResolversTypes['PaymentAccount'], ParentType, ContextType, RequireFields<MutationReviewPaymentAccountArgs, 'id' | 'status'>>;
}>;

export type OrganisationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Organisation'] = ResolversParentTypes['Organisation'], FederationReferenceType extends FederationReferenceTypes['Organisation'] = FederationReferenceTypes['Organisation']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organisation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contactPersons?: Resolver<Maybe<Array<ResolversTypes['ContactPerson']>>, ParentType, ContextType>;
  fax?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OrganisationKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  orgNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paymentAccounts?: Resolver<Maybe<Array<ResolversTypes['PaymentAccount']>>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postalAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  units?: Resolver<Array<ResolversTypes['Unit']>, ParentType, ContextType, Partial<OrganisationUnitsArgs>>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type OrganisationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationConnection'] = ResolversParentTypes['OrganisationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrganisationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OrganisationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrganisationEdge'] = ResolversParentTypes['OrganisationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PaymentAccountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentAccount'] = ResolversParentTypes['PaymentAccount']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  reviewStatus?: Resolver<ResolversTypes['AccountReviewStatus'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['PaymentAccountType'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  updatedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  organisation?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType, RequireFields<QueryOrganisationArgs, 'id'>>;
  organisationByNumber?: Resolver<Maybe<ResolversTypes['Organisation']>, ParentType, ContextType, RequireFields<QueryOrganisationByNumberArgs, 'orgNumber'>>;
  organisations?: Resolver<ResolversTypes['OrganisationConnection'], ParentType, ContextType, Partial<QueryOrganisationsArgs>>;
  schoolForms?: Resolver<Array<ResolversTypes['SchoolForm']>, ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType>;
}>;

export type SchoolFormResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SchoolForm'] = ResolversParentTypes['SchoolForm'], FederationReferenceType extends FederationReferenceTypes['SchoolForm'] = FederationReferenceTypes['SchoolForm']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SchoolForm']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ServiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service'], FederationReferenceType extends FederationReferenceTypes['Service'] = FederationReferenceTypes['Service']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Service']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UnitResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Unit'] = ResolversParentTypes['Unit'], FederationReferenceType extends FederationReferenceTypes['Unit'] = FederationReferenceTypes['Unit']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Unit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  addresses?: Resolver<Array<ResolversTypes['Address']>, ParentType, ContextType>;
  closed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['Organisation'], ParentType, ContextType>;
  schoolForms?: Resolver<Array<ResolversTypes['SchoolForm']>, ParentType, ContextType>;
  service?: Resolver<ResolversTypes['Service'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Address?: AddressResolvers<ContextType>;
  ContactPerson?: ContactPersonResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Organisation?: OrganisationResolvers<ContextType>;
  OrganisationConnection?: OrganisationConnectionResolvers<ContextType>;
  OrganisationEdge?: OrganisationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PaymentAccount?: PaymentAccountResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SchoolForm?: SchoolFormResolvers<ContextType>;
  Service?: ServiceResolvers<ContextType>;
  Unit?: UnitResolvers<ContextType>;
}>;

