import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { DetailList } from '@/components/DetailList';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { SuppressionNotice } from '@/features/indicators/components/SuppressionNotice';
import { downloadReportXlsx } from '@/features/reports/api/export-report';
import { useReport } from '@/features/reports/api/reports';
import { CommentPanel } from '@/features/reports/components/CommentPanel';
import { DueBadge } from '@/features/reports/components/DueBadge';
import { ReportActions } from '@/features/reports/components/ReportActions';
import { ReportHistory } from '@/features/reports/components/ReportHistory';
import { ReportStatusBadge } from '@/features/reports/components/ReportStatusBadge';
import { ValuesTable } from '@/features/reports/components/ValuesTable';
import { formatDate, formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { formatPeriod } from '@/lib/period';

export function ReportDetailRoute() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const query = useReport(id);
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  const { item: report, etag } = query.data;
  const period = formatPeriod(report.period, lang);
  const reload = () => query.refetch();

  const onExport = () => {
    setExportFailed(false);
    setExporting(true);
    downloadReportXlsx(report)
      .catch(() => setExportFailed(true))
      .finally(() => setExporting(false));
  };

  return (
    <>
      <PageHeader
        back={<Link to="/reports">← {t('backToList')}</Link>}
        title={
          <span data-testid="report-heading">{t('detail.heading', { period, unit: report.org_unit_name ?? '' })}</span>
        }
        actions={
          <>
            <ReportStatusBadge status={report.status} />
            <button
              type="button"
              className="btn btn--secondary"
              onClick={onExport}
              disabled={exporting}
              data-testid="report-export"
            >
              {exporting ? t('export.working') : t('export.button')}
            </button>
          </>
        }
      />
      {params.get('created') ? (
        <Alert kind="success" testId="report-created">
          {t('create.done')}
        </Alert>
      ) : null}
      {exportFailed ? <Alert testId="export-failed">{t('export.failed')}</Alert> : null}
      {report.status === 'returned' && report.review_comment ? (
        <Alert kind="warning" title={t('detail.returned')} testId="review-comment">
          {report.review_comment}
        </Alert>
      ) : null}
      {report.status === 'approved' && report.review_comment ? (
        <Alert kind="success" title={t('detail.approvedComment')} testId="review-comment">
          {report.review_comment}
        </Alert>
      ) : null}

      <section className="card">
        <DetailList
          testId="report-details"
          items={[
            { key: 'org_unit', label: t('fields.orgUnit'), value: report.org_unit_name },
            { key: 'period', label: t('fields.period'), value: <span data-testid="report-period">{period}</span> },
            {
              key: 'due_on',
              label: t('fields.dueOn'),
              value: (
                <span className="badges">
                  <span data-testid="report-due">{formatDate(report.due_on, lang)}</span>
                  <DueBadge dueOn={report.due_on} overdue={Boolean(report.overdue)} status={report.status} />
                </span>
              ),
            },
            { key: 'submitted_at', label: t('fields.submittedAt'), value: formatDateTime(report.submitted_at, lang) },
            { key: 'reviewed_at', label: t('fields.reviewedAt'), value: formatDateTime(report.reviewed_at, lang) },
          ]}
        />
      </section>

      <section className="section" data-testid="report-actions-section">
        <ReportActions report={report} etag={etag} onReload={reload} />
      </section>

      <section className="section" data-testid="report-values">
        <h2>{t('detail.values')}</h2>
        <p className={report.values_frozen ? 'muted' : 'alert alert--info'} data-testid="frozen-note">
          {report.values_frozen ? t('detail.frozen', { at: formatDateTime(report.frozen_at, lang) }) : t('detail.live')}
        </p>
        <SuppressionNotice suppressed={report.suppressed} />
        <ValuesTable values={report.values} />
      </section>

      <section className="section">
        <h2>{t('comment.title')}</h2>
        <CommentPanel key={report.id} report={report} etag={etag} onReload={reload} />
      </section>

      <section className="section">
        <h2>{t('detail.history')}</h2>
        {report.history.length ? (
          <ReportHistory history={report.history} />
        ) : (
          <p className="muted">{t('detail.noHistory')}</p>
        )}
      </section>
    </>
  );
}
