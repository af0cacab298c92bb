import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '@/lib/api-types';

interface Props {
  candidates: DuplicateCandidate[];
  /** The contact is about this registered person: use their card code. */
  onLink: (candidate: DuplicateCandidate) => void;
  /** None of them: register a new person anyway. */
  onCreateNew: () => void;
  onCancel?: () => void;
  busy?: boolean;
}

/**
 * "This person may already be registered": the API's candidates with their codes. A name is shown
 * only when the API sent one (roles allowed to see identities); nothing is ever guessed.
 */
export function DuplicateCandidates({ candidates, onLink, onCreateNew, onCancel, busy }: Props) {
  const { t } = useTranslation('clients');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  return (
    <section className="duplicates" role="alertdialog" aria-labelledby="dup-title" data-testid="duplicate-candidates">
      <h2 id="dup-title">{t('duplicates.title')}</h2>
      <p>{t('duplicates.body', { count: candidates.length })}</p>
      <ul className="duplicates__list">
        {candidates.map((c) => (
          <li key={c.id} className="duplicates__item" data-testid="duplicate-candidate">
            <div>
              <strong className="mono">{c.code}</strong>
              {c.full_name ? <span data-testid="duplicate-name"> · {c.full_name}</span> : null}
              <div className="muted small">
                {te(`sex.${c.sex}`)}
                {c.birth_year ? ` · ${t('bornIn', { year: c.birth_year })}` : ''}
                {' · '}
                {te(`duplicateMatch.${c.match === 'same_name' ? 'same_name' : 'same_given_name'}`)}
              </div>
            </div>
            <button
              type="button"
              className="btn btn--primary"
              disabled={busy}
              onClick={() => onLink(c)}
              data-testid={`duplicate-link-${c.code}`}
            >
              {t('duplicates.link')}
            </button>
          </li>
        ))}
      </ul>
      <div className="form__actions">
        <button
          type="button"
          className="btn btn--secondary"
          disabled={busy}
          onClick={onCreateNew}
          data-testid="duplicate-create-new"
        >
          {t('duplicates.createNew')}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn--ghost" onClick={onCancel} disabled={busy}>
            {tc('actions.cancel')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
