import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expect } from './fixtures';

/** Test data set up over HTTP, as a partner system or a script would. */
export async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/v1/auth/token', {
    form: { grant_type: 'password', username, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function apiGet<T>(
  request: APIRequestContext,
  token: string,
  path: string,
  params?: Record<string, string>,
) {
  const res = await request.get(path, { params, headers: { Authorization: `Bearer ${token}` } });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

export async function apiPost<T>(request: APIRequestContext, token: string, path: string, data: unknown) {
  const res = await request.post(path, { data, headers: { Authorization: `Bearer ${token}` } });
  expect(res.ok(), `${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

export function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
