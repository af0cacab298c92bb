import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';

/** A secret the server shows only once: copy it now; it cannot be read again. */
export function SecretOnce({ label, secret, onClose }: { label: string; secret: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="secret-once" role="alertdialog" aria-labelledby="secret-once-title" data-testid="secret-once">
      <Alert kind="warning" title={<span id="secret-once-title">{t('secret.title')}</span>}>
        {t('secret.warning')}
      </Alert>
      <label className="field">
        <span>{label}</span>
        <div className="secret-once__row">
          <input
            type="text"
            readOnly
            value={secret}
            className="mono"
            onFocus={(e) => e.target.select()}
            data-testid="secret-value"
          />
          <button
            type="button"
            className="btn btn--primary"
            data-testid="secret-copy"
            onClick={() => {
              void navigator.clipboard?.writeText(secret).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? t('actions.copied') : t('actions.copy')}
          </button>
        </div>
      </label>
      <div className="form__actions">
        <button type="button" className="btn btn--secondary" onClick={onClose} data-testid="secret-done">
          {t('secret.done')}
        </button>
      </div>
    </div>
  );
}
