import { useTranslation } from 'react-i18next';
import { DetailList } from '@/components/DetailList';
import type { Establishment } from '@/lib/api-types';
import { formatDate } from '@/lib/format';
import { RiskBadge } from './EstablishmentTable';

export function EstablishmentDetails({ establishment: e }: { establishment: Establishment }) {
  const { t, i18n } = useTranslation('establishments');
  const { t: te } = useTranslation('enums');
  const lang = i18n.language;
  const workers =
    e.workers_female === null && e.workers_male === null
      ? null
      : t('workersValue', { female: e.workers_female ?? 0, male: e.workers_male ?? 0 });
  return (
    <DetailList
      testId="establishment-details"
      items={[
        { key: 'type', label: t('fields.type'), value: te(`establishmentType.${e.type}`) },
        { key: 'status', label: t('fields.status'), value: te(`establishmentStatus.${e.status}`) },
        { key: 'org_unit', label: t('fields.orgUnit'), value: e.org_unit_name },
        { key: 'address', label: t('fields.address'), value: e.address },
        {
          key: 'commitment_signed_on',
          label: t('fields.commitmentSignedOn'),
          value: e.commitment_signed_on ? formatDate(e.commitment_signed_on, lang) : t('noCommitment'),
        },
        { key: 'risk_level', label: t('fields.riskLevel'), value: <RiskBadge level={e.risk_level} /> },
        { key: 'owner_name', label: t('fields.ownerName'), value: e.owner_name },
        {
          key: 'business_registration_no',
          label: t('fields.businessRegistrationNo'),
          value: e.business_registration_no,
        },
        { key: 'license_no', label: t('fields.licenseNo'), value: e.license_no },
        {
          key: 'license_expires_on',
          label: t('fields.licenseExpiresOn'),
          value: formatDate(e.license_expires_on, lang),
        },
        { key: 'workers', label: t('fields.workers'), value: workers },
        {
          key: 'location',
          label: t('fields.location'),
          value: e.latitude !== null && e.longitude !== null ? `${e.latitude}, ${e.longitude}` : null,
        },
        { key: 'external_id', label: t('fields.externalId'), value: e.external_id },
      ]}
    />
  );
}
