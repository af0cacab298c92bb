import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureText } from '@/features/indicators/components/FigureText';
import { categoryLabel, dimensionLabel, indicatorLabel } from '@/features/indicators/format';
import type { IndicatorValue } from '@/lib/api-types';
import { AGE_GROUPS, SEXES } from '@/lib/enums';
import { currentLanguage } from '@/lib/i18n';

/** The disaggregations every people indicator carries, as column groups — the office workbook's layout. */
export const COLUMN_GROUPS: { dimension: string; keys: readonly string[] }[] = [
  { dimension: 'sex', keys: SEXES },
  { dimension: 'age_group', keys: AGE_GROUPS },
  { dimension: 'group', keys: ['establishment_worker', 'sex_worker', 'trafficking_victim', 'at_risk', 'unknown'] },
];
const IN_COLUMNS = new Set(COLUMN_GROUPS.map((g) => g.dimension));

/** Breakdowns shown on request under their indicator (establishment type, service, exploitation…). */
export function otherBreakdowns(item: IndicatorValue): [string, Record<string, number | string>][] {
  return Object.entries(item.breakdown ?? {}).filter(([dim, cells]) => !IN_COLUMNS.has(dim) && cells);
}

/** Indicators as rows; total, sex, age group and client group as columns; other breakdowns expandable. */
export function ValuesTable({ values }: { values: IndicatorValue[] }) {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const width = 2 + COLUMN_GROUPS.reduce((n, g) => n + g.keys.length, 0);
  const toggle = (code: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('detail.values')}>
      <table className="table table--figures values-table" data-testid="values-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="values-table__name">
              {t('values.indicator')}
            </th>
            <th scope="col" rowSpan={2} className="num">
              {t('values.total')}
            </th>
            {COLUMN_GROUPS.map((g) => (
              <th key={g.dimension} scope="colgroup" colSpan={g.keys.length} className="values-table__group">
                {dimensionLabel(g.dimension, lang)}
              </th>
            ))}
          </tr>
          <tr>
            {COLUMN_GROUPS.flatMap((g) =>
              g.keys.map((key) => (
                <th key={`${g.dimension}.${key}`} scope="col" className="num">
                  {categoryLabel(g.dimension, key, lang)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {values.map((item) => {
            const label = indicatorLabel(item, lang);
            const others = otherBreakdowns(item);
            const expanded = open.has(item.code);
            return (
              <Fragment key={item.code}>
                <tr data-testid="value-row" data-code={item.code}>
                  <th scope="row" className="values-table__name">
                    {others.length ? (
                      <button
                        type="button"
                        className="expander"
                        aria-expanded={expanded}
                        aria-controls={`other-${item.code}`}
                        title={t(expanded ? 'values.hideOther' : 'values.showOther', { indicator: label })}
                        onClick={() => toggle(item.code)}
                        data-testid="value-expand"
                      >
                        <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {label}
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                  <td className="num values-table__total">
                    <FigureText code={item.code} value={item.value} testId="value-total" />
                  </td>
                  {COLUMN_GROUPS.flatMap((g) => {
                    const cells = item.breakdown?.[g.dimension];
                    return g.keys.map((key) => (
                      <td
                        key={`${g.dimension}.${key}`}
                        className="num"
                        data-dim={g.dimension}
                        data-key={key}
                        aria-label={cells ? undefined : t('values.notApplicable')}
                      >
                        {/* A category missing from a breakdown the indicator has is a zero, as in the workbook. */}
                        {cells ? <FigureText code={item.code} value={cells[key] ?? 0} testId="value-cell" /> : null}
                      </td>
                    ));
                  })}
                </tr>
                {expanded ? (
                  <tr id={`other-${item.code}`} className="table__detail" data-testid="value-other">
                    <td colSpan={width}>
                      <div className="breakdowns">
                        {others.map(([dim, cells]) => (
                          <dl key={dim} className="breakdown" data-dim={dim}>
                            <dt className="breakdown__title">{dimensionLabel(dim, lang)}</dt>
                            {Object.keys(cells).length === 0 ? (
                              <dd className="muted">{t('values.noOther')}</dd>
                            ) : (
                              Object.entries(cells).map(([key, value]) => (
                                <dd key={key} className="breakdown__item">
                                  <span>{categoryLabel(dim, key, lang)}</span>
                                  <FigureText code={item.code} value={value} testId="other-value" />
                                </dd>
                              ))
                            )}
                          </dl>
                        ))}
                      </div>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
