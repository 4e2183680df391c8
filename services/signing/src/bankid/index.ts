/** BankID for the signing service (R-SIGN-5): one RP API v6.0 client, a local simulator, QR data and user messages. */
export * from './bankid-types';
export { BankIdClient, BankIdError, BankIdUnavailableError } from './bankid-client';
export type {
  AuthParams,
  BankIdClientOptions,
  BankIdClientPemCredentials,
  BankIdClientPfxCredentials,
  BankIdClientTls,
  BankIdUnavailableReason,
  SignParams,
} from './bankid-client';
export {
  COMPLETED_RETENTION_MS,
  FAILED_RETENTION_MS,
  ORDER_LIFETIME_MS,
  TOLVAN,
  isValidBankIdPersonalNumber,
  simulatedName,
  startBankIdSimulator,
} from './bankid-simulator';
export type { BankIdSimulator, BankIdSimulatorOptions, SimulatedPerson, SimulatorOrderView } from './bankid-simulator';
export { generateSimulatorCerts } from './simulator-certificates';
export type { SimulatorCerts } from './simulator-certificates';
export { animatedQrData, parseQrData, secondsSince } from './qr-code';
export { RFA_MESSAGES, messageForCollect, messageForErrorCode, userMessageText } from './hint-messages';
export type { MessageContext, MessageLanguage, RfaCode, UserMessage } from './hint-messages';
