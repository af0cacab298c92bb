import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import { useErrorText } from '@/lib/form';

interface LegalBasisValues {
  legal_basis: string;
  legal_basis_reason: string;
}

/**
 * Shown when the API answered 422 on `legal_basis`: a trafficking victim (or a person under
 * identification) who has not consented to sharing may be referred only on a stated legal basis.
 */
export function LegalBasisFields<T extends LegalBasisValues>({
  register,
  errors,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
}) {
  const { t } = useTranslation('referrals');
  const errorText = useErrorText();
  const reg = register as unknown as UseFormRegister<LegalBasisValues>;
  const errs = errors as FieldErrors<LegalBasisValues>;
  return (
    <fieldset className="form__section legal-basis" data-testid="legal-basis">
      <Alert kind="warning">{t('refer.legalBasisNeeded')}</Alert>
      <Field label={t('fields.legalBasis')} error={errorText(errs.legal_basis)} required>
        <input type="text" data-testid="field-legal-basis" {...reg('legal_basis')} />
      </Field>
      <Field label={t('fields.legalBasisReason')} error={errorText(errs.legal_basis_reason)} required>
        <textarea rows={2} data-testid="field-legal-basis-reason" {...reg('legal_basis_reason')} />
      </Field>
    </fieldset>
  );
}

export function mentionsLegalBasis(problem: { errors?: { loc: (string | number)[] }[] }): boolean {
  return Boolean(problem.errors?.some((e) => e.loc.includes('legal_basis') || e.loc.includes('legal_basis_reason')));
}
