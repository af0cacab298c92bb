import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { DetailList } from '@/components/DetailList';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { LoadMore, Loading } from '@/components/Status';
import { useOrgUnit } from '@/features/org-units/api/get-org-unit';
import { downloadPlanXlsx } from '@/features/plans/api/export-plan';
import { useExpenditures } from '@/features/plans/api/expenditures';
import { useApprovePlan, usePlan } from '@/features/plans/api/plans';
import { BudgetLineForm } from '@/features/plans/components/BudgetLineForm';
import { BudgetLinesTable } from '@/features/plans/components/BudgetLinesTable';
import { ExpenditureForm } from '@/features/plans/components/ExpenditureForm';
import { ExpenditureTable } from '@/features/plans/components/ExpenditureTable';
import { PlanStatusBadge } from '@/features/plans/components/PlanStatusBadge';
import { TargetsTable } from '@/features/plans/components/TargetsTable';
import { Can, useCan } from '@/lib/can';
import { formatDate, formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { ApiError } from '@/lib/problem';

export function PlanDetailRoute() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation();
  const lang = currentLanguage();
  const canWrite = useCan('plans:write');
  const query = usePlan(id);
  const unit = useOrgUnit(query.data?.item.org_unit_id);
  const expenditures = useExpenditures({ plan: id });
  const approve = useApprovePlan(id);
  const [addingLine, setAddingLine] = useState(false);
  const [spending, setSpending] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const [approveError, setApproveError] = useState<string | null>(null);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data.item;
  const approved = plan.status === 'approved';
  const lines = plan.lines ?? [];
  const spent = expenditures.data?.pages.flatMap((p) => p.items) ?? [];

  const onExport = () => {
    setExportFailed(false);
    setExporting(true);
    downloadPlanXlsx(plan)
      .catch(() => setExportFailed(true))
      .finally(() => setExporting(false));
  };
  const onApprove = () => {
    if (!window.confirm(t('approve.confirm'))) return;
    setApproveError(null);
    approve.mutate(undefined, {
      onError: (err) =>
        setApproveError(err instanceof ApiError ? err.problem.detail || err.message : tc('errors.unexpected')),
    });
  };

  return (
    <>
      <PageHeader
        back={<Link to={`/plans?year=${plan.year}`}>← {t('backToList')}</Link>}
        title={
          <span>
            <span data-testid="plan-heading-number">{plan.number}</span> — {plan.title}
          </span>
        }
        actions={
          <>
            <PlanStatusBadge status={plan.status} />
            <button
              type="button"
              className="btn btn--secondary"
              onClick={onExport}
              disabled={exporting}
              data-testid="plan-export"
            >
              {exporting ? t('export.working') : t('export.button')}
            </button>
            {!approved ? (
              <Can permission="plans:approve">
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={onApprove}
                  disabled={approve.isPending}
                  data-testid="plan-approve"
                >
                  {t('approve.button')}
                </button>
              </Can>
            ) : null}
          </>
        }
      />
      {params.get('created') ? (
        <Alert kind="success" testId="plan-created">
          {t('create.done')}
        </Alert>
      ) : null}
      {exportFailed ? <Alert testId="export-failed">{t('export.failed')}</Alert> : null}
      {approveError ? (
        <Alert testId="approve-failed" title={t('approve.failed')}>
          {approveError}
        </Alert>
      ) : null}
      {approved ? (
        <Alert kind="info" testId="plan-approved-note">
          {t('approve.note', { at: formatDateTime(plan.approved_at, lang) })}
        </Alert>
      ) : null}

      <section className="card">
        <DetailList
          testId="plan-details"
          items={[
            { key: 'number', label: t('fields.number'), value: plan.number },
            { key: 'year', label: t('fields.year'), value: String(plan.year) },
            { key: 'issued_on', label: t('fields.issuedOn'), value: formatDate(plan.issued_on, lang) },
            { key: 'org_unit', label: t('fields.orgUnit'), value: unit.data?.name },
            ...(plan.legal_basis ? [{ key: 'legal', label: t('fields.legalBasis'), value: plan.legal_basis }] : []),
          ]}
        />
      </section>

      <section className="section" data-testid="plan-targets-section">
        <h2>{t('targets.title')}</h2>
        <TargetsTable targets={plan.targets ?? []} />
      </section>

      <section className="section" data-testid="plan-lines">
        <div className="section__head">
          <h2>{t('lines.heading')}</h2>
          <Can permission="plans:write">
            {!addingLine ? (
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => setAddingLine(true)}
                data-testid="line-new"
              >
                {t('lines.new')}
              </button>
            ) : null}
          </Can>
        </div>
        {addingLine ? (
          <BudgetLineForm planId={plan.id} approved={approved} onDone={() => setAddingLine(false)} />
        ) : null}
        <BudgetLinesTable lines={lines} totals={plan.totals} approved={approved} canWrite={canWrite} />
      </section>

      <section className="section" data-testid="plan-expenditures">
        <div className="section__head">
          <h2>{t('expenditures.title')}</h2>
          <Can permission="plans:write">
            {!spending && lines.length > 0 ? (
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => setSpending(true)}
                data-testid="expenditure-new"
              >
                {t('expenditures.new')}
              </button>
            ) : null}
          </Can>
        </div>
        {spending ? (
          <ExpenditureForm
            lines={lines}
            year={plan.year}
            orgUnitId={plan.org_unit_id}
            onDone={() => setSpending(false)}
          />
        ) : null}
        {expenditures.isPending ? (
          <Loading />
        ) : expenditures.isError ? (
          <ErrorView error={expenditures.error} onRetry={() => void expenditures.refetch()} />
        ) : (
          <>
            <ExpenditureTable items={spent} lines={lines} />
            <LoadMore
              hasMore={expenditures.hasNextPage}
              loading={expenditures.isFetchingNextPage}
              onClick={() => void expenditures.fetchNextPage()}
            />
          </>
        )}
      </section>
    </>
  );
}
