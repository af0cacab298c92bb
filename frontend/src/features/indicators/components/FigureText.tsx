import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';
import { formatFigure, isHidden, type Figure } from '../format';

/** One figure written out; a hidden cell is marked (data-hidden) and explained on hover, never a number. */
export function FigureText({ code, value, testId = 'figure' }: { code: string; value: Figure; testId?: string }) {
  const { t } = useTranslation();
  const hidden = isHidden(value);
  return (
    <span
      className={hidden ? 'figure figure--hidden' : 'figure'}
      data-testid={testId}
      data-code={code}
      data-hidden={hidden ? 'true' : undefined}
      title={hidden ? t('figures.hiddenTitle') : undefined}
    >
      {formatFigure(code, value, currentLanguage())}
    </span>
  );
}
