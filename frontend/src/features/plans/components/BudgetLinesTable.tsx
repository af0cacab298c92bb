import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '@/components/Status';
import type { BudgetLine, Execution } from '@/lib/api-types';
import { formatVnd } from '@/lib/format';
import { ExecutionBar } from './ExecutionBar';
import { LineRevisions } from './LineRevisions';
import { ReviseLineForm } from './ReviseLineForm';

interface Props {
  lines: BudgetLine[];
  totals?: Execution | null;
  approved: boolean;
  canWrite: boolean;
}

/** The plan's lines with allocated, spent, remaining and an execution bar each; revisions on demand. */
export function BudgetLinesTable({ lines, totals, approved, canWrite }: Props) {
  const { t } = useTranslation('plans');
  const { t: te } = useTranslation('enums');
  const [open, setOpen] = useState<{ id: string; mode: 'revisions' | 'revise' } | null>(null);
  if (lines.length === 0) return <Empty>{t('lines.empty')}</Empty>;
  const toggle = (id: string, mode: 'revisions' | 'revise') =>
    setOpen((cur) => (cur?.id === id && cur.mode === mode ? null : { id, mode }));
  return (
    <table className="table table--cards table--lines" data-testid="lines-table">
      <thead>
        <tr>
          <th scope="col">{t('lines.code')}</th>
          <th scope="col">{t('lines.title')}</th>
          <th scope="col">{t('lines.category')}</th>
          <th scope="col">{t('lines.source')}</th>
          <th scope="col" className="num">
            {t('execution.allocated')}
          </th>
          <th scope="col" className="num">
            {t('execution.spent')}
          </th>
          <th scope="col" className="num">
            {t('execution.remaining')}
          </th>
          <th scope="col">{t('execution.rate')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('lines.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <Fragment key={l.id}>
            <tr data-testid="line-row" data-code={l.code}>
              <td data-label={t('lines.code')} className="mono">
                {l.code}
              </td>
              <td data-label={t('lines.title')} className="table__primary">
                {l.title}
              </td>
              <td data-label={t('lines.category')}>{te(`budgetCategory.${l.category}`)}</td>
              <td data-label={t('lines.source')}>{te(`fundingSource.${l.funding_source}`)}</td>
              <td data-label={t('execution.allocated')} className="num" data-testid="line-allocated-cell">
                {formatVnd(l.allocated_vnd)}
              </td>
              <td data-label={t('execution.spent')} className="num" data-testid="line-spent">
                {formatVnd(l.spent_vnd)}
              </td>
              <td
                data-label={t('execution.remaining')}
                className={`num${l.remaining_vnd < 0 ? ' text-danger' : ''}`}
                data-testid="line-remaining"
              >
                {formatVnd(l.remaining_vnd)}
              </td>
              <td data-label={t('execution.rate')}>
                <ExecutionBar rate={l.execution_rate} testId="line-execution" />
              </td>
              <td className="table__actions">
                <button
                  type="button"
                  className="btn btn--ghost btn--small"
                  aria-expanded={open?.id === l.id && open.mode === 'revisions'}
                  onClick={() => toggle(l.id, 'revisions')}
                  data-testid="line-revisions-toggle"
                >
                  {t('revisions.show')}
                </button>
                {approved && canWrite ? (
                  <button
                    type="button"
                    className="btn btn--secondary btn--small"
                    onClick={() => toggle(l.id, 'revise')}
                    data-testid="line-revise"
                  >
                    {t('revisions.revise')}
                  </button>
                ) : null}
              </td>
            </tr>
            {open?.id === l.id ? (
              <tr className="table__detail">
                <td colSpan={9}>
                  {open.mode === 'revisions' ? (
                    <LineRevisions lineId={l.id} />
                  ) : (
                    <ReviseLineForm lineId={l.id} current={l.allocated_vnd} onDone={() => setOpen(null)} />
                  )}
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
      {totals ? (
        <tfoot>
          <tr data-testid="lines-totals">
            <th scope="row" colSpan={4}>
              {t('lines.total')}
            </th>
            <td className="num" data-testid="totals-allocated">
              <strong>{formatVnd(totals.allocated_vnd)}</strong>
            </td>
            <td className="num" data-testid="totals-spent">
              <strong>{formatVnd(totals.spent_vnd)}</strong>
            </td>
            <td className="num" data-testid="totals-remaining">
              <strong>{formatVnd(totals.remaining_vnd)}</strong>
            </td>
            <td colSpan={2}>
              <ExecutionBar rate={totals.execution_rate} testId="totals-execution" />
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
