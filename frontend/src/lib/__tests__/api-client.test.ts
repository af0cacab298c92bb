import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/test/render';
import { api, NetworkError, onAuthLost, refreshSession, refreshSessionDetailed } from '../api-client';
import { getAccessToken, setTokens } from '../tokens';

const ME = {
  id: 'u1',
  username: 'admin',
  full_name: 'Admin',
  role: 'admin',
  org_unit: {},
  organisation: null,
  permissions: [],
};

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
  setTokens(null);
});
afterEach(() => vi.unstubAllGlobals());

describe('api client', () => {
  it('sends the in-memory access token as a bearer header', async () => {
    setTokens({ access_token: 'A1' });
    fetchMock.mockResolvedValueOnce(jsonResponse(ME));
    const { data } = await api.GET('/api/v1/me');
    expect(data).toEqual(ME);
    expect((fetchMock.mock.calls[0]![0] as Request).headers.get('Authorization')).toBe('Bearer A1');
  });

  it('on a 401 refreshes once and retries with the new token', async () => {
    setTokens({ access_token: 'old' });
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ status: 401, title: 'Unauthorized' }, { status: 401 }))
      .mockResolvedValueOnce(jsonResponse({ access_token: 'new', token_type: 'bearer', expires_in: 900 }))
      .mockResolvedValueOnce(jsonResponse(ME));
    const { data, response } = await api.GET('/api/v1/me');
    expect(response.status).toBe(200);
    expect(data).toEqual(ME);
    const [, refreshCall, retry] = fetchMock.mock.calls;
    expect(refreshCall![0]).toMatch(/\/api\/v1\/auth\/refresh$/);
    expect((retry![0] as Request).headers.get('Authorization')).toBe('Bearer new');
    expect(getAccessToken()).toBe('new');
  });

  it('signals a lost session when the refresh fails too', async () => {
    setTokens({ access_token: 'old' });
    const lost = vi.fn();
    const off = onAuthLost(lost);
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ status: 401, title: 'Unauthorized' }, { status: 401 }))
      .mockResolvedValueOnce(jsonResponse({ status: 401, title: 'Unauthorized' }, { status: 401 }));
    const { response, error } = await api.GET('/api/v1/me');
    off();
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: 401 });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(getAccessToken()).toBeNull();
  });

  it('a refresh with no network answers "offline" and keeps the session (no sign-out on a bad connection)', async () => {
    setTokens({ access_token: 'old' });
    const lost = vi.fn();
    const off = onAuthLost(lost);
    fetchMock
      .mockResolvedValueOnce(jsonResponse({ status: 401, title: 'Unauthorized' }, { status: 401 }))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api.GET('/api/v1/me')).rejects.toBeInstanceOf(NetworkError);
    off();
    expect(lost).not.toHaveBeenCalled();
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await refreshSessionDetailed()).toBe('offline');
  });

  it('shares one refresh between concurrent callers (rotation would revoke the family)', async () => {
    fetchMock.mockResolvedValue(jsonResponse({ access_token: 'T', token_type: 'bearer', expires_in: 900 }));
    const [a, b] = await Promise.all([refreshSession(), refreshSession()]);
    expect(a && b).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('does not retry the token endpoint itself', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse({ status: 401, title: 'Unauthorized' }, { status: 401 }));
    await api.POST('/api/v1/auth/token', {
      body: { grant_type: 'password', username: 'x', password: 'y' },
      bodySerializer: (b) => new URLSearchParams(b as Record<string, string>),
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
