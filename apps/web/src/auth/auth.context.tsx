import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as authApi from '../api/auth.api';
import type { CurrentUser } from '../api/api.types';
import { setUnauthorizedHandler, tokenStore } from '../api/client';

const USER_KEY = 'motcua.user';
/** Who was signed in last: after a logout, only that same person returns to the page they were on. */
const LAST_USER_KEY = 'motcua.lastUsername';

interface AuthState {
  user: CurrentUser | null;
  /** True when the session ended because the server rejected the token. */
  sessionExpired: boolean;
  /** Username of the previous session (ended by logout or expiry), if any. */
  previousUsername: string | null;
  login(username: string, password: string): Promise<CurrentUser>;
  logout(): void;
  /** The password was changed: the app keeps the new token and stops asking for a change. */
  passwordChanged(accessToken: string): void;
}

const AuthContext = createContext<AuthState | null>(null);

/** Holds the signed-in officer; the token and user survive a reload through localStorage. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(readStoredUser);
  const [sessionExpired, setSessionExpired] = useState(false);

  const clearSession = useCallback(() => {
    const ending = readStoredUser();
    if (ending) localStorage.setItem(LAST_USER_KEY, ending.username);
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
    return session.user;
  }, []);

  const logout = useCallback(() => {
    clearSession();
    setSessionExpired(false);
  }, [clearSession]);

  const passwordChanged = useCallback((accessToken: string) => {
    tokenStore.set(accessToken);
    setUser((current) => {
      if (!current) return current;
      const updated = { ...current, mustChangePassword: false };
      localStorage.setItem(USER_KEY, JSON.stringify(updated));
      return updated;
    });
  }, []);

  const previousUsername = user ? null : localStorage.getItem(LAST_USER_KEY);
  const value = useMemo(
    () => ({ user, sessionExpired, previousUsername, login, logout, passwordChanged }),
    [user, sessionExpired, previousUsername, login, logout, passwordChanged],
  );
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
