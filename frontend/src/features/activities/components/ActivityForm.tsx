import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { Stepper } from '@/components/Stepper';
import { useOutbox, type SubmitResult } from '@/features/offline/OutboxProvider';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { orgUnitLabel } from '@/features/org-units/format';
import { OrganisationSelect } from '@/features/organisations/components/OrganisationSelect';
import { usePeerGroupChoices } from '@/features/peer-groups/api/list-peer-groups';
import { ACTIVITY_KINDS, MATERIALS } from '@/lib/enums';
import { useErrorText } from '@/lib/form';
import { applyProblemToForm, type SubmitFailure } from '@/lib/problem';
import { useCachedChoices } from '@/lib/use-cached-choices';
import {
  ACTIVITY_FORM_FIELDS,
  activityFormSchema,
  emptyActivityForm,
  formToActivityBody,
  meetingTitleParts,
  type ActivityDefaults,
  type ActivityFormValues,
} from '../schemas';

export interface RememberedActivity extends ActivityDefaults {
  org_unit_label?: string | null;
}

interface Props {
  initial: ActivityFormValues;
  initialOrgUnitLabel?: string | null;
  fixKey?: string | null;
  onRemember: (last: RememberedActivity) => void;
  onDone?: (result: 'sent' | 'queued') => void;
}

export function ActivityForm({ initial, initialOrgUnitLabel, fixKey, onRemember, onDone }: Props) {
  const { t } = useTranslation('activities');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const outbox = useOutbox();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [outcome, setOutcome] = useState<'sent' | 'queued' | null>(null);
  const [orgUnitText, setOrgUnitText] = useState<string | null>(initialOrgUnitLabel ?? null);
  const [activeFixKey, setActiveFixKey] = useState<string | null>(fixKey ?? null);

  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    getValues,
    reset,
    formState: { errors, isSubmitting, dirtyFields },
  } = useForm<ActivityFormValues>({ resolver: zodResolver(activityFormSchema), defaultValues: initial });

  const kind = useWatch({ control, name: 'kind' });
  const peerGroups = useCachedChoices('options.peer-groups', usePeerGroupChoices(null));

  function suggestTitle(nextKind = kind, date = getValues('starts_on')) {
    if (dirtyFields.title && getValues('title')) return;
    if (nextKind === 'group_meeting') {
      setValue('title', t('meetingTitle', meetingTitleParts(date)));
    }
  }

  async function handleResult(result: SubmitResult, values: ActivityFormValues) {
    if (result.kind === 'failed') {
      await outbox.discard(result.entry.key);
      setActiveFixKey(null);
      const { unmatched } = applyProblemToForm(result.problem, setError, ACTIVITY_FORM_FIELDS);
      setFailure({ messages: unmatched, conflict: false });
      return;
    }
    setOutcome(result.kind);
    const last: RememberedActivity = {
      kind: values.kind,
      org_unit_id: values.org_unit_id,
      org_unit_label: orgUnitText,
      organiser_id: values.organiser_id,
      peer_group_id: values.peer_group_id,
      location: values.location,
    };
    onRemember(last);
    reset(emptyActivityForm(last));
    setActiveFixKey(null);
    onDone?.(result.kind);
    window.scrollTo?.({ top: 0 });
  }

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setOutcome(null);
    const body = formToActivityBody(values) as unknown as Record<string, unknown>;
    try {
      const result = activeFixKey ? await outbox.replace(activeFixKey, body) : await outbox.submit('activity', body);
      await handleResult(result, values);
    } catch {
      setFailure({ messages: [tc('errors.unexpected')], conflict: false });
    }
  });

  return (
    <form className="form entry" onSubmit={onSubmit} noValidate data-testid="activity-form">
      {outcome === 'sent' ? <Alert kind="success" testId="activity-saved" title={t('saved.title')} /> : null}
      {outcome === 'queued' ? (
        <Alert kind="info" testId="activity-queued" title={t('queued.title')}>
          {t('queued.body')}
        </Alert>
      ) : null}
      {activeFixKey ? (
        <Alert kind="warning" title={t('fixing.title')}>
          {t('fixing.body')}
        </Alert>
      ) : null}
      <FormMessages failure={failure} />

      <Field label={t('fields.kind')} error={errorText(errors.kind)} required>
        <select
          data-testid="field-kind"
          {...register('kind', { onChange: (e) => suggestTitle(e.target.value as ActivityFormValues['kind']) })}
        >
          {ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {te(`activityKind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fields.peerGroup')} error={errorText(errors.peer_group_id)}>
        <select data-testid="field-peer-group" {...register('peer_group_id')}>
          <option value="">{tc('none')}</option>
          {peerGroups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('fields.title')} error={errorText(errors.title)} required>
        <input type="text" data-testid="field-title" {...register('title')} />
      </Field>
      <div className="entry__row">
        <Field label={t('fields.startsOn')} error={errorText(errors.starts_on)} required>
          <input
            type="date"
            data-testid="field-starts-on"
            {...register('starts_on', { onChange: (e) => suggestTitle(kind, e.target.value) })}
          />
        </Field>
        <Field label={t('fields.endsOn')} error={errorText(errors.ends_on)}>
          <input type="date" data-testid="field-ends-on" {...register('ends_on')} />
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
                fallbackLabel={orgUnitText}
                onChange={(id, unit) => {
                  setOrgUnitText(unit ? orgUnitLabel(unit) : null);
                  field.onChange(id ?? '');
                }}
                onBlur={field.onBlur}
                name={field.name}
                data-testid="field-org-unit"
              />
            )}
          />
        )}
      </Field>
      <div className="entry__row">
        <Field label={t('fields.participantsTotal')} error={errorText(errors.participants_total)} required>
          <input
            type="text"
            inputMode="numeric"
            data-testid="field-participants-total"
            {...register('participants_total')}
          />
        </Field>
        <Field label={t('fields.participantsFemale')} error={errorText(errors.participants_female)}>
          <input
            type="text"
            inputMode="numeric"
            data-testid="field-participants-female"
            {...register('participants_female')}
          />
        </Field>
      </div>
      <Field label={t('fields.location')} error={errorText(errors.location)}>
        <input type="text" data-testid="field-location" {...register('location')} />
      </Field>
      <Field label={t('fields.organiser')} error={errorText(errors.organiser_id)}>
        <OrganisationSelect data-testid="field-organiser" {...register('organiser_id')} />
      </Field>
      <fieldset className="entry__section">
        <legend>{t('fields.materials')}</legend>
        <div className="steppers">
          {MATERIALS.map((m) => (
            <Controller
              key={m}
              control={control}
              name={`materials.${m}`}
              render={({ field }) => (
                <Stepper
                  label={te(`material.${m}`)}
                  value={field.value}
                  onChange={field.onChange}
                  testId={`material-${m}`}
                />
              )}
            />
          ))}
        </div>
      </fieldset>
      <Field label={t('fields.description')} error={errorText(errors.description)}>
        <textarea rows={3} data-testid="field-description" {...register('description')} />
      </Field>
      <div className="entry__submit">
        <button
          type="submit"
          className="btn btn--primary btn--block btn--large"
          disabled={isSubmitting}
          data-testid="activity-submit"
        >
          {isSubmitting ? tc('actions.saving') : outbox.online ? t('submit') : t('submitOffline')}
        </button>
      </div>
    </form>
  );
}
