import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, onAuthLost, refreshSession, unwrap } from './api-client';
import type { Me } from './api-types';
import { setTokens } from './tokens';

export type AuthStatus = 'loading' | 'authenticated' | 'anonymous';

export interface AuthContextValue {
  status: AuthStatus;
  user: Me | null;
  /** Throws ApiError (401 wrong credentials, 429 too many attempts). */
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  hasPermission: (permission: Me['permissions'][number]) => boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchMe(): Promise<Me> {
  return unwrap(await api.GET('/api/v1/me'));
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [user, setUser] = useState<Me | null>(null);

  const becomeAnonymous = useCallback(() => {
    setTokens(null);
    setUser(null);
    setStatus('anonymous');
    queryClient.clear();
  }, [queryClient]);

  // Restore the session from the refresh cookie on page load.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const restored = await refreshSession();
      if (!restored) {
        if (!cancelled) setStatus('anonymous');
        return;
      }
      try {
        const me = await fetchMe();
        if (!cancelled) {
          setUser(me);
          setStatus('authenticated');
        }
      } catch {
        if (!cancelled) becomeAnonymous();
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [becomeAnonymous]);

  useEffect(() => onAuthLost(becomeAnonymous), [becomeAnonymous]);

  const login = useCallback(
    async (username: string, password: string) => {
      const token = unwrap(
        await api.POST('/api/v1/auth/token', {
          body: { grant_type: 'password', username, password },
          bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        }),
      );
      setTokens(token);
      const me = await fetchMe();
      queryClient.clear();
      setUser(me);
      setStatus('authenticated');
      return me;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.POST('/api/v1/auth/logout');
    } finally {
      becomeAnonymous();
    }
  }, [becomeAnonymous]);

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      user,
      login,
      logout,
      hasPermission: (permission) => Boolean(user?.permissions.includes(permission)),
    }),
    [status, user, login, logout],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** Test helper and escape hatch: provide a fixed auth state. */
export const AuthContextProvider = AuthContext.Provider;
