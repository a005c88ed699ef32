import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as authApi from '../api/auth.api';
import type { CurrentUser } from '../api/api.types';
import { setUnauthorizedHandler, tokenStore } from '../api/client';

const USER_KEY = 'motcua.user';

interface AuthState {
  user: CurrentUser | null;
  /** True when the session ended because the server rejected the token. */
  sessionExpired: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): void;
}

const AuthContext = createContext<AuthState | null>(null);

/** Holds the signed-in officer; the token and user survive a reload through localStorage. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(readStoredUser);
  const [sessionExpired, setSessionExpired] = useState(false);

  const clearSession = useCallback(() => {
    tokenStore.clear();
    localStorage.removeItem(USER_KEY);
    setUser(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      clearSession();
      setSessionExpired(true);
    });
  }, [clearSession]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await authApi.login(username, password);
    tokenStore.set(session.accessToken);
    localStorage.setItem(USER_KEY, JSON.stringify(session.user));
    setSessionExpired(false);
    setUser(session.user);
  }, []);

  const logout = useCallback(() => {
    clearSession();
    setSessionExpired(false);
  }, [clearSession]);

  const value = useMemo(() => ({ user, sessionExpired, login, logout }), [user, sessionExpired, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state; only inside {@link AuthProvider}. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside AuthProvider');
  return state;
}

function readStoredUser(): CurrentUser | null {
  if (!tokenStore.get()) return null;
  try {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as CurrentUser) : null;
  } catch {
    return null;
  }
}
