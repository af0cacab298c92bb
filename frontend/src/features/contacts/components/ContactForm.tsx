import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { Stepper } from '@/components/Stepper';
import { ToggleChips } from '@/components/ToggleChips';
import { candidatesOf } from '@/features/clients/candidates';
import { DuplicateCandidates } from '@/features/clients/components/DuplicateCandidates';
import { useEstablishmentChoices } from '@/features/establishments/api/list-establishment-choices';
import { useOutbox, type SubmitResult } from '@/features/offline/OutboxProvider';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { orgUnitLabel } from '@/features/org-units/format';
import { usePeerGroupChoices } from '@/features/peer-groups/api/list-peer-groups';
import type { Contact, ContactCreate, DuplicateCandidate } from '@/lib/api-types';
import { CLIENT_GROUPS, MATERIALS, PLACES, SERVICE_TYPES, SEXES, TOPICS } from '@/lib/enums';
import { useErrorText } from '@/lib/form';
import { applyProblemToForm, type SubmitFailure } from '@/lib/problem';
import { useCachedChoices } from '@/lib/use-cached-choices';
import {
  CLIENT_MODES,
  CONTACT_FORM_FIELDS,
  contactFormSchema,
  emptyContactForm,
  formToContactBody,
  resolveDuplicate,
  todayIso,
  type ContactDefaults,
  type ContactFormValues,
  type DuplicateChoice,
} from '../schemas';

export interface RememberedContact extends ContactDefaults {
  org_unit_label?: string | null;
}

interface Props {
  initial: ContactFormValues;
  /** Label of the initial org unit, for when it cannot be looked up (offline). */
  initialOrgUnitLabel?: string | null;
  /** Set when correcting an entry of the outbox the server refused. */
  fixKey?: string | null;
  /** Called after each accepted submission with what the next entry should start from. */
  onRemember: (last: RememberedContact) => void;
  /** After a corrected entry went out (or was queued again). */
  onFixed?: () => void;
  /** First use on this device: preselect the group when the person can see exactly one. */
  pickOnlyGroup?: boolean;
}

type Outcome = { kind: 'sent'; code: string | null; isNew: boolean } | { kind: 'queued' };

interface PendingDuplicate {
  key: string;
  body: ContactCreate;
  candidates: DuplicateCandidate[];
}

/** One screen, thumb-sized, for the field: everything a contact needs, the repeat parts remembered. */
export function ContactForm({ initial, initialOrgUnitLabel, fixKey, onRemember, onFixed, pickOnlyGroup }: Props) {
  const { t } = useTranslation('contacts');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const outbox = useOutbox();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [duplicate, setDuplicate] = useState<PendingDuplicate | null>(null);
  const [busy, setBusy] = useState(false);
  const [orgUnitText, setOrgUnitText] = useState<string | null>(initialOrgUnitLabel ?? null);
  const [activeFixKey, setActiveFixKey] = useState<string | null>(fixKey ?? null);

  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    reset,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<ContactFormValues>({
    resolver: zodResolver(contactFormSchema),
    defaultValues: initial,
  });

  const orgUnitId = useWatch({ control, name: 'org_unit_id' });
  const place = useWatch({ control, name: 'place' });
  const clientMode = useWatch({ control, name: 'client_mode' });
  const consent = useWatch({ control, name: 'new_client.consent' });

  const establishments = useCachedChoices(
    orgUnitId ? `options.establishments.${orgUnitId}` : null,
    useEstablishmentChoices(orgUnitId || null, Boolean(orgUnitId) && place === 'establishment'),
  );
  const peerGroups = useCachedChoices('options.peer-groups', usePeerGroupChoices(null));
  const onlyGroup = pickOnlyGroup && peerGroups.length === 1 ? peerGroups[0]!.id : null;
  useEffect(() => {
    if (onlyGroup && !getValues('peer_group_id')) setValue('peer_group_id', onlyGroup);
  }, [onlyGroup, getValues, setValue]);

  function afterAccepted(values: ContactFormValues, next: Outcome) {
    setOutcome(next);
    setFailure(null);
    setDuplicate(null);
    const last: RememberedContact = {
      org_unit_id: values.org_unit_id,
      org_unit_label: orgUnitText,
      place: values.place,
      establishment_id: values.establishment_id,
      peer_group_id: values.peer_group_id,
      topics: values.topics,
    };
    onRemember(last);
    // The next person, same day and place: only who and what change.
    reset(emptyContactForm({ ...last, contacted_on: values.contacted_on }));
    if (activeFixKey) {
      setActiveFixKey(null);
      onFixed?.();
    }
    window.scrollTo?.({ top: 0 });
  }

  async function handleResult(result: SubmitResult, values: ContactFormValues, body: ContactCreate) {
    if (result.kind === 'sent') {
      const created = result.data as Contact;
      afterAccepted(values, { kind: 'sent', code: created.client_code ?? null, isNew: Boolean(body.new_client) });
      return;
    }
    if (result.kind === 'queued') {
      afterAccepted(values, { kind: 'queued' });
      return;
    }
    const candidates = candidatesOf(result.problem);
    if (result.status === 409 && candidates && candidates.length > 0) {
      setDuplicate({ key: result.entry.key, body, candidates });
      return;
    }
    // The form holds the data to correct: the refused entry leaves the outbox.
    await outbox.discard(result.entry.key);
    setActiveFixKey(null);
    const { unmatched } = applyProblemToForm(result.problem, setError, CONTACT_FORM_FIELDS);
    setFailure({ messages: unmatched, conflict: false });
  }

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setOutcome(null);
    const body = formToContactBody(values);
    try {
      const result = activeFixKey
        ? await outbox.replace(activeFixKey, body as unknown as Record<string, unknown>)
        : await outbox.submit('contact', body as unknown as Record<string, unknown>);
      await handleResult(result, values, body);
    } catch {
      setFailure({ messages: [tc('errors.unexpected')], conflict: false });
    }
  });

  async function chooseDuplicate(choice: DuplicateChoice) {
    if (!duplicate) return;
    setBusy(true);
    try {
      const body = resolveDuplicate(duplicate.body, choice);
      const result = await outbox.replace(duplicate.key, body as unknown as Record<string, unknown>);
      setDuplicate(null);
      await handleResult(result, getValues(), body);
    } catch {
      setFailure({ messages: [tc('errors.unexpected')], conflict: false });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form entry" onSubmit={onSubmit} noValidate data-testid="contact-form">
      {outcome?.kind === 'sent' ? (
        <Alert kind="success" testId="contact-saved" title={t('saved.title')}>
          {outcome.isNew && outcome.code ? (
            <>
              {t('saved.newCode')}{' '}
              <strong className="client-code" data-testid="contact-saved-code">
                {outcome.code}
              </strong>
            </>
          ) : outcome.code ? (
            t('saved.withCode', { code: outcome.code })
          ) : null}
        </Alert>
      ) : null}
      {outcome?.kind === 'queued' ? (
        <Alert kind="info" testId="contact-queued" title={t('queued.title')}>
          {t('queued.body')}
        </Alert>
      ) : null}
      {activeFixKey ? (
        <Alert kind="warning" title={t('fixing.title')}>
          {t('fixing.body')}
        </Alert>
      ) : null}
      <FormMessages failure={failure} />
      {duplicate ? (
        <DuplicateCandidates
          candidates={duplicate.candidates}
          busy={busy}
          onLink={(c) => void chooseDuplicate({ link: c.code })}
          onCreateNew={() => void chooseDuplicate({ createNew: true })}
          onCancel={() => {
            void outbox.discard(duplicate.key);
            setDuplicate(null);
          }}
        />
      ) : null}

      <div className="entry__row">
        <Field label={t('fields.contactedOn')} error={errorText(errors.contacted_on)} required>
          <input type="date" max={todayIso()} data-testid="field-contacted-on" {...register('contacted_on')} />
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

      <Controller
        control={control}
        name="place"
        render={({ field }) => (
          <ToggleChips
            multiple={false}
            legend={t('fields.place')}
            options={PLACES.map((p) => ({ value: p, label: te(`place.${p}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={errorText(errors.place)}
            testId="place"
          />
        )}
      />

      {place === 'establishment' ? (
        <Field label={t('fields.establishment')} error={errorText(errors.establishment_id)} required>
          <select data-testid="field-establishment" {...register('establishment_id')}>
            <option value="">{t('chooseEstablishment')}</option>
            {establishments.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}

      <fieldset className="entry__section">
        <legend>{t('fields.client')}</legend>
        <Controller
          control={control}
          name="client_mode"
          render={({ field }) => (
            <ToggleChips
              multiple={false}
              legend={<span className="sr-only">{t('fields.client')}</span>}
              options={CLIENT_MODES.map((m) => ({ value: m, label: t(`clientMode.${m}`) }))}
              value={field.value}
              onChange={field.onChange}
              testId="client-mode"
            />
          )}
        />
        {clientMode === 'anonymous' ? <p className="field__hint">{t('anonymousHint')}</p> : null}
        {clientMode === 'code' ? (
          <Field label={t('fields.clientCode')} error={errorText(errors.client_code)} hint={t('clientCodeHint')}>
            <input
              type="text"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              placeholder="DH-XXXX-XXXX"
              className="mono-input"
              data-testid="field-client-code"
              {...register('client_code')}
            />
          </Field>
        ) : null}
        {clientMode !== 'new' ? (
          <label className="check check--large">
            <input type="checkbox" data-testid="field-first-contact" {...register('first_contact')} />
            {t('fields.firstContact')}
          </label>
        ) : null}
        {clientMode === 'new' ? (
          <div className="entry__new-client" data-testid="new-client">
            <Controller
              control={control}
              name="new_client.sex"
              render={({ field }) => (
                <ToggleChips
                  multiple={false}
                  legend={t('fields.sex')}
                  options={SEXES.map((s) => ({ value: s, label: te(`sex.${s}`) }))}
                  value={field.value}
                  onChange={field.onChange}
                  testId="new-client-sex"
                />
              )}
            />
            <Field label={t('fields.birthYear')} error={errorText(errors.new_client?.birth_year)}>
              <input
                type="text"
                inputMode="numeric"
                maxLength={4}
                placeholder={t('birthYearPlaceholder')}
                data-testid="field-birth-year"
                {...register('new_client.birth_year')}
              />
            </Field>
            <Controller
              control={control}
              name="new_client.group"
              render={({ field }) => (
                <ToggleChips
                  multiple={false}
                  legend={t('fields.group')}
                  options={CLIENT_GROUPS.map((g) => ({ value: g, label: te(`clientGroup.${g}`) }))}
                  value={field.value || null}
                  onChange={field.onChange}
                  error={errorText(errors.new_client?.group)}
                  testId="new-client-group"
                />
              )}
            />
            <label className="check check--large">
              <input type="checkbox" data-testid="field-consent" {...register('new_client.consent')} />
              {t('fields.consent')}
            </label>
            {consent ? (
              <div className="entry__identity" data-testid="identity-fields">
                <p className="field__hint">{t('identityHint')}</p>
                <Field label={t('fields.fullName')} error={errorText(errors.new_client?.full_name)}>
                  <input
                    type="text"
                    autoComplete="off"
                    data-testid="field-full-name"
                    {...register('new_client.full_name')}
                  />
                </Field>
                <div className="entry__row">
                  <Field label={t('fields.phone')} error={errorText(errors.new_client?.phone)}>
                    <input type="tel" autoComplete="off" data-testid="field-phone" {...register('new_client.phone')} />
                  </Field>
                  <Field label={t('fields.idNumber')} error={errorText(errors.new_client?.id_number)}>
                    <input type="text" autoComplete="off" inputMode="numeric" {...register('new_client.id_number')} />
                  </Field>
                </div>
                <label className="check">
                  <input type="checkbox" {...register('new_client.consent_share_with_providers')} />
                  {t('fields.consentShare')}
                </label>
              </div>
            ) : null}
          </div>
        ) : null}
      </fieldset>

      <Controller
        control={control}
        name="topics"
        render={({ field }) => (
          <ToggleChips
            legend={t('fields.topics')}
            options={TOPICS.map((x) => ({ value: x, label: te(`topic.${x}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={errorText(errors.topics as never)}
            testId="topic"
          />
        )}
      />

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

      <Controller
        control={control}
        name="needs"
        render={({ field }) => (
          <ToggleChips
            legend={t('fields.needs')}
            options={SERVICE_TYPES.map((x) => ({ value: x, label: te(`serviceType.${x}`) }))}
            value={field.value}
            onChange={field.onChange}
            hint={t('needsHint')}
            error={errorText(errors.needs as never)}
            testId="need"
          />
        )}
      />

      <Field label={t('fields.notes')} error={errorText(errors.notes)} hint={t('notesHint')}>
        <textarea rows={2} data-testid="field-notes" {...register('notes')} />
      </Field>

      <div className="entry__submit">
        <button
          type="submit"
          className="btn btn--primary btn--block btn--large"
          disabled={isSubmitting || busy}
          data-testid="contact-submit"
        >
          {isSubmitting ? tc('actions.saving') : outbox.online ? t('submit') : t('submitOffline')}
        </button>
      </div>
    </form>
  );
}
