import { useTranslation } from 'react-i18next';
import type { SharedClient } from '@/lib/api-types';

/** "Nữ · 18-24 · Người lao động tại cơ sở" — what a provider may know; name and phone only with consent. */
export function SharedClientLine({ client }: { client: SharedClient }) {
  const { t: te } = useTranslation('enums');
  const parts = [
    te(`sex.${client.sex}`),
    te(`ageGroup.${(client.age_group ?? 'unknown') as 'unknown'}`),
    client.group ? te(`clientGroup.${client.group}`) : null,
    client.full_name ?? null,
    client.phone ?? null,
  ].filter(Boolean);
  return <span className="muted small shared-client"> · {parts.join(' · ')}</span>;
}
