import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { ActivityForm, type RememberedActivity } from '@/features/activities/components/ActivityForm';
import { activityBodyToForm, emptyActivityForm, meetingTitleParts } from '@/features/activities/schemas';
import { OutboxList } from '@/features/offline/components/OutboxList';
import { useOutbox } from '@/features/offline/OutboxProvider';
import type { ActivityCreate } from '@/lib/api-types';
import { useAuth } from '@/lib/auth';
import { ACTIVITY_KINDS } from '@/lib/enums';
import { recall, remember } from '@/lib/remember';

/** New activity; `?peer_group=&kind=group_meeting` from a group's page, `?fix=<key>` to correct. */
export function ActivityCreateRoute() {
  const { t } = useTranslation('activities');
  const { user } = useAuth();
  const outbox = useOutbox();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fixKey = params.get('fix');
  const storageKey = `activity.last.${user?.id ?? ''}`;

  if (fixKey && !outbox.ready) return <Loading />;
  const fixing = fixKey ? outbox.entries.find((e) => e.key === fixKey && e.kind === 'activity') : undefined;
  const last = recall<RememberedActivity>(storageKey);
  const kindParam = params.get('kind');
  const kind = (ACTIVITY_KINDS as readonly string[]).includes(kindParam ?? '')
    ? (kindParam as (typeof ACTIVITY_KINDS)[number])
    : (last?.kind ?? 'group_meeting');
  const orgUnit = params.get('org_unit') || last?.org_unit_id || user?.org_unit.id;
  const initial = fixing
    ? activityBodyToForm(fixing.body as unknown as ActivityCreate)
    : emptyActivityForm({
        ...last,
        kind,
        org_unit_id: orgUnit,
        peer_group_id: params.get('peer_group') ?? last?.peer_group_id,
        organiser_id: last?.organiser_id ?? user?.organisation?.id ?? '',
      });
  if (!fixing && initial.kind === 'group_meeting' && !initial.title) {
    initial.title = t('meetingTitle', meetingTitleParts(initial.starts_on));
  }
  const label =
    last?.org_unit_id && last.org_unit_id === initial.org_unit_id
      ? last.org_unit_label
      : initial.org_unit_id === user?.org_unit.id
        ? user?.org_unit.name
        : null;
  const back = params.get('peer_group') ? `/peer-groups/${params.get('peer_group')}` : '/activities';

  return (
    <div className="entry-page">
      <PageHeader
        back={<Link to={back}>← {t('backToList')}</Link>}
        title={kind === 'group_meeting' && !fixing ? t('newMeeting') : t('new')}
      />
      <ActivityForm
        key={fixing?.key ?? 'new'}
        initial={initial}
        initialOrgUnitLabel={label}
        fixKey={fixing?.key ?? null}
        onRemember={(next) => remember(storageKey, next)}
        onDone={() => {
          if (fixing) navigate('/activities/new', { replace: true });
        }}
      />
      <OutboxList kind="activity" hideWhenEmpty />
    </div>
  );
}
