import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LoginForm } from '@/features/auth/components/LoginForm';
import i18n, { LANGUAGE_STORAGE_KEY, setLanguage, storedLanguage } from '@/lib/i18n';
import { fakeAuth, renderWithProviders } from '@/test/render';
import { LanguageToggle } from '../LanguageToggle';

afterEach(async () => {
  await act(() => setLanguage('vi'));
});

describe('LanguageToggle', () => {
  it('starts in Vietnamese', () => {
    renderWithProviders(<LanguageToggle />);
    expect(i18n.language).toBe('vi');
    expect(screen.getByRole('button', { name: 'VI' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('switches the interface to English and back, and remembers the choice', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <LanguageToggle />
        <LoginForm />
      </>,
      { auth: fakeAuth({ user: null }) },
    );
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'EN' }));
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Username/)).toBeInTheDocument();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(storedLanguage()).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: 'VI' }));
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeInTheDocument();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('vi');
  });

  it('ignores an unknown stored language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(storedLanguage()).toBe('vi');
  });
});
