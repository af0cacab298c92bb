// The access token lives in memory only; a page reload restores the session through the
// HttpOnly refresh cookie (see refreshSession).
let accessToken: string | null = null;
let refreshToken: string | null = null;

export interface TokenPair {
  access_token: string;
  refresh_token?: string | null;
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function setTokens(pair: TokenPair | null): void {
  accessToken = pair?.access_token ?? null;
  refreshToken = pair ? (pair.refresh_token ?? refreshToken) : null;
}

export function getRefreshToken(): string | null {
  return refreshToken;
}
