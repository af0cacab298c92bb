import createClient from 'openapi-fetch';
import type { paths } from '@/client/schema';
import { ApiError, toProblem } from './problem';
import { getAccessToken, getRefreshToken, setTokens, type TokenPair } from './tokens';

export const API_PREFIX = '/api/v1';

type AuthLostListener = () => void;
const authLostListeners = new Set<AuthLostListener>();

/** Called when a request got 401 and a refresh could not restore the session. */
export function onAuthLost(listener: AuthLostListener): () => void {
  authLostListeners.add(listener);
  return () => authLostListeners.delete(listener);
}

function origin(): string {
  return typeof window !== 'undefined' ? window.location.origin : 'http://localhost';
}

export type RefreshOutcome = 'ok' | 'rejected' | 'offline';

let refreshing: Promise<RefreshOutcome> | null = null;

/**
 * Exchanges the refresh cookie (or the in-memory refresh token) for a new access token.
 * Concurrent callers share one request: the server rotates refresh tokens and revokes the
 * whole family when one is reused, so two parallel refreshes would log the user out.
 * "offline" (no answer at all) is told apart from "rejected": a patchy connection must not
 * sign the person out, nor cost them what they recorded offline.
 */
export function refreshSessionDetailed(): Promise<RefreshOutcome> {
  if (!refreshing) {
    refreshing = (async (): Promise<RefreshOutcome> => {
      try {
        const token = getRefreshToken();
        let res: Response;
        try {
          res = await globalThis.fetch(`${origin()}${API_PREFIX}/auth/refresh`, {
            method: 'POST',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
            body: JSON.stringify(token ? { refresh_token: token } : {}),
          });
        } catch {
          return 'offline';
        }
        if (res.status >= 500 || res.status === 408 || res.status === 429) return 'offline';
        if (!res.ok) {
          setTokens(null);
          return 'rejected';
        }
        setTokens((await res.json()) as TokenPair);
        return 'ok';
      } catch {
        return 'offline';
      } finally {
        refreshing = null;
      }
    })();
  }
  return refreshing;
}

export async function refreshSession(): Promise<boolean> {
  return (await refreshSessionDetailed()) === 'ok';
}

/** Thrown by authFetch when the session could not be refreshed for want of a network. */
export class NetworkError extends TypeError {
  constructor(message = 'Network unavailable') {
    super(message);
    this.name = 'NetworkError';
  }
}

const NO_RETRY = [`${API_PREFIX}/auth/token`, `${API_PREFIX}/auth/refresh`, `${API_PREFIX}/auth/logout`];

function withAuth(request: Request): Request {
  const token = getAccessToken();
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set('Authorization', `Bearer ${token}`);
  return new Request(request, { headers });
}

/** fetch used by the generated client: bearer token, one refresh + retry on 401. */
export async function authFetch(request: Request): Promise<Response> {
  const retryable = !NO_RETRY.some((p) => new URL(request.url).pathname.startsWith(p));
  const spare = retryable ? request.clone() : null;
  const response = await globalThis.fetch(withAuth(request));
  if (response.status !== 401 || !spare) return response;
  const outcome = await refreshSessionDetailed();
  if (outcome === 'ok') return globalThis.fetch(withAuth(spare));
  if (outcome === 'offline') throw new NetworkError();
  setTokens(null);
  authLostListeners.forEach((listener) => listener());
  return response;
}

export const api = createClient<paths>({
  baseUrl: origin(),
  fetch: authFetch,
  credentials: 'include',
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns the data of a successful call, or throws an ApiError carrying the problem+json. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(result.response.status, toProblem(result.response.status, result.error));
  }
  return result.data as T;
}

export interface Versioned<T> {
  item: T;
  etag: string | null;
}

/** Like unwrap, keeping the ETag the next PATCH must send back in If-Match. */
export function unwrapWithEtag<T>(result: FetchResult<T>): Versioned<T> {
  const item = unwrap(result);
  return { item, etag: result.response.headers.get('ETag') };
}
