import { FigureText } from '@/features/indicators/components/FigureText';
import { indicatorLabel } from '@/features/indicators/format';
import type { IndicatorValue } from '@/lib/api-types';
import { currentLanguage } from '@/lib/i18n';

/** The headline figures, one card each, labelled as the API names them in the reader's language. */
export function IndicatorCards({ cards }: { cards: IndicatorValue[] }) {
  const lang = currentLanguage();
  return (
    <div className="kpis" data-testid="indicator-cards">
      {cards.map((card) => (
        <div key={card.code} className="kpi card" data-testid="indicator-card" data-code={card.code}>
          <span className="kpi__value">
            <FigureText code={card.code} value={card.value} testId="card-value" />
          </span>
          <span className="kpi__label">{indicatorLabel(card, lang)}</span>
        </div>
      ))}
    </div>
  );
}
