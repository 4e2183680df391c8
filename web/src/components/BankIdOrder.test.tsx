import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n';
import { BankIdOrder, autostartUrl, type OrderView } from './BankIdOrder';

const order: OrderView = { orderRef: 'o1', autoStartToken: '7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6', qrData: 'bankid.67df3917.1.abc', status: 'PENDING', hintCode: 'outstandingTransaction' };
const wrap = (ui: React.ReactNode) => render(<I18nProvider lang="sv">{ui}</I18nProvider>);

describe('BankID order on screen', () => {
  it('this device: the autostart link with redirect=null', () => {
    expect(autostartUrl(order.autoStartToken)).toBe('bankid:///?autostarttoken=7c40b5c9-fa74-49cf-b98c-bfe651f9a7c6&redirect=null');
    wrap(<BankIdOrder order={order} device="this" onCancel={() => {}} onRetry={() => {}} />);
    expect(screen.getByRole('link', { name: 'Öppna BankID-appen' }).getAttribute('href')).toBe(autostartUrl(order.autoStartToken));
    expect(screen.getByRole('status').textContent).toBe('Försöker starta BankID-appen.');
  });

  it('another device: a QR image of qrData that follows each new qrData', async () => {
    const { rerender } = wrap(<BankIdOrder order={order} device="other" onCancel={() => {}} onRetry={() => {}} />);
    const img = await screen.findByRole('img', { name: 'QR-kod att skanna med BankID-appen' });
    expect(img.getAttribute('data-qr')).toBe('bankid.67df3917.1.abc');
    expect(img.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    rerender(<I18nProvider lang="sv"><BankIdOrder order={{ ...order, qrData: 'bankid.67df3917.2.def' }} device="other" onCancel={() => {}} onRetry={() => {}} /></I18nProvider>);
    await waitFor(() => expect(screen.getByRole('img').getAttribute('data-qr')).toBe('bankid.67df3917.2.def'));
    expect(screen.getByText('Starta BankID-appen och skanna QR-koden.')).toBeTruthy();
  });

  it('a failed order shows "Åtgärden avbröts." and offers to try again', () => {
    const onRetry = vi.fn();
    wrap(<BankIdOrder order={{ ...order, status: 'FAILED', hintCode: 'userCancel' }} device="other" onCancel={() => {}} onRetry={onRetry} />);
    expect(screen.getByRole('status').textContent).toBe('Åtgärden avbröts.');
    expect(screen.queryByRole('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    expect(onRetry).toHaveBeenCalled();
  });

  it('a pending order can be cancelled', () => {
    const onCancel = vi.fn();
    wrap(<BankIdOrder order={{ ...order, hintCode: 'userSign' }} device="other" onCancel={onCancel} onRetry={() => {}} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Skriv in din säkerhetskod/);
    fireEvent.click(screen.getByRole('button', { name: 'Avbryt' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
