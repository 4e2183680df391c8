/** The session token lives in sessionStorage: gone when the tab closes, never in a cookie. */
const KEY = 'behorig.session';

export function getToken(): string | null {
  try { return sessionStorage.getItem(KEY); } catch { return null; }
}
export function setToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
}
export function clearToken(): void {
  try { sessionStorage.removeItem(KEY); } catch { /* ignore */ }
}
