import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty } from '@/components/Status';
import { FigureText } from '@/features/indicators/components/FigureText';
import type { UnitRow } from '@/lib/api-types';
import { sortRank } from '../chart';

type SortKey = 'name' | string;
interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const PAGE = 15;

export function sortUnits(rows: UnitRow[], sort: Sort, locale: string): UnitRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * a.name.localeCompare(b.name, locale);
    const ra = sortRank(a.values[sort.key]);
    const rb = sortRank(b.values[sort.key]);
    // Blanks and hidden cells last whichever way the column is sorted.
    if (ra === null || rb === null) return ra === rb ? a.name.localeCompare(b.name, locale) : ra === null ? 1 : -1;
    return ra === rb ? a.name.localeCompare(b.name, locale) : sign * (ra - rb);
  });
}

/** The units below, one row each, sortable by any column; a unit's name opens its own dashboard. */
export function UnitTable({
  indicators: offered,
  rows,
  period,
}: {
  indicators: string[];
  rows: UnitRow[];
  period: string;
}) {
  const { t, i18n } = useTranslation('dashboard');
  // A column the API leaves empty for every unit (a rate withheld from aggregate-only readers) is left out.
  const indicators = offered.filter((code) =>
    rows.some((r) => r.values[code] !== null && r.values[code] !== undefined),
  );
  const [sort, setSort] = useState<Sort>({ key: indicators[0] ?? 'name', dir: 'desc' });
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => sortUnits(rows, sort, i18n.language), [rows, sort, i18n.language]);
  if (rows.length === 0) return <Empty>{t('units.none')}</Empty>;
  const shown = all ? sorted : sorted.slice(0, PAGE);
  const label = (code: string) => t(`short.${code}` as 'short.people_reached', { defaultValue: code });
  const header = (key: SortKey, text: string, numeric: boolean) => {
    const active = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="sort-button"
          data-testid={`sort-${key}`}
          title={t('units.sortBy', { column: text })}
          onClick={() =>
            setSort((s) =>
              s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: numeric ? 'desc' : 'asc' },
            )
          }
        >
          {text}
          <span aria-hidden="true" className="sort-button__arrow">
            {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <>
      <div className="table-scroll">
        <table className="table table--figures unit-table" data-testid="unit-table">
          <thead>
            <tr>
              {header('name', t('units.unit'), false)}
              {indicators.map((code) => header(code, label(code), true))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.org_unit_id} data-testid="unit-row" data-unit={row.name}>
                <th scope="row" className="table__primary unit-table__name">
                  <Link
                    to={`/dashboard?org_unit=${row.org_unit_id}&period=${period}`}
                    title={t('units.drillDown', { unit: row.name })}
                  >
                    {row.name}
                  </Link>
                </th>
                {indicators.map((code) => (
                  <td key={code} className="num">
                    <FigureText code={code} value={row.values[code]} testId="unit-value" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > PAGE ? (
        <div className="load-more">
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => setAll((a) => !a)}
            data-testid="units-toggle"
          >
            {all ? t('units.showFewer') : t('units.showAll', { count: rows.length })}
          </button>
        </div>
      ) : null}
    </>
  );
}
