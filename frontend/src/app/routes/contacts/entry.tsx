import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { ContactForm, type RememberedContact } from '@/features/contacts/components/ContactForm';
import { contactBodyToForm, emptyContactForm } from '@/features/contacts/schemas';
import { OutboxList } from '@/features/offline/components/OutboxList';
import { useOutbox } from '@/features/offline/OutboxProvider';
import type { ContactCreate } from '@/lib/api-types';
import { useAuth } from '@/lib/auth';
import { Can } from '@/lib/can';
import { recall, remember } from '@/lib/remember';

/** "Ghi nhận tiếp cận": the peer educator's home screen. `?fix=<key>` corrects a refused record. */
export function ContactEntryRoute() {
  const { t } = useTranslation('contacts');
  const { t: tc } = useTranslation();
  const { user } = useAuth();
  const outbox = useOutbox();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fixKey = params.get('fix');
  const storageKey = `contact.last.${user?.id ?? ''}`;

  if (fixKey && !outbox.ready) return <Loading />;
  const fixing = fixKey ? outbox.entries.find((e) => e.key === fixKey && e.kind === 'contact') : undefined;
  const last = recall<RememberedContact>(storageKey);
  const initial = fixing
    ? contactBodyToForm(fixing.body as unknown as ContactCreate)
    : emptyContactForm({
        ...last,
        org_unit_id: last?.org_unit_id || user?.org_unit.id,
        client_code: params.get('code') ?? undefined,
      });
  const label =
    last?.org_unit_id && last.org_unit_id === initial.org_unit_id
      ? last.org_unit_label
      : initial.org_unit_id === user?.org_unit.id
        ? user?.org_unit.name
        : null;

  return (
    <div className="entry-page">
      <PageHeader
        title={fixing ? t('fixTitle') : t('entryTitle')}
        actions={
          <Can permission="contacts:read">
            <Link to="/contacts" className="btn btn--ghost" data-testid="contacts-list-link">
              {tc('nav.contacts')}
            </Link>
          </Can>
        }
      />
      <ContactForm
        key={fixing?.key ?? 'new'}
        initial={initial}
        initialOrgUnitLabel={label}
        fixKey={fixing?.key ?? null}
        onRemember={(next) => remember(storageKey, next)}
        onFixed={() => navigate('/contacts/new', { replace: true })}
        pickOnlyGroup={!last && !fixing}
      />
      <OutboxList kind="contact" hideWhenEmpty />
    </div>
  );
}
