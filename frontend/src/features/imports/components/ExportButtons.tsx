import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Can, type Permission } from '@/lib/can';
import { downloadExport, type ExportFilters, type ExportFormat } from '../api/export-list';

interface Props {
  resource: 'establishments' | 'clients' | 'contacts' | 'referrals' | 'peer-groups' | 'activities' | 'expenditures';
  permission: Permission;
  /** The list's current filters: the export holds exactly what the list shows. */
  filters: ExportFilters;
}

/** "CSV" and "Excel" buttons for a list the user can see. */
export function ExportButtons({ resource, permission, filters }: Props) {
  const { t } = useTranslation('imports');
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [failed, setFailed] = useState(false);
  const run = (format: ExportFormat) => {
    setBusy(format);
    setFailed(false);
    downloadExport(resource, format, filters)
      .catch(() => setFailed(true))
      .finally(() => setBusy(null));
  };
  return (
    <Can permission={permission}>
      <span className="export-buttons" role="group" aria-label={t('export.label')}>
        {(['csv', 'xlsx'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="btn btn--small"
            onClick={() => run(format)}
            disabled={busy !== null}
            data-testid={`export-${format}`}
          >
            {busy === format ? t('export.working') : t(`export.${format}`)}
          </button>
        ))}
        {failed ? (
          <span className="field__error" role="alert">
            {t('export.failed')}
          </span>
        ) : null}
      </span>
    </Can>
  );
}
