import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { OrganisationSelect } from '@/features/organisations/components/OrganisationSelect';
import type { Versioned } from '@/lib/api-client';
import type { User } from '@/lib/api-types';
import { ROLES } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreateUser, useUpdateUser } from '../api/users';
import {
  USER_CREATE_FIELDS,
  USER_EDIT_FIELDS,
  emptyUserCreate,
  toUserCreateBody,
  toUserUpdateBody,
  userCreateSchema,
  userEditSchema,
  userToEditValues,
  type UserCreateValues,
  type UserEditValues,
} from '../schemas';

function RoleOptions() {
  const { t } = useTranslation('enums');
  return (
    <>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`role.${role}`)}
        </option>
      ))}
    </>
  );
}

export function UserCreateForm({ onSaved, onCancel }: { onSaved: (id: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const create = useCreateUser();
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UserCreateValues>({ resolver: zodResolver(userCreateSchema), defaultValues: emptyUserCreate });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await create.mutateAsync({ body: toUserCreateBody(values), idempotencyKey });
      onSaved(saved.item.id);
    } catch (err) {
      setFailure(handleSubmitError(err, setError, USER_CREATE_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="user-form">
      <FormMessages failure={failure} />
      <div className="form__row">
        <Field label={t('fields.username')} error={errorText(errors.username)} hint={t('form.usernameHint')} required>
          <input
            type="text"
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            data-testid="field-username"
            {...register('username')}
          />
        </Field>
        <Field label={t('fields.fullName')} error={errorText(errors.full_name)} required>
          <input type="text" autoComplete="off" data-testid="field-full-name" {...register('full_name')} />
        </Field>
      </div>
      <Field label={t('fields.password')} error={errorText(errors.password)} hint={t('form.passwordHint')} required>
        <input type="password" autoComplete="new-password" data-testid="field-password" {...register('password')} />
      </Field>
      <div className="form__row">
        <Field label={t('fields.role')} error={errorText(errors.role)} required>
          <select data-testid="field-role" {...register('role')}>
            <RoleOptions />
          </select>
        </Field>
        <Field label={t('fields.organisation')} error={errorText(errors.organisation_id)}>
          <OrganisationSelect data-testid="field-organisation" {...register('organisation_id')} />
        </Field>
      </div>
      <Field label={t('fields.orgUnit')} error={errorText(errors.org_unit_id)} hint={t('form.orgUnitHint')} required>
        {(controlProps) => (
          <Controller
            control={control}
            name="org_unit_id"
            render={({ field }) => (
              <OrgUnitPicker
                {...controlProps}
                value={field.value || null}
                onChange={(id) => field.onChange(id ?? '')}
                onBlur={field.onBlur}

                data-testid="field-org-unit"
              />
            )}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="user-submit">
          {isSubmitting ? tc('actions.saving') : t('form.create')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

export function UserEditForm({
  current,
  onSaved,
  onCancel,
  onReload,
}: {
  current: Versioned<User>;
  onSaved: (id: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation('users');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const update = useUpdateUser(current.item.id);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UserEditValues>({ resolver: zodResolver(userEditSchema), defaultValues: userToEditValues(current.item) });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await update.mutateAsync({ body: toUserUpdateBody(values), etag: current.etag ?? '*' });
      onSaved(saved.item.id);
    } catch (err) {
      setFailure(handleSubmitError(err, setError, USER_EDIT_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="user-form">
      <FormMessages failure={failure} onReload={onReload} />
      <Field label={t('fields.username')}>
        <input type="text" value={current.item.username} readOnly disabled />
      </Field>
      <Field label={t('fields.fullName')} error={errorText(errors.full_name)} required>
        <input type="text" data-testid="field-full-name" {...register('full_name')} />
      </Field>
      <div className="form__row">
        <Field label={t('fields.role')} error={errorText(errors.role)} required>
          <select data-testid="field-role" {...register('role')}>
            <RoleOptions />
          </select>
        </Field>
        <Field label={t('fields.organisation')} error={errorText(errors.organisation_id)}>
          <OrganisationSelect {...register('organisation_id')} />
        </Field>
      </div>
      <Field label={t('fields.orgUnit')} error={errorText(errors.org_unit_id)} required>
        {(controlProps) => (
          <Controller
            control={control}
            name="org_unit_id"
            render={({ field }) => (
              <OrgUnitPicker
                {...controlProps}
                value={field.value || null}
                onChange={(id) => field.onChange(id ?? '')}
                onBlur={field.onBlur}
              />
            )}
          />
        )}
      </Field>
      <Field label={t('fields.newPassword')} error={errorText(errors.password)} hint={t('form.newPasswordHint')}>
        <input type="password" autoComplete="new-password" {...register('password')} />
      </Field>
      <label className="check check--switch">
        <input type="checkbox" data-testid="field-active" {...register('active')} />
        <span>{t('fields.active')}</span>
      </label>
      <p className="field__hint">{t('form.activeHint')}</p>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="user-submit">
          {isSubmitting ? tc('actions.saving') : tc('actions.save')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
