import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { LoginPage } from './LoginPage';
import { mockClient, Wrap } from '../test-utils';
import { getToken } from '../auth/session';
import { AuthProvider } from '../auth/AuthContext';

describe('log-in page', () => {
  it('offers BankID on this device and on another device, and in development the token fallback', () => {
    render(<Wrap client={mockClient(() => null)} path="/login"><Routes><Route path="/login" element={<LoginPage />} /></Routes></Wrap>);
    expect(screen.getByRole('heading', { name: 'Logga in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'BankID på den här enheten' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mobilt BankID på annan enhet' })).toBeTruthy();
    expect(screen.getByText('Logga in med testtoken (utveckling)')).toBeTruthy();
  });

  it('the development token log-in stores the session and leaves the log-in page', () => {
    render(
      <AuthProvider gatewayUrl="http://test/graphql">
        <Wrap client={mockClient(() => null)} path="/login">
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/" element={<p>home</p>} />
          </Routes>
        </Wrap>
      </AuthProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Logga in med token' }));
    expect(screen.getByText('Fyll i fältet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Testtoken'), { target: { value: '  eyJhbGciOi.test.token \n' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in med token' }));
    expect(getToken()).toBe('eyJhbGciOi.test.token');
    expect(screen.getByText('home')).toBeTruthy();
  });

  it('switches to English', () => {
    render(<Wrap client={mockClient(() => null)} path="/login"><Routes><Route path="/login" element={<LoginPage />} /></Routes></Wrap>);
    fireEvent.change(screen.getByLabelText('Språk'), { target: { value: 'en' } });
    expect(screen.getByRole('heading', { name: 'Log in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mobile BankID on another device' })).toBeTruthy();
  });
});
