import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/DetailList';
import type { Client } from '@/lib/api-types';
import { formatDate, formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

/** Identity fields are shown only when the API returned them (never inferred from the role). */
export function ClientDetails({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  const { t: te } = useTranslation('enums');
  const lang = currentLanguage();
  const identity = 'full_name' in client ? client : null;
  return (
    <>
      <DetailList
        items={[
          { key: 'sex', label: t('fields.sex'), value: te(`sex.${client.sex}`) },
          {
            key: 'birth_year',
            label: t('fields.birthYear'),
            value: client.birth_year
              ? `${client.birth_year} (${te(`ageGroup.${client.age_group ?? 'unknown'}`)})`
              : te('ageGroup.unknown'),
          },
          { key: 'group', label: t('fields.group'), value: te(`clientGroup.${client.group}`) },
          { key: 'org_unit', label: t('fields.orgUnit'), value: client.org_unit_name ?? '' },
          { key: 'created_at', label: t('fields.createdAt'), value: formatDateTime(client.created_at, lang) },
          {
            key: 'consent_on',
            label: t('fields.consentOn'),
            value: client.consent_data_processing_on ? formatDate(client.consent_data_processing_on, lang) : '—',
          },
          {
            key: 'consent_share',
            label: t('fields.consentShare'),
            value: client.consent_share_with_providers ? t('yes') : t('no'),
          },
        ]}
      />
      <section className="section card" data-testid="client-identity">
        <h2>{t('fields.identity')}</h2>
        {!client.has_identity ? (
          <p className="muted">{t('noIdentity')}</p>
        ) : identity ? (
          <>
            <DetailList
              items={[
                { key: 'full_name', label: t('fields.fullName'), value: identity.full_name ?? '—' },
                { key: 'phone', label: t('fields.phone'), value: identity.phone ?? '—' },
                { key: 'id_number', label: t('fields.idNumber'), value: identity.id_number ?? '—' },
                { key: 'notes', label: t('fields.notes'), value: identity.notes ?? '—' },
              ]}
            />
            <p className="muted small">{t('identityAudited')}</p>
          </>
        ) : (
          <p className="muted">{t('identityHidden')}</p>
        )}
      </section>
    </>
  );
}
