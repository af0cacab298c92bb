import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '@/lib/api-types';
import { CASE_STEPS } from '../schemas';

/** under identification → identified → received → supported → reintegrated, the current one marked. */
export function CaseSteps({ status }: { status: CaseStatus }) {
  const { t: te } = useTranslation('enums');
  const current = CASE_STEPS.indexOf(status as (typeof CASE_STEPS)[number]);
  return (
    <ol className={`steps${status === 'closed' ? ' steps--closed' : ''}`} data-testid="case-steps">
      {CASE_STEPS.map((s, i) => (
        <li
          key={s}
          className={`steps__item${i < current ? ' is-done' : ''}${i === current ? ' is-current' : ''}`}
          aria-current={i === current ? 'step' : undefined}
        >
          {te(`caseStatus.${s}`)}
        </li>
      ))}
      {status === 'closed' ? <li className="steps__item is-current">{te('caseStatus.closed')}</li> : null}
    </ol>
  );
}
