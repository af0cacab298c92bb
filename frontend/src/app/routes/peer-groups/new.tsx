import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { PeerGroupForm } from '@/features/peer-groups/components/PeerGroupForm';
import { emptyGroup } from '@/features/peer-groups/schemas';
import { useAuth } from '@/lib/auth';

export function PeerGroupCreateRoute() {
  const { t } = useTranslation('peerGroups');
  const navigate = useNavigate();
  const { user } = useAuth();
  return (
    <>
      <PageHeader back={<Link to="/peer-groups">← {t('backToList')}</Link>} title={t('create.title')} />
      <PeerGroupForm
        mode="create"
        initial={emptyGroup(user?.org_unit.id ?? null)}
        initialOrgUnitLabel={user?.org_unit.name ?? null}
        onSaved={(id) => void navigate(`/peer-groups/${id}`)}
        onCancel={() => void navigate('/peer-groups')}
      />
    </>
  );
}
