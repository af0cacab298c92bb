import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../schemas';

/** What a run did (or, for a dry run, would do), and every row error: row, column, reason. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useTranslation('imports');
  const outcome = result.dry_run
    ? result.errors_total
      ? 'dryRunErrors'
      : 'dryRunOk'
    : result.committed
      ? 'imported'
      : 'rejected';
  return (
    <section className="card" aria-live="polite" data-testid="import-summary" data-outcome={outcome}>
      <h2>{t(`outcome.${outcome}`)}</h2>
      <dl className="detail-list detail-list--inline">
        <div>
          <dt>{t('counts.rows')}</dt>
          <dd data-testid="count-rows">{result.rows}</dd>
        </div>
        <div>
          <dt>{t('counts.created')}</dt>
          <dd data-testid="count-created">{result.created}</dd>
        </div>
        <div>
          <dt>{t('counts.updated')}</dt>
          <dd data-testid="count-updated">{result.updated}</dd>
        </div>
        <div>
          <dt>{t('counts.unchanged')}</dt>
          <dd data-testid="count-unchanged">{result.unchanged}</dd>
        </div>
        <div>
          <dt>{t('counts.errors')}</dt>
          <dd data-testid="count-errors">{result.errors_total}</dd>
        </div>
      </dl>
      {result.errors.length > 0 ? (
        <div className="table-wrap">
          <table className="table" data-testid="import-errors">
            <caption className="visually-hidden">{t('errors.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('errors.row')}</th>
                <th scope="col">{t('errors.column')}</th>
                <th scope="col">{t('errors.message')}</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.map((error, index) => (
                <tr key={`${error.row}-${error.column}-${index}`} data-testid="import-error">
                  <td>{error.row}</td>
                  <td>{error.column}</td>
                  <td>{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.errors_total > result.errors.length ? (
            <p className="muted small">{t('errors.more', { count: result.errors_total - result.errors.length })}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
