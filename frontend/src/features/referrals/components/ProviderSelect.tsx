import { forwardRef, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceType } from '@/lib/api-types';
import { useProvidersOf } from '../api/service-directory';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { service: ServiceType; orgUnit: string | null };

/** Providers of one service from the directory (`GET /service-directory?service=&org_unit=`). */
export const ProviderSelect = forwardRef<HTMLSelectElement, Props>(function ProviderSelect(
  { service, orgUnit, ...props },
  ref,
) {
  const { t } = useTranslation('referrals');
  const providers = useProvidersOf(service, orgUnit);
  const none = providers.isSuccess && providers.data.length === 0;
  return (
    <>
      <select ref={ref} {...props} disabled={props.disabled || providers.isPending}>
        <option value="">{t('refer.chooseProvider')}</option>
        {providers.data?.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
      {none ? <p className="field__hint">{t('refer.noProvider')}</p> : null}
    </>
  );
});
