import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FigureText } from '@/features/indicators/components/FigureText';
import { indicatorLabel } from '@/features/indicators/format';
import type { Consolidation } from '@/lib/api-types';
import { currentLanguage } from '@/lib/i18n';
import { ReportStatusBadge } from './ReportStatusBadge';

/** The children's approved reports added up, beside the unit's own records and its live figures. */
export function ConsolidationView({ data }: { data: Consolidation }) {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const approved = data.units.filter((u) => u.status === 'approved').length;
  return (
    <div data-testid="consolidation">
      <p className="badges" data-testid="consolidation-summary">
        <span>{t('consolidation.approved', { approved, total: data.units.length })}</span>
        <span
          className={`badge ${data.complete ? 'badge--ok' : 'badge--waiting'}`}
          data-testid="consolidation-complete"
        >
          {data.complete ? t('consolidation.complete') : t('consolidation.incomplete')}
        </span>
        {data.complete ? (
          <span
            className={`badge ${data.reconciles ? 'badge--ok' : 'badge--danger'}`}
            data-testid="consolidation-reconciles"
          >
            {data.reconciles ? t('consolidation.reconciles') : t('consolidation.notReconciled')}
          </span>
        ) : null}
      </p>
      <div className="table-scroll">
        <table className="table table--figures" data-testid="consolidation-table">
          <thead>
            <tr>
              <th scope="col">{t('consolidation.indicator')}</th>
              <th scope="col" className="num">
                {t('consolidation.consolidated')}
              </th>
              <th scope="col" className="num">
                {t('consolidation.own')}
              </th>
              <th scope="col" className="num">
                {t('consolidation.live')}
              </th>
              <th scope="col" className="num">
                {t('consolidation.difference')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.indicators.map((item) => (
              <tr key={item.code} data-testid="consolidation-row" data-code={item.code}>
                <th scope="row">
                  {indicatorLabel(item, lang)}
                  {!item.additive && !item.code.endsWith('_rate') ? (
                    <span className="muted small" title={t('consolidation.notAdditive')}>
                      {' '}
                      *
                    </span>
                  ) : null}
                </th>
                <td className="num">
                  <FigureText code={item.code} value={item.consolidated} testId="consolidated-value" />
                </td>
                <td className="num">
                  {item.code in data.own_records ? (
                    <FigureText code={item.code} value={data.own_records[item.code]} testId="own-value" />
                  ) : null}
                </td>
                <td className="num">
                  <FigureText code={item.code} value={item.live} testId="live-value" />
                </td>
                <td className={`num${item.difference ? ' text-danger' : ''}`}>
                  {item.difference === null ? '' : <FigureText code={item.code} value={item.difference} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">* {t('consolidation.notAdditive')}</p>
      <details className="section">
        <summary>
          {t('consolidation.units')} ({data.units.length})
        </summary>
        <ul className="plain-list consolidation-units" data-testid="consolidation-units">
          {data.units.map((u) => (
            <li key={u.org_unit_id} data-unit={u.name}>
              {u.report_id ? <Link to={`/reports/${u.report_id}`}>{u.name}</Link> : u.name}{' '}
              <ReportStatusBadge status={u.status} testId="consolidation-unit-status" />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
