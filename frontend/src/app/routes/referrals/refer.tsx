import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { useContact } from '@/features/contacts/api/get-contact';
import { ReferFromContactForm } from '@/features/referrals/components/ReferFromContactForm';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function ReferFromContactRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('referrals');
  const query = useContact(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  const contact = query.data;
  const back = contact.client_id ? (
    <Link to={`/clients/${contact.client_id}`}>← {contact.client_code}</Link>
  ) : (
    <Link to="/contacts">← {t('backToBoard')}</Link>
  );
  return (
    <>
      <PageHeader back={back} title={t('refer.title')} />
      {!contact.client_id ? (
        <Alert kind="warning">{t('refer.noClient')}</Alert>
      ) : contact.needs.length === 0 ? (
        <Alert kind="info">{t('refer.noNeeds')}</Alert>
      ) : (
        <>
          <p className="muted">
            {t('refer.intro', {
              code: contact.client_code ?? '',
              date: formatDate(contact.contacted_on, currentLanguage()),
            })}
          </p>
          <ReferFromContactForm contact={contact} />
        </>
      )}
    </>
  );
}
