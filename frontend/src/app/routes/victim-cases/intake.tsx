import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { IntakeForm } from '@/features/victim-cases/components/IntakeForm';

export function VictimIntakeRoute() {
  const { t } = useTranslation('victims');
  const navigate = useNavigate();
  return (
    <div className="entry-page">
      <PageHeader back={<Link to="/victim-cases">← {t('backToList')}</Link>} title={t('intakeTitle')} />
      <IntakeForm onCreated={(c) => navigate(`/victim-cases/${c.id}?created=1`)} />
    </div>
  );
}
