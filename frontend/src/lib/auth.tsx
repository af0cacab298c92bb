import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, onAuthLost, refreshSessionDetailed, unwrap } from './api-client';
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
  /** True after the person signed out on purpose: the next sign-in must not resume their page. */
  signedOut: boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchMe(): Promise<Me> {
  const me = unwrap(await api.GET('/api/v1/me'));
  rememberMe(me);
  return me;
}

// Who was signed in, kept so the app opens offline (a phone in the field): names and permissions
// only, never a token. Anything sent later still needs the refresh cookie to be accepted.
const ME_STORAGE_KEY = 'donghanh.me';

function rememberMe(me: Me | null): void {
  try {
    if (me) window.localStorage.setItem(ME_STORAGE_KEY, JSON.stringify(me));
    else window.localStorage.removeItem(ME_STORAGE_KEY);
  } catch {
    // Private mode: the app just will not open offline.
  }
}

export function rememberedMe(): Me | null {
  try {
    const raw = window.localStorage.getItem(ME_STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Me) : null;
  } catch {
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [user, setUser] = useState<Me | null>(null);
  const [signedOut, setSignedOut] = useState(false);

  const becomeAnonymous = useCallback(() => {
    setTokens(null);
    rememberMe(null);
    setUser(null);
    setStatus('anonymous');
    queryClient.clear();
  }, [queryClient]);

  // Restore the session from the refresh cookie on page load; with no network, open with the
  // remembered user and try again when the network comes back.
  useEffect(() => {
    let cancelled = false;
    let waitingForNetwork = false;
    const restore = async () => {
      const outcome = await refreshSessionDetailed();
      if (cancelled) return;
      if (outcome === 'rejected') {
        becomeAnonymous();
        return;
      }
      if (outcome === 'offline') {
        const cached = rememberedMe();
        if (!cached) {
          setStatus('anonymous');
          return;
        }
        setUser(cached);
        setStatus('authenticated');
        if (!waitingForNetwork) {
          waitingForNetwork = true;
          window.addEventListener('online', onOnline);
        }
        return;
      }
      try {
        const me = await fetchMe();
        if (!cancelled) {
          setUser(me);
          setStatus('authenticated');
        }
      } catch {
        const cached = rememberedMe();
        if (!cancelled) {
          if (cached) {
            setUser(cached);
            setStatus('authenticated');
          } else becomeAnonymous();
        }
      }
    };
    const onOnline = () => {
      window.removeEventListener('online', onOnline);
      waitingForNetwork = false;
      void restore();
    };
    void restore();
    return () => {
      cancelled = true;
      window.removeEventListener('online', onOnline);
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
      setSignedOut(false);
      queryClient.clear();
      setUser(me);
      setStatus('authenticated');
      return me;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    setSignedOut(true);
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
      signedOut,
    }),
    [status, user, login, logout, signedOut],
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
