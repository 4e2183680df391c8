import type { CollectStatus, HintCode } from './bankid-types';

/**
 * The user messages BankID recommends relying parties show ("RFA" codes), and the mapping from
 * collect's status/hintCode to them. Texts follow BankID's current recommended wording in Swedish
 * and English; the product shows these rather than inventing its own, because users recognise
 * them from every other BankID service.
 *
 * Pure data and functions: no I/O.
 */

export type RfaCode =
  | 'RFA1'
  | 'RFA2'
  | 'RFA3'
  | 'RFA4'
  | 'RFA5'
  | 'RFA6'
  | 'RFA8'
  | 'RFA9'
  | 'RFA13'
  | 'RFA14A'
  | 'RFA14B'
  | 'RFA15A'
  | 'RFA15B'
  | 'RFA16'
  | 'RFA17A'
  | 'RFA17B'
  | 'RFA18'
  | 'RFA19'
  | 'RFA20'
  | 'RFA21'
  | 'RFA22'
  | 'RFA23';

export type MessageLanguage = 'sv' | 'en';

export interface UserMessage {
  rfa: RfaCode;
  sv: string;
  en: string;
}

const SEARCHING_SV = 'Söker efter BankID, det kan ta en liten stund … ';
const SEARCHING_EN = 'Searching for BankID, it may take a little while … ';
const NONE_FOUND_SV = (where: string) =>
  `Om det har gått några sekunder och inget BankID har hittats har du sannolikt inget BankID som går att använda för den aktuella identifieringen/underskriften i den här ${where}.`;
const NONE_FOUND_EN = (where: string) =>
  `If a few seconds have passed and still no BankID has been found, you probably don’t have a BankID which can be used for this identification/signing on this ${where}.`;
const CARD_SV = ' Om du har ett BankID-kort, sätt in det i kortläsaren.';
const CARD_EN = ' If you have a BankID card, please insert it into your card reader.';
const GET_ONE_SV = ' Om du inte har något BankID kan du skaffa ett hos din bank.';
const GET_ONE_EN = ' If you don’t have a BankID you can get one from your bank.';
const OTHER_DEVICE_SV = ' Om du har ett BankID på en annan enhet kan du starta din BankID-app där.';
const OTHER_DEVICE_EN = ' If you have a BankID on another device you can start the BankID app on that device.';

export const RFA_MESSAGES: Readonly<Record<RfaCode, Readonly<{ sv: string; en: string }>>> = {
  RFA1: { sv: 'Starta BankID-appen.', en: 'Start your BankID app.' },
  RFA2: {
    sv: 'Du har inte BankID-appen installerad. Kontakta din bank.',
    en: 'The BankID app is not installed. Please contact your bank.',
  },
  RFA3: { sv: 'Åtgärden avbruten. Försök igen.', en: 'Action cancelled. Please try again.' },
  RFA4: {
    sv: 'En identifiering eller underskrift för det här personnumret är redan påbörjad. Försök igen.',
    en: 'An identification or signing for this personal number is already started. Please try again.',
  },
  RFA5: { sv: 'Internt tekniskt fel. Försök igen.', en: 'Internal error. Please try again.' },
  RFA6: { sv: 'Åtgärden avbruten.', en: 'Action cancelled.' },
  RFA8: {
    sv: 'BankID-appen svarar inte. Kontrollera att den är startad och att du har internetanslutning. Om du inte har något giltigt BankID kan du skaffa ett hos din bank. Försök sedan igen.',
    en: 'The BankID app is not responding. Please check that it’s started and that you have internet access. If you don’t have a valid BankID you can get one from your bank. Try again.',
  },
  RFA9: {
    sv: 'Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.',
    en: 'Enter your security code in the BankID app and select Identify or Sign.',
  },
  RFA13: { sv: 'Försöker starta BankID-appen.', en: 'Trying to start your BankID app.' },
  RFA14A: {
    sv: SEARCHING_SV + NONE_FOUND_SV('datorn') + CARD_SV + GET_ONE_SV + OTHER_DEVICE_SV,
    en: SEARCHING_EN + NONE_FOUND_EN('computer') + CARD_EN + GET_ONE_EN + OTHER_DEVICE_EN,
  },
  RFA14B: {
    sv: SEARCHING_SV + NONE_FOUND_SV('enheten') + GET_ONE_SV + OTHER_DEVICE_SV,
    en: SEARCHING_EN + NONE_FOUND_EN('device') + GET_ONE_EN + OTHER_DEVICE_EN,
  },
  RFA15A: {
    sv: SEARCHING_SV + NONE_FOUND_SV('datorn') + CARD_SV + GET_ONE_SV,
    en: SEARCHING_EN + NONE_FOUND_EN('computer') + CARD_EN + GET_ONE_EN,
  },
  RFA15B: {
    sv: SEARCHING_SV + NONE_FOUND_SV('enheten') + GET_ONE_SV,
    en: SEARCHING_EN + NONE_FOUND_EN('device') + GET_ONE_EN,
  },
  RFA16: {
    sv: 'Det BankID du försöker använda är för gammalt eller spärrat. Använd ett annat BankID eller skaffa ett nytt hos din bank.',
    en: 'The BankID you are trying to use is blocked or too old. Please use another BankID or get a new one from your bank.',
  },
  RFA17A: {
    sv: 'BankID-appen verkar inte finnas i din dator eller mobil. Installera den och skaffa ett BankID hos din bank. Installera appen från din appbutik eller https://install.bankid.com',
    en: 'The BankID app couldn’t be found on your computer or mobile device. Please install it and get a BankID from your bank. Install the app from your app store or https://install.bankid.com',
  },
  RFA17B: {
    sv: 'Misslyckades att läsa av QR-koden. Starta BankID-appen och läs av QR-koden. Kontrollera att BankID-appen är uppdaterad. Om du inte har BankID-appen måste du installera den och skaffa ett BankID hos din bank. Installera appen från din appbutik eller https://install.bankid.com',
    en: 'Failed to scan the QR code. Start the BankID app and scan the QR code. Check that the BankID app is up to date. If you don’t have the BankID app, you need to install it and get a BankID from your bank. Install the app from your app store or https://install.bankid.com',
  },
  RFA18: { sv: 'Starta BankID-appen.', en: 'Start the BankID app.' },
  RFA19: {
    sv: 'Vill du identifiera dig eller skriva under med BankID på den här datorn eller med ett Mobilt BankID?',
    en: 'Would you like to identify yourself or sign with a BankID on this computer, or with a Mobile BankID?',
  },
  RFA20: {
    sv: 'Vill du identifiera dig eller skriva under med ett BankID på den här enheten eller med ett Mobilt BankID?',
    en: 'Would you like to identify yourself or sign with a BankID on this device, or with a Mobile BankID?',
  },
  RFA21: { sv: 'Identifiering eller underskrift pågår.', en: 'Identification or signing in progress.' },
  RFA22: { sv: 'Okänt fel. Försök igen.', en: 'Unknown error. Please try again.' },
  RFA23: {
    sv: 'Fotografera och läs av din ID-handling med BankID-appen.',
    en: 'Process your machine-readable travel document using the BankID app.',
  },
};

/** How the order was started; BankID's wording depends on it. */
export interface MessageContext {
  /**
   * True when the relying party tried to open the BankID app itself (autostart link on the same
   * device); false when the user scans an animated QR code. Defaults to false (QR), the usual
   * case for a web admin tool used on a computer.
   */
  autoStarted?: boolean;
  /** The device the user runs *our* web client on. Defaults to a computer. */
  device?: 'computer' | 'mobile';
}

const message = (rfa: RfaCode): UserMessage => ({ rfa, ...RFA_MESSAGES[rfa] });

/**
 * The recommended message for a collect result, or undefined for `complete` (nothing to tell the
 * user: the product shows its own success state). Unknown hint codes fall back to RFA21 (pending)
 * and RFA22 (failed) as BankID instructs, so a new code never leaves the user without a message.
 */
export function messageForCollect(
  status: CollectStatus,
  hintCode: HintCode | undefined,
  context: MessageContext = {},
): UserMessage | undefined {
  const autoStarted = context.autoStarted ?? false;
  const onMobile = context.device === 'mobile';
  if (status === 'pending') {
    switch (hintCode) {
      case 'outstandingTransaction':
        // RFA13 says "trying to start the app" — only true when we did try to start it.
        return message(autoStarted ? 'RFA13' : 'RFA1');
      case 'noClient':
        return message('RFA1');
      case 'started':
        // With an autostart the app is on this device, so "use another device" (RFA14) is noise.
        if (autoStarted) return message(onMobile ? 'RFA15B' : 'RFA15A');
        return message(onMobile ? 'RFA14B' : 'RFA14A');
      case 'userMrtd':
        return message('RFA23');
      case 'userSign':
        return message('RFA9');
      default:
        return message('RFA21');
    }
  }
  if (status === 'failed') {
    switch (hintCode) {
      case 'expiredTransaction':
        return message('RFA8');
      case 'certificateErr':
        return message('RFA16');
      case 'userCancel':
        return message('RFA6');
      case 'cancelled':
        return message('RFA3');
      case 'startFailed':
        return message(autoStarted ? 'RFA17A' : 'RFA17B');
      default:
        return message('RFA22');
    }
  }
  return undefined;
}

/**
 * The recommended message for an RP API error code (auth/sign/collect/cancel rejected), e.g.
 * `alreadyInProgress` → RFA4. Service-side trouble maps to RFA5; anything else to RFA22.
 */
export function messageForErrorCode(errorCode: string): UserMessage {
  switch (errorCode) {
    case 'alreadyInProgress':
      return message('RFA4');
    case 'internalError':
    case 'maintenance':
    case 'requestTimeout':
      return message('RFA5');
    default:
      return message('RFA22');
  }
}

/** Convenience for callers that only want the text in one language. */
export function userMessageText(m: UserMessage, language: MessageLanguage = 'sv'): string {
  return m[language];
}
