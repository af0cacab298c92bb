import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { DetailList } from '@/components/DetailList';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { Timeline } from '@/components/Timeline';
import { useOrgUnit } from '@/features/org-units/api/get-org-unit';
import { ClientReferrals } from '@/features/referrals/components/ClientReferrals';
import { ReferralCreateForm } from '@/features/referrals/components/ReferralCreateForm';
import { useVictimCase } from '@/features/victim-cases/api/cases';
import { CaseSteps } from '@/features/victim-cases/components/CaseSteps';
import { CaseTransitionPanel } from '@/features/victim-cases/components/CaseTransitionPanel';
import { SupportForm } from '@/features/victim-cases/components/SupportForm';
import { SupportTable } from '@/features/victim-cases/components/SupportTable';
import type { CaseStatus } from '@/lib/api-types';
import { Can, useCan } from '@/lib/can';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function VictimCaseDetailRoute() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation('victims');
  const { t: te } = useTranslation('enums');
  const { t: tr } = useTranslation('referrals');
  const lang = currentLanguage();
  const canWrite = useCan('victim_cases:write');
  const query = useVictimCase(id);
  const unit = useOrgUnit(query.data?.item.org_unit_id);
  const [addingSupport, setAddingSupport] = useState(false);
  const [referring, setReferring] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data.item;
  const province = unit.data ? (unit.data.level === 'province' ? unit.data.id : unit.data.parent_id) : null;
  return (
    <>
      <PageHeader
        back={<Link to="/victim-cases">← {t('backToList')}</Link>}
        title={
          <span>
            {t('caseTitle', { code: '' })}
            <span className="mono" data-testid="case-client-code">
              {c.client_code}
            </span>
          </span>
        }
        actions={
          <span className="badge badge--info" data-testid="case-status" data-status={c.status}>
            {te(`caseStatus.${c.status}`)}
          </span>
        }
      />
      {params.get('created') ? (
        <Alert kind="success" testId="intake-done">
          {t('intake.done', { code: c.client_code ?? '' })}
        </Alert>
      ) : null}
      <CaseSteps status={c.status} />
      <div className="split">
        <section className="card">
          <DetailList
            testId="case-details"
            items={[
              { key: 'sex', label: t('fields.sex'), value: c.sex ? te(`sex.${c.sex}`) : '' },
              { key: 'age', label: t('fields.ageGroup'), value: c.age_group ? te(`ageGroup.${c.age_group}`) : '' },
              { key: 'reported_on', label: t('fields.reportedOn'), value: formatDate(c.reported_on, lang) },
              { key: 'source', label: t('fields.source'), value: te(`victimSource.${c.source}`) },
              {
                key: 'exploitation',
                label: t('fields.exploitation'),
                value: te(`exploitation.${c.exploitation}`),
              },
              { key: 'country', label: t('fields.exploitationCountry'), value: c.exploitation_country },
              { key: 'citizenship', label: t('fields.citizenship'), value: c.citizenship },
              { key: 'org_unit', label: t('fields.orgUnit'), value: unit.data?.name },
              { key: 'identified_on', label: t('fields.identifiedOn'), value: formatDate(c.identified_on, lang) },
              { key: 'received_on', label: t('fields.receivedOn'), value: formatDate(c.received_on, lang) },
              { key: 'reintegrated_on', label: t('fields.reintegratedOn'), value: formatDate(c.reintegrated_on, lang) },
              { key: 'closed_on', label: t('fields.closedOn'), value: formatDate(c.closed_on, lang) },
              ...(c.closed_reason
                ? [{ key: 'closed_reason', label: t('fields.closedReason'), value: c.closed_reason }]
                : []),
              ...(c.intake_notes ? [{ key: 'notes', label: t('fields.intakeNotes'), value: c.intake_notes }] : []),
            ]}
          />
        </section>
        {canWrite ? (
          <section className="card">
            <h2>{t('steps.title')}</h2>
            <CaseTransitionPanel victimCase={c} />
          </section>
        ) : null}
      </div>

      <section className="section" data-testid="case-supports">
        <div className="section__head">
          <h2>{t('supports.title')}</h2>
          <Can permission="victim_cases:write">
            {!addingSupport ? (
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => setAddingSupport(true)}
                data-testid="support-new"
              >
                {t('supports.new')}
              </button>
            ) : null}
          </Can>
        </div>
        {addingSupport ? <SupportForm caseId={c.id} onDone={() => setAddingSupport(false)} /> : null}
        <SupportTable items={c.supports ?? []} total={c.supports_total_vnd ?? 0} />
      </section>

      <Can permission="referrals:read">
        <section className="section" data-testid="case-referrals">
          <div className="section__head">
            <h2>{t('referrals')}</h2>
            <Can permission="referrals:write">
              {!referring ? (
                <button
                  type="button"
                  className="btn btn--secondary"
                  onClick={() => setReferring(true)}
                  data-testid="case-refer"
                >
                  {tr('create.button')}
                </button>
              ) : null}
            </Can>
          </div>
          {referring ? (
            <ReferralCreateForm clientId={c.client_id} area={province} onDone={() => setReferring(false)} />
          ) : null}
          <ClientReferrals clientId={c.client_id} />
        </section>
      </Can>

      <section className="section">
        <h2>{t('history')}</h2>
        <Timeline entries={c.history ?? []} label={(s) => te(`caseStatus.${s as CaseStatus}`)} testId="case-timeline" />
      </section>
    </>
  );
}
