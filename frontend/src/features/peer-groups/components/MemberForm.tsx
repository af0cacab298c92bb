import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import type { Member } from '@/lib/api-types';
import { MEMBER_ROLES } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { ApiError, handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useAddMember } from '../api/add-member';
import { useUpdateMember } from '../api/update-member';
import {
  emptyMember,
  MEMBER_FIELDS,
  memberBody,
  memberEtag,
  memberFormSchema,
  memberValues,
  type MemberFormValues,
} from '../schemas';

interface Props {
  groupId: string;
  /** The member to edit (its id and version give the If-Match); absent: add a member. */
  member?: Member;
  onDone: () => void;
  /** After a 412: reload the members (the form is reopened on the fresh row). */
  onReload?: () => void;
}

/**
 * Add a member (POST with one Idempotency-Key per form) or edit one (PATCH with If-Match),
 * including the day they left. A 409 "the group already has a leader" lands on member_role.
 */
export function MemberForm({ groupId, member, onDone, onReload }: Props) {
  const { t } = useTranslation('peerGroups');
  const { t: tc } = useTranslation();
  const { t: te } = useTranslation('enums');
  const errorText = useErrorText();
  const add = useAddMember(groupId);
  const update = useUpdateMember(groupId, member?.id ?? '');
  const keyRef = useRef(newIdempotencyKey());
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<MemberFormValues>({
    resolver: zodResolver(memberFormSchema),
    defaultValues: member ? memberValues(member) : emptyMember(),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      if (member) {
        await update.mutateAsync({ body: memberBody(values), etag: memberEtag(member) });
      } else {
        await add.mutateAsync({ body: memberBody(values), idempotencyKey: keyRef.current });
      }
      onDone();
    } catch (err) {
      // A refused body created nothing: the corrected one travels under a new key.
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keyRef.current = newIdempotencyKey();
      setFailure(handleSubmitError(err, setError, MEMBER_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form className="form form--panel" onSubmit={onSubmit} noValidate data-testid="member-form">
      <h3>{member ? t('members.editTitle', { name: member.full_name }) : t('members.add')}</h3>
      <FormMessages failure={failure} onReload={onReload} />
      <div className="form__row">
        <Field label={t('members.name')} error={errorText(errors.full_name)} required>
          <input type="text" autoComplete="off" data-testid="member-name" {...register('full_name')} />
        </Field>
        <Field label={t('members.phone')} error={errorText(errors.phone)}>
          <input type="tel" inputMode="tel" autoComplete="off" data-testid="member-phone" {...register('phone')} />
        </Field>
      </div>
      <Field label={t('members.role')} error={errorText(errors.member_role)} hint={t('members.roleHint')} required>
        <select data-testid="member-role-select" {...register('member_role')}>
          {MEMBER_ROLES.map((r) => (
            <option key={r} value={r}>
              {te(`memberRole.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <div className="form__row">
        <Field label={t('members.joinedOn')} error={errorText(errors.joined_on)}>
          <input type="date" data-testid="member-joined-on" {...register('joined_on')} />
        </Field>
        <Field label={t('members.leftOn')} error={errorText(errors.left_on)} hint={t('members.leftOnHint')}>
          <input type="date" data-testid="member-left-on" {...register('left_on')} />
        </Field>
      </div>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="member-submit">
          {isSubmitting ? tc('actions.saving') : member ? t('members.save') : t('members.addSubmit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
