/**
 * The wire shapes of the BankID Relying Party API v6.0 (`/rp/v6.0/auth`, `sign`, `collect`,
 * `cancel`), shared by the client and the simulator so the two cannot drift apart (R-SIGN-5).
 *
 * Field names and values follow BankID's published interface; where BankID may add values later
 * (hint codes, error codes) the unions stay open with `(string & {})` because BankID tells relying
 * parties to handle unknown codes rather than fail on them.
 */

/** `requirement` of an auth/sign order. Only `personalNumber` is acted on by the simulator. */
export interface BankIdRequirement {
  /** 12 digits, YYYYMMDDNNNC. Binds the order to one person. */
  personalNumber?: string;
  pinCode?: boolean;
  mrtd?: boolean;
  cardReader?: 'class1' | 'class2';
  certificatePolicies?: string[];
}

/** Request body of `POST auth` as sent on the wire (data fields already base64). */
export interface AuthRequestBody {
  endUserIp: string;
  requirement?: BankIdRequirement;
  /** Base64 of UTF-8 text. */
  userVisibleData?: string;
  /** Absent means plain text. */
  userVisibleDataFormat?: 'simpleMarkdownV1';
  /** Base64. Signed but never shown to the user. */
  userNonVisibleData?: string;
  returnUrl?: string;
  returnRisk?: boolean;
}

/** Request body of `POST sign`: like auth, but `userVisibleData` is required. */
export interface SignRequestBody extends AuthRequestBody {
  userVisibleData: string;
}

/** Response of auth and sign. `qrStartSecret` must stay on the server (it keys the QR HMAC). */
export interface OrderResponse {
  orderRef: string;
  autoStartToken: string;
  qrStartToken: string;
  qrStartSecret: string;
}

export type CollectStatus = 'pending' | 'failed' | 'complete';

export type PendingHintCode =
  | 'outstandingTransaction'
  | 'noClient'
  | 'started'
  | 'userMrtd'
  | 'userCallConfirm'
  | 'userSign';

export type FailedHintCode =
  | 'expiredTransaction'
  | 'certificateErr'
  | 'userCancel'
  | 'cancelled'
  | 'startFailed'
  | 'userDeclinedCall';

// `(string & {})` keeps autocompletion for the known codes while still accepting new ones.
export type HintCode = PendingHintCode | FailedHintCode | (string & {});

export interface CompletionData {
  user: {
    personalNumber: string;
    name: string;
    givenName: string;
    surname: string;
  };
  device: {
    /** The IP address BankID saw the user's device at. */
    ipAddress: string;
    /** Unique hardware identifier of the user's device. */
    uhi?: string;
  };
  /** YYYY-MM-DD. */
  bankIdIssueDate: string;
  stepUp?: { mrtd: boolean };
  /** Base64 of the XML signature. */
  signature: string;
  /** Base64 of the OCSP response. */
  ocspResponse: string;
  risk?: string;
}

export type CollectResponse =
  | { orderRef: string; status: 'pending'; hintCode: HintCode }
  | { orderRef: string; status: 'failed'; hintCode: HintCode }
  | { orderRef: string; status: 'complete'; completionData: CompletionData };

export type BankIdErrorCode =
  | 'alreadyInProgress'
  | 'invalidParameters'
  | 'unauthorized'
  | 'notFound'
  | 'methodNotAllowed'
  | 'requestTimeout'
  | 'unsupportedMediaType'
  | 'internalError'
  | 'maintenance'
  | (string & {});

/** Body of every non-200 response from the RP API. */
export interface BankIdErrorBody {
  errorCode: BankIdErrorCode;
  details: string;
}
