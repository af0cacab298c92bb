import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { Me } from '@/lib/api-types';
import { AuthContextProvider, type AuthContextValue } from '@/lib/auth';
import i18n from '@/lib/i18n';

export const testUser: Me = {
  id: '00000000-0000-0000-0000-000000000001',
  username: 'qlhanoi',
  full_name: 'Nguyễn Thị Quản Lý',
  role: 'program_manager',
  org_unit: { id: 'ou-hn', code: '01', name: 'Thành phố Hà Nội', level: 'province', path: '/01/' },
  organisation: null,
  permissions: [
    'establishments:read',
    'establishments:write',
    'inspections:read',
    'inspections:write',
    'org_units:read',
  ],
  home: 'establishments',
};

export function fakeAuth(overrides: Partial<AuthContextValue> = {}): AuthContextValue {
  const user = overrides.user === undefined ? testUser : overrides.user;
  return {
    status: user ? 'authenticated' : 'anonymous',
    user,
    login: vi.fn(async () => testUser),
    logout: vi.fn(async () => undefined),
    hasPermission: (p) => Boolean(user?.permissions.includes(p)),
    signedOut: false,
    ...overrides,
  };
}

export function renderWithProviders(
  ui: ReactElement,
  { auth = fakeAuth(), route = '/', ...options }: { auth?: AuthContextValue; route?: string } & RenderOptions = {},
) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>
          <AuthContextProvider value={auth}>
            <MemoryRouter initialEntries={[route]}>{children}</MemoryRouter>
          </AuthContextProvider>
        </QueryClientProvider>
      </I18nextProvider>
    );
  }
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const contentType = (init.status ?? 200) >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': contentType, ...(init.headers as Record<string, string> | undefined) },
  });
}
