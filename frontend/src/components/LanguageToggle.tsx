import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '@/lib/i18n';

/** Switches between Vietnamese and English; the choice is kept in localStorage. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const current = i18n.language as Language;
  return (
    <div className="lang-toggle" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          className={`lang-toggle__btn${current === lng ? ' is-active' : ''}`}
          aria-pressed={current === lng}
          lang={lng}
          data-testid={`lang-${lng}`}
          onClick={() => void setLanguage(lng)}
          title={t(`language.${lng}`)}
        >
          {t(`language.short.${lng}`)}
        </button>
      ))}
    </div>
  );
}
