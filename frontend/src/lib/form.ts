import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { resources } from './i18n';

export type ValidationKey = keyof (typeof resources)['vi']['common']['validation'];

/** A zod message for the form: an i18n key of common:validation.* (translated on display). */
export function v(key: ValidationKey): string {
  return `validation.${key}`;
}

/**
 * Text for a field error: zod errors carry an i18n key, server errors (type "server")
 * carry the API's own message, shown as is.
 */
export function useErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation();
  return (error) => {
    if (!error?.message) return undefined;
    if (error.type === 'server' || !error.message.startsWith('validation.')) return error.message;
    return t(error.message as `validation.${ValidationKey}`);
  };
}
