import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { useOrgUnit } from '@/features/org-units/api/get-org-unit';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import type { Contact, ReferrerReferral } from '@/lib/api-types';
import { useErrorText } from '@/lib/form';
import { ApiError, handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { emptyToNull } from '@/lib/zod-helpers';
import { useReferFromContact } from '../api/refer-from-contact';
import { inDays, legalBasisFields, REFER_FORM_FIELDS, referFormSchema, type ReferFormValues } from '../schemas';
import { LegalBasisFields, mentionsLegalBasis } from './LegalBasisFields';
import { ProviderSelect } from './ProviderSelect';

/** "Giới thiệu dịch vụ": one provider per need named at the contact, sent in one step. */
export function ReferFromContactForm({ contact }: { contact: Contact }) {
  const { t } = useTranslation('referrals');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const refer = useReferFromContact(contact.id);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [created, setCreated] = useState<ReferrerReferral[] | null>(null);
  const [needLegal, setNeedLegal] = useState(false);
  // Providers usually sit at the province: start the search from the contact's province.
  const unit = useOrgUnit(contact.org_unit_id);
  const defaultArea = unit.data ? (unit.data.level === 'province' ? unit.data.id : unit.data.parent_id) : null;
  const [area, setArea] = useState<string | null | undefined>(undefined);
  const effectiveArea = area === undefined ? defaultArea : area;
  const defaults = useMemo<ReferFormValues>(
    () => ({
      providers: Object.fromEntries(contact.needs.map((n) => [n, ''])),
      reason: '',
      follow_up_due_on: inDays(30),
      send: true,
      legal_basis: '',
      legal_basis_reason: '',
    }),
    [contact.needs],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReferFormValues>({ resolver: zodResolver(referFormSchema), defaultValues: defaults });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const targets = Object.entries(values.providers)
      .filter(([, org]) => org)
      .map(([service_type, to_organisation_id]) => ({
        service_type: service_type as Contact['needs'][number],
        to_organisation_id,
      }));
    if (targets.length === 0) {
      setFailure({ messages: [t('refer.pickOne')], conflict: false });
      return;
    }
    try {
      const result = await refer.mutateAsync({
        targets,
        reason: emptyToNull(values.reason),
        follow_up_due_on: values.follow_up_due_on || null,
        send: values.send,
        ...legalBasisFields(values),
      });
      setCreated(result);
    } catch (err) {
      if (err instanceof ApiError && mentionsLegalBasis(err.problem)) setNeedLegal(true);
      setFailure(handleSubmitError(err, setError, REFER_FORM_FIELDS, tc('errors.unexpected')));
    }
  });

  if (created) {
    return (
      <Alert kind="success" title={t('refer.done', { count: created.length })} testId="refer-done">
        <ul>
          {created.map((r) => (
            <li key={r.id}>
              <Link to={`/referrals/${r.id}`} data-testid="created-referral">
                {te(`serviceType.${r.service_type}`)} — {te(`referralStatus.${r.status}`)}
              </Link>
            </li>
          ))}
        </ul>
      </Alert>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="refer-form">
      <FormMessages failure={failure} />
      <Field label={t('refer.area')} hint={t('refer.areaHint')}>
        {(controlProps) => (
          <OrgUnitPicker
            {...controlProps}
            value={effectiveArea}
            inScope={false}
            onChange={(id) => setArea(id)}
            data-testid="refer-area"
          />
        )}
      </Field>
      <fieldset className="form__section">
        <legend>{t('fields.service')}</legend>
        {contact.needs.map((need) => (
          <Field key={need} label={te(`serviceType.${need}`)}>
            {(controlProps) => (
              <Controller
                control={control}
                name={`providers.${need}`}
                render={({ field }) => (
                  <ProviderSelect
                    {...controlProps}
                    {...field}
                    service={need}
                    orgUnit={effectiveArea ?? null}
                    data-testid={`refer-provider-${need}`}
                  />
                )}
              />
            )}
          </Field>
        ))}
      </fieldset>
      <div className="form__row">
        <Field label={t('fields.followUpDueOn')} error={errorText(errors.follow_up_due_on)}>
          <input type="date" data-testid="refer-follow-up" {...register('follow_up_due_on')} />
        </Field>
      </div>
      <Field label={t('fields.reason')} error={errorText(errors.reason)}>
        <textarea rows={2} data-testid="refer-reason" {...register('reason')} />
      </Field>
      <label className="check check--large">
        <input type="checkbox" data-testid="refer-send" {...register('send')} />
        <span>
          {t('refer.send')} <span className="muted small">({t('refer.sendHint')})</span>
        </span>
      </label>
      {needLegal ? <LegalBasisFields register={register} errors={errors} /> : null}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="refer-submit">
          {isSubmitting ? tc('actions.saving') : t('refer.submit')}
        </button>
      </div>
    </form>
  );
}
