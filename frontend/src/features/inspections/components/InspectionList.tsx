import { useTranslation } from 'react-i18next';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { ErrorView } from '@/components/ErrorView';
import { useOrganisationChoices } from '@/features/organisations/api/list-organisations';
import { useCan } from '@/lib/can';
import { formatDate, formatVnd } from '@/lib/format';
import { useInspections } from '../api/list-inspections';

export function InspectionList({ establishmentId }: { establishmentId: string }) {
  const { t, i18n } = useTranslation('inspections');
  const { t: te } = useTranslation('enums');
  const query = useInspections(establishmentId);
  const organisations = useOrganisationChoices(useCan('organisations:read'));
  const orgName = (id: string) => organisations.data?.find((o) => o.id === id)?.name ?? id.slice(0, 8);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Empty>{t('empty')}</Empty>;

  return (
    <>
      <ul className="inspection-list" data-testid="inspection-list">
        {items.map((insp) => (
          <li key={insp.id} className="card inspection" data-testid="inspection-item">
            <div className="inspection__head">
              <strong>{formatDate(insp.inspected_on, i18n.language)}</strong>
              {insp.fine_amount_vnd ? (
                <span className="inspection__fine" data-testid="inspection-fine">
                  {t('fine')}: {formatVnd(insp.fine_amount_vnd)}
                </span>
              ) : null}
            </div>
            {insp.violations.length > 0 ? (
              <ul className="tags" aria-label={t('fields.violations')}>
                {insp.violations.map((code) => (
                  <li key={code} className="tag tag--danger">
                    {te(`violation.${code}`)}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('noViolations')}</p>
            )}
            {insp.team.length > 0 ? (
              <p className="small">
                <span className="muted">{t('fields.team')}: </span>
                {insp.team.map(orgName).join(', ')}
              </p>
            ) : null}
            {insp.findings ? (
              <p>
                <span className="muted">{t('fields.findings')}: </span>
                {insp.findings}
              </p>
            ) : null}
            {insp.follow_up ? (
              <p>
                <span className="muted">{t('fields.followUp')}: </span>
                {insp.follow_up}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      <LoadMore
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onClick={() => void query.fetchNextPage()}
      />
    </>
  );
}
