import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { createClient } from '../api/client';
import { clearToken, getToken, setToken } from './session';

interface Auth {
  loggedIn: boolean;
  /** Set when the gateway refused the token (expired or forged): shown on the log-in page. */
  expired: boolean;
  /** The person logged out themselves: the next log-in starts afresh, not where they were. */
  loggedOut: boolean;
  login: (token: string) => void;
  logout: () => void;
}
const AuthContext = createContext<Auth>({ loggedIn: false, expired: false, loggedOut: false, login: () => {}, logout: () => {} });

/** Owns the session and the urql client; a new client (empty cache) per session. */
export function AuthProvider({ gatewayUrl, children }: { gatewayUrl: string; children: ReactNode }) {
  const [token, setTokenState] = useState<string | null>(getToken);
  const [expired, setExpired] = useState(false);
  const [loggedOut, setLoggedOut] = useState(false);
  const login = useCallback((t: string) => {
    setToken(t);
    setExpired(false);
    setTokenState(t.trim());
  }, []);
  const logout = useCallback(() => {
    clearToken();
    setLoggedOut(true);
    setTokenState(null);
  }, []);
  const client = useMemo(
    () => createClient(gatewayUrl, () => { setExpired(true); setLoggedOut(false); setTokenState(null); }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [gatewayUrl, token],
  );
  const value = useMemo(() => ({ loggedIn: !!token, expired, loggedOut, login, logout }), [token, expired, loggedOut, login, logout]);
  return (
    <AuthContext.Provider value={value}>
      <Provider value={client}>{children}</Provider>
    </AuthContext.Provider>
  );
}

export function useAuth(): Auth {
  return useContext(AuthContext);
}
