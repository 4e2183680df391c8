import { messageForCollect, messageForErrorCode, RFA_MESSAGES, userMessageText } from './hint-messages';

describe('BankID recommended user messages (R-SIGN-5 hint codes)', () => {
  it('maps pending hint codes to RFA texts in Swedish', () => {
    expect(messageForCollect('pending', 'outstandingTransaction')).toMatchObject({ rfa: 'RFA1', sv: 'Starta BankID-appen.' });
    expect(messageForCollect('pending', 'outstandingTransaction', { autoStarted: true })).toMatchObject({
      rfa: 'RFA13',
      sv: 'Försöker starta BankID-appen.',
    });
    expect(messageForCollect('pending', 'userSign')).toMatchObject({
      rfa: 'RFA9',
      sv: 'Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.',
    });
    const started = messageForCollect('pending', 'started');
    expect(started?.rfa).toBe('RFA14A');
    expect(started?.sv.startsWith('Söker efter BankID, det kan ta en liten stund')).toBe(true);
    expect(messageForCollect('pending', 'started', { autoStarted: true, device: 'mobile' })?.rfa).toBe('RFA15B');
  });

  it('maps failed hint codes to RFA texts', () => {
    expect(messageForCollect('failed', 'userCancel')).toMatchObject({ rfa: 'RFA6', sv: 'Åtgärden avbruten.' });
    expect(messageForCollect('failed', 'cancelled')).toMatchObject({ rfa: 'RFA3', sv: 'Åtgärden avbruten. Försök igen.' });
    expect(messageForCollect('failed', 'expiredTransaction')?.rfa).toBe('RFA8');
    expect(messageForCollect('failed', 'expiredTransaction')?.sv.startsWith('BankID-appen svarar inte.')).toBe(true);
    expect(messageForCollect('failed', 'certificateErr')?.rfa).toBe('RFA16');
    expect(messageForCollect('failed', 'startFailed')?.rfa).toBe('RFA17B');
    expect(messageForCollect('failed', 'startFailed', { autoStarted: true })?.rfa).toBe('RFA17A');
  });

  it('falls back to RFA21/RFA22 for hint codes BankID may add later, and says nothing on complete', () => {
    expect(messageForCollect('pending', 'someFutureHint')?.rfa).toBe('RFA21');
    expect(messageForCollect('failed', 'someFutureHint')?.rfa).toBe('RFA22');
    expect(messageForCollect('complete', undefined)).toBeUndefined();
  });

  it('has English equivalents for every message', () => {
    for (const [code, texts] of Object.entries(RFA_MESSAGES)) {
      expect([code, texts.sv.length > 0, texts.en.length > 0]).toEqual([code, true, true]);
      expect(texts.en).not.toBe(texts.sv);
    }
    expect(userMessageText(messageForCollect('failed', 'userCancel')!, 'en')).toBe('Action cancelled.');
  });

  it('maps RP error codes: alreadyInProgress → RFA4, service trouble → RFA5, else RFA22', () => {
    expect(messageForErrorCode('alreadyInProgress').rfa).toBe('RFA4');
    expect(messageForErrorCode('maintenance').rfa).toBe('RFA5');
    expect(messageForErrorCode('internalError').rfa).toBe('RFA5');
    expect(messageForErrorCode('invalidParameters').rfa).toBe('RFA22');
  });
});
