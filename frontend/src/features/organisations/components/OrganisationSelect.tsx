import { forwardRef, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '@/lib/can';
import { useOrganisationChoices } from '../api/list-organisations';

/** <select> of organisations (first 500), with an empty "none" choice. */
export const OrganisationSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(
  function OrganisationSelect(props, ref) {
    const { t } = useTranslation();
    const choices = useOrganisationChoices(useCan('organisations:read'));
    return (
      <select ref={ref} {...props}>
        <option value="">{t('none')}</option>
        {choices.data?.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    );
  },
);
