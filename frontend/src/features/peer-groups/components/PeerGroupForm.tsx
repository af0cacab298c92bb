import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { orgUnitLabel } from '@/features/org-units/format';
import { PEER_GROUP_KINDS } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreatePeerGroup } from '../api/create-peer-group';
import { useUpdatePeerGroup } from '../api/update-peer-group';
import {
  createGroupFormSchema,
  GROUP_FIELDS,
  groupCreateBody,
  groupFormSchema,
  groupUpdateBody,
  type GroupFormValues,
} from '../schemas';

type Props = {
  initial: GroupFormValues;
  onSaved: (id: string) => void;
  onCancel: () => void;
} & (
  | { mode: 'create'; initialOrgUnitLabel?: string | null }
  /** Edit: the group's id and the ETag it was read with (sent in If-Match); the unit cannot change. */
  | { mode: 'edit'; groupId: string; etag: string | null; onReload: () => void }
);

export function PeerGroupForm(props: Props) {
  const { initial, onSaved, onCancel } = props;
  const { t } = useTranslation('peerGroups');
  const { t: tc } = useTranslation();
  const { t: te } = useTranslation('enums');
  const errorText = useErrorText();
  const create = useCreatePeerGroup();
  const update = useUpdatePeerGroup(props.mode === 'edit' ? props.groupId : '');
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [orgUnitText, setOrgUnitText] = useState<string | null>(
    props.mode === 'create' ? (props.initialOrgUnitLabel ?? null) : null,
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<GroupFormValues>({
    resolver: zodResolver(props.mode === 'create' ? createGroupFormSchema : groupFormSchema),
    defaultValues: initial,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      if (props.mode === 'create') {
        const group = await create.mutateAsync({ body: groupCreateBody(values), idempotencyKey });
        onSaved(group.id);
      } else {
        const saved = await update.mutateAsync({ body: groupUpdateBody(values), etag: props.etag });
        onSaved(saved.item.id);
      }
    } catch (err) {
      setFailure(handleSubmitError(err, setError, GROUP_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form
      className={props.mode === 'edit' ? 'form form--panel' : 'form'}
      onSubmit={onSubmit}
      noValidate
      data-testid="peer-group-form"
    >
      <FormMessages failure={failure} onReload={props.mode === 'edit' ? props.onReload : undefined} />
      <Field label={t('fields.name')} error={errorText(errors.name)} required>
        <input type="text" data-testid="group-name" {...register('name')} />
      </Field>
      <div className="form__row">
        <Field label={t('fields.kind')} error={errorText(errors.kind)} required>
          <select data-testid="group-kind" {...register('kind')}>
            {PEER_GROUP_KINDS.map((k) => (
              <option key={k} value={k}>
                {te(`peerGroupKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fields.establishedOn')} error={errorText(errors.established_on)}>
          <input type="date" data-testid="group-established-on" {...register('established_on')} />
        </Field>
      </div>
      {props.mode === 'create' ? (
        <Field label={t('fields.orgUnit')} error={errorText(errors.org_unit_id)} required>
          {(controlProps) => (
            <Controller
              control={control}
              name="org_unit_id"
              render={({ field }) => (
                <OrgUnitPicker
                  {...controlProps}
                  value={field.value || null}
                  inScope
                  fallbackLabel={orgUnitText}
                  onChange={(id, unit) => {
                    setOrgUnitText(unit ? orgUnitLabel(unit) : null);
                    field.onChange(id ?? '');
                  }}
                  onBlur={field.onBlur}
                  name={field.name}
                  data-testid="group-org-unit"
                />
              )}
            />
          )}
        </Field>
      ) : null}
      <label className="check">
        <input type="checkbox" data-testid="group-active" {...register('active')} />
        {t('fields.activeCheck')}
      </label>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="group-submit">
          {isSubmitting ? tc('actions.saving') : props.mode === 'create' ? t('create.submit') : t('edit.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
