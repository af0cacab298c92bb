import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import { useAuth } from '@/lib/auth';
import { useErrorText } from '@/lib/form';
import { ApiError } from '@/lib/problem';
import { loginSchema, type LoginInput } from '../schemas';

export function LoginForm({ onSuccess }: { onSuccess?: () => void }) {
  const { t } = useTranslation('auth');
  const { login } = useAuth();
  const errorText = useErrorText();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema), defaultValues: { username: '', password: '' } });

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setFormError(null);
    try {
      await login(username, password);
      onSuccess?.();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setFormError(t('errors.invalidCredentials'));
      else if (err instanceof ApiError && err.status === 429) setFormError(t('errors.tooManyAttempts'));
      else if (err instanceof ApiError && err.problem.detail) setFormError(err.problem.detail);
      else setFormError(t('errors.unavailable'));
    }
  });

  return (
    <form className="form login-form" onSubmit={onSubmit} noValidate aria-label={t('title')} data-testid="login-form">
      {formError ? <Alert testId="login-error">{formError}</Alert> : null}
      <Field label={t('username')} error={errorText(errors.username)} required>
        <input
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          data-testid="login-username"
          {...register('username')}
        />
      </Field>
      <Field label={t('password')} error={errorText(errors.password)} required>
        <input type="password" autoComplete="current-password" data-testid="login-password" {...register('password')} />
      </Field>
      <button type="submit" className="btn btn--primary btn--block" disabled={isSubmitting} data-testid="login-submit">
        {isSubmitting ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
