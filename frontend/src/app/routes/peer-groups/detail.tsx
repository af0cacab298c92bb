import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/DetailList';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useActivities } from '@/features/activities/api/list-activities';
import { ActivityTable } from '@/features/activities/components/ActivityTable';
import { usePeerGroup } from '@/features/peer-groups/api/get-peer-group';
import { useMembers } from '@/features/peer-groups/api/list-members';
import { MemberForm } from '@/features/peer-groups/components/MemberForm';
import { MemberTable } from '@/features/peer-groups/components/MemberTable';
import { PeerGroupForm } from '@/features/peer-groups/components/PeerGroupForm';
import { groupValues } from '@/features/peer-groups/schemas';
import type { Member } from '@/lib/api-types';
import { Can, useCan } from '@/lib/can';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function PeerGroupDetailRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('peerGroups');
  const { t: te } = useTranslation('enums');
  const lang = currentLanguage();
  const group = usePeerGroup(id);
  const members = useMembers(id);
  const canSeeActivities = useCan('activities:read');
  const meetings = useActivities({ peer_group: id, kind: 'group_meeting' });
  const canWrite = useCan('peer_groups:write');
  const [editingGroup, setEditingGroup] = useState(false);
  /** null: no member form; 'new': adding; a member: editing that row. */
  const [memberForm, setMemberForm] = useState<Member | 'new' | null>(null);
  if (group.isPending) return <Loading />;
  if (group.isError) return <ErrorView error={group.error} onRetry={() => void group.refetch()} />;
  const g = group.data.item;
  const meetingItems = meetings.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        back={<Link to="/peer-groups">← {t('backToList')}</Link>}
        title={g.name}
        actions={
          <Can permission="peer_groups:write">
            {editingGroup ? null : (
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => setEditingGroup(true)}
                data-testid="peer-group-edit"
              >
                {t('edit.button')}
              </button>
            )}
          </Can>
        }
      />
      {editingGroup ? (
        <PeerGroupForm
          key={group.data.etag ?? g.version}
          mode="edit"
          groupId={g.id}
          etag={group.data.etag}
          initial={groupValues(g)}
          onReload={() => void group.refetch()}
          onSaved={() => setEditingGroup(false)}
          onCancel={() => setEditingGroup(false)}
        />
      ) : null}
      <DetailList
        testId="peer-group-details"
        items={[
          { key: 'kind', label: t('fields.kind'), value: te(`peerGroupKind.${g.kind}`) },
          {
            key: 'established_on',
            label: t('fields.establishedOn'),
            value: g.established_on ? formatDate(g.established_on, lang) : '—',
          },
          { key: 'status', label: t('fields.status'), value: g.active ? t('active') : t('inactive') },
          { key: 'members_active', label: t('fields.membersActive'), value: String(g.members_active ?? 0) },
        ]}
      />
      {canSeeActivities ? (
        <section className="section" data-testid="peer-group-meetings">
          <div className="section__head">
            <h2>{t('meetings.title')}</h2>
            <Can permission="activities:write">
              <Link
                to={`/activities/new?peer_group=${g.id}&kind=group_meeting&org_unit=${g.org_unit_id}`}
                className="btn btn--primary"
                data-testid="record-meeting"
              >
                {t('meetings.record')}
              </Link>
            </Can>
          </div>
          {meetings.isPending ? (
            <Loading />
          ) : meetings.isError ? (
            <ErrorView error={meetings.error} onRetry={() => void meetings.refetch()} />
          ) : meetingItems.length === 0 ? (
            <Empty>{t('meetings.empty')}</Empty>
          ) : (
            <>
              <ActivityTable items={meetingItems} testId="meeting-table" />
              <LoadMore
                hasMore={meetings.hasNextPage}
                loading={meetings.isFetchingNextPage}
                onClick={() => void meetings.fetchNextPage()}
              />
            </>
          )}
        </section>
      ) : null}
      <section className="section" data-testid="peer-group-members">
        <div className="section__head">
          <h2>{t('members.title')}</h2>
          <Can permission="peer_groups:write">
            {memberForm === null ? (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => setMemberForm('new')}
                data-testid="member-add"
              >
                {t('members.add')}
              </button>
            ) : null}
          </Can>
        </div>
        {memberForm !== null ? (
          <MemberForm
            key={memberForm === 'new' ? 'new' : `${memberForm.id}.${memberForm.version}`}
            groupId={g.id}
            member={memberForm === 'new' ? undefined : memberForm}
            onDone={() => setMemberForm(null)}
            onReload={() => {
              setMemberForm(null);
              void members.refetch();
            }}
          />
        ) : null}
        {members.isPending ? (
          <Loading />
        ) : members.isError ? (
          <ErrorView error={members.error} onRetry={() => void members.refetch()} />
        ) : members.data.length === 0 ? (
          <Empty>{t('members.empty')}</Empty>
        ) : (
          <MemberTable members={members.data} onEdit={canWrite ? (m) => setMemberForm(m) : undefined} />
        )}
      </section>
    </>
  );
}
