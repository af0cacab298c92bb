import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/DetailList';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { useOrganisationNames } from '@/features/organisations/api/list-organisations';
import { useReferral } from '@/features/referrals/api/get-referral';
import { ReferralStatusBadge } from '@/features/referrals/components/ReferralStatusBadge';
import { ReferralTimeline } from '@/features/referrals/components/ReferralTimeline';
import { TransitionPanel } from '@/features/referrals/components/TransitionPanel';
import { isProviderView } from '@/lib/api-types';
import { useAuth } from '@/lib/auth';
import { useCan } from '@/lib/can';
import { formatDate, formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function ReferralDetailRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('referrals');
  const { t: te } = useTranslation('enums');
  const { user } = useAuth();
  const canSeeClients = useCan('clients:read');
  const orgName = useOrganisationNames();
  const lang = currentLanguage();
  const query = useReferral(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const provider = isProviderView(r);
  const back =
    user?.home === 'referral_inbox' ? (
      <Link to="/referrals/inbox">← {t('backToInbox')}</Link>
    ) : (
      <Link to="/referrals">← {t('backToBoard')}</Link>
    );
  const clientItems = provider
    ? [
        { key: 'client', label: t('fields.client'), value: <span className="mono">{r.client.code}</span> },
        { key: 'sex', label: t('fields.sex'), value: te(`sex.${r.client.sex}`) },
        {
          key: 'age',
          label: t('fields.ageGroup'),
          value: te(`ageGroup.${(r.client.age_group ?? 'unknown') as 'unknown'}`),
        },
        ...(r.client.group
          ? [{ key: 'group', label: t('fields.group'), value: te(`clientGroup.${r.client.group}`) }]
          : []),
        ...('full_name' in r.client
          ? [
              { key: 'full_name', label: t('fields.fullName'), value: r.client.full_name ?? '' },
              { key: 'phone', label: t('fields.phone'), value: r.client.phone ?? '' },
            ]
          : []),
      ]
    : [
        {
          key: 'client',
          label: t('fields.client'),
          value:
            canSeeClients && r.client_id ? (
              <Link to={`/clients/${r.client_id}`} className="mono">
                {r.client_code ?? r.client_id}
              </Link>
            ) : (
              <span className="mono">{r.client_code}</span>
            ),
        },
      ];
  return (
    <>
      <PageHeader
        back={back}
        title={
          <span data-testid="referral-title">{t('detailTitle', { service: te(`serviceType.${r.service_type}`) })}</span>
        }
        actions={<ReferralStatusBadge status={r.status} overdue={r.overdue} />}
      />
      <div className="split">
        <section className="card">
          <DetailList
            testId="referral-details"
            items={[
              ...clientItems,
              { key: 'to', label: t('fields.to'), value: orgName(r.to_organisation_id) },
              { key: 'from', label: t('fields.from'), value: orgName(r.from_organisation_id) },
              { key: 'reason', label: t('fields.reason'), value: r.reason },
              { key: 'follow_up', label: t('fields.followUpDueOn'), value: formatDate(r.follow_up_due_on, lang) },
              { key: 'sent_at', label: t('fields.sentAt'), value: formatDateTime(r.sent_at, lang) },
              { key: 'closed_at', label: t('fields.closedAt'), value: formatDateTime(r.closed_at, lang) },
              { key: 'outcome', label: t('fields.outcome'), value: r.outcome },
              { key: 'decline_reason', label: t('fields.declineReason'), value: r.decline_reason },
              ...(!provider && r.legal_basis
                ? [
                    { key: 'legal_basis', label: t('fields.legalBasis'), value: r.legal_basis },
                    { key: 'legal_basis_reason', label: t('fields.legalBasisReason'), value: r.legal_basis_reason },
                  ]
                : []),
            ]}
          />
          {provider && !('full_name' in r.client) ? <p className="muted small">{t('sharedNoIdentity')}</p> : null}
        </section>
        <section className="card">
          <h2>{t('actions.title')}</h2>
          <TransitionPanel referral={r} />
        </section>
      </div>
      <section className="section">
        <h2>{t('timeline.title')}</h2>
        <ReferralTimeline entries={r.history ?? []} />
      </section>
    </>
  );
}
