import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { PlanForm } from '@/features/plans/components/PlanForm';
import { emptyPlan } from '@/features/plans/schemas';
import { useAuth } from '@/lib/auth';

export function PlanCreateRoute() {
  const { t } = useTranslation('plans');
  const navigate = useNavigate();
  const { user } = useAuth();
  return (
    <>
      <PageHeader back={<Link to="/plans">← {t('backToList')}</Link>} title={t('create.title')} />
      <PlanForm
        initial={emptyPlan(user?.org_unit.id ?? null)}
        initialOrgUnitLabel={user?.org_unit.name ?? null}
        onSaved={(id) => void navigate(`/plans/${id}?created=1`)}
        onCancel={() => void navigate('/plans')}
      />
    </>
  );
}
