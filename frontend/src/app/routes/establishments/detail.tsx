import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { useEstablishment } from '@/features/establishments/api/get-establishment';
import { EstablishmentDetails } from '@/features/establishments/components/EstablishmentDetails';
import { InspectionForm } from '@/features/inspections/components/InspectionForm';
import { InspectionList } from '@/features/inspections/components/InspectionList';
import { Can } from '@/lib/can';

export function EstablishmentDetailRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('establishments');
  const { t: ti } = useTranslation('inspections');
  const query = useEstablishment(id);
  const [recording, setRecording] = useState(false);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  const e = query.data.item;

  return (
    <>
      <PageHeader
        back={<Link to="/establishments">← {t('backToList')}</Link>}
        title={<span data-testid="establishment-title">{e.name}</span>}
        actions={
          <Can permission="establishments:write">
            <Link to={`/establishments/${e.id}/edit`} className="btn btn--secondary" data-testid="establishment-edit">
              {t('edit')}
            </Link>
          </Can>
        }
      />
      <section className="card">
        <EstablishmentDetails establishment={e} />
      </section>
      <Can permission="inspections:read">
        <section className="section" aria-labelledby="inspections-heading">
          <div className="section__head">
            <h2 id="inspections-heading">{ti('title')}</h2>
            {!recording ? (
              <Can permission="inspections:write">
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => setRecording(true)}
                  data-testid="inspection-new"
                >
                  {ti('new')}
                </button>
              </Can>
            ) : null}
          </div>
          {recording ? <InspectionForm establishmentId={e.id} onDone={() => setRecording(false)} /> : null}
          <InspectionList establishmentId={e.id} />
        </section>
      </Can>
    </>
  );
}
