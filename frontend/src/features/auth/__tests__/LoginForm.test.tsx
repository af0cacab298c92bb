import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/problem';
import { fakeAuth, renderWithProviders, testUser } from '@/test/render';
import { LoginForm } from '../components/LoginForm';

describe('LoginForm', () => {
  it('asks for username and password before calling the API', async () => {
    const user = userEvent.setup();
    const auth = fakeAuth({ user: null });
    renderWithProviders(<LoginForm />, { auth });
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByText('Vui lòng nhập tên đăng nhập.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng nhập mật khẩu.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Tên đăng nhập/)).toHaveAttribute('aria-invalid', 'true');
    expect(auth.login).not.toHaveBeenCalled();
  });

  it('logs in with the typed credentials', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    const auth = fakeAuth({ user: null, login: vi.fn(async () => testUser) });
    renderWithProviders(<LoginForm onSuccess={onSuccess} />, { auth });
    await user.type(screen.getByLabelText(/Tên đăng nhập/), '  qlhanoi ');
    await user.type(screen.getByLabelText(/Mật khẩu/), 'donghanh-demo');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(auth.login).toHaveBeenCalledWith('qlhanoi', 'donghanh-demo');
    expect(onSuccess).toHaveBeenCalled();
  });

  it('says the credentials are wrong on a 401', async () => {
    const user = userEvent.setup();
    const auth = fakeAuth({
      user: null,
      login: vi.fn(async () => {
        throw new ApiError(401, { status: 401, title: 'Unauthorized' });
      }),
    });
    renderWithProviders(<LoginForm />, { auth });
    await user.type(screen.getByLabelText(/Tên đăng nhập/), 'qlhanoi');
    await user.type(screen.getByLabelText(/Mật khẩu/), 'sai');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByTestId('login-error')).toHaveTextContent('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('asks to wait after too many attempts (429)', async () => {
    const user = userEvent.setup();
    const auth = fakeAuth({
      user: null,
      login: vi.fn(async () => {
        throw new ApiError(429, { status: 429, title: 'Too Many Requests' });
      }),
    });
    renderWithProviders(<LoginForm />, { auth });
    await user.type(screen.getByLabelText(/Tên đăng nhập/), 'qlhanoi');
    await user.type(screen.getByLabelText(/Mật khẩu/), 'sai');
    await user.click(screen.getByRole('button', { name: 'Đăng nhập' }));

    expect(await screen.findByTestId('login-error')).toHaveTextContent(/quá nhiều lần/);
  });
});
