import { useTranslation } from 'react-i18next';
import {
  PERIOD_KINDS,
  parsePeriod,
  periodCode,
  periodContaining,
  periodsPerYear,
  todayInVietnam,
  type Period,
  type PeriodKind,
} from '@/lib/period';

const ROMAN = ['I', 'II', 'III', 'IV'];

interface PeriodPickerProps {
  /** A period code (2026Q4, 2026-06, 2026S1, 2026), or null/'' for "every period" when `allowAll`. */
  value: string | null | undefined;
  onChange: (code: string | null) => void;
  /** Offer "every period" (a list filter). */
  allowAll?: boolean;
  /** Years offered, newest first: from `lastYear` back to `firstYear`. */
  firstYear?: number;
  lastYear?: number;
  id?: string;
  disabled?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'data-testid'?: string;
}

function startMonth({ kind, index }: Period): number {
  if (kind === 'month') return index;
  if (kind === 'quarter') return 3 * index - 2;
  if (kind === 'half_year') return 6 * index - 5;
  return 1;
}

/** The period of another kind: the one holding today in the current year, else the one holding the old start. */
export function switchKind(period: Period, kind: PeriodKind, today = todayInVietnam()): Period {
  if (period.year === Number(today.slice(0, 4))) return periodContaining(kind, today);
  const month = String(startMonth(period)).padStart(2, '0');
  return periodContaining(kind, `${period.year}-${month}-01`);
}

/** Kind (month, quarter, six months, year) + which one + year, as three small selects. */
export function PeriodPicker({
  value,
  onChange,
  allowAll = false,
  firstYear = 2016,
  lastYear,
  id,
  disabled,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
  'data-testid': testId = 'period-picker',
}: PeriodPickerProps) {
  const { t } = useTranslation();
  const today = todayInVietnam();
  const period = parsePeriod(value);
  const newest = Math.max(lastYear ?? Number(today.slice(0, 4)), period?.year ?? 0);
  const years: number[] = [];
  for (let y = newest; y >= Math.min(firstYear, period?.year ?? firstYear); y -= 1) years.push(y);

  const indexLabel = (kind: PeriodKind, index: number): string =>
    kind === 'month'
      ? t('period.monthOption', { month: index })
      : kind === 'quarter'
        ? t('period.quarterOption', { roman: ROMAN[index - 1] })
        : t(index === 1 ? 'period.firstHalfOption' : 'period.secondHalfOption');

  return (
    <div className="period-picker" role="group" aria-label={t('period.label')} data-testid={testId}>
      <select
        id={id}
        aria-label={t('period.kindLabel')}
        aria-invalid={ariaInvalid}
        aria-describedby={ariaDescribedBy}
        disabled={disabled}
        value={period?.kind ?? ''}
        data-testid={`${testId}-kind`}
        onChange={(e) => {
          const kind = e.target.value as PeriodKind | '';
          if (!kind) onChange(null);
          else if (period) onChange(periodCode(switchKind(period, kind, today)));
          else onChange(periodCode(periodContaining(kind, today)));
        }}
      >
        {allowAll || !period ? <option value="">{t('period.all')}</option> : null}
        {PERIOD_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`period.kinds.${kind}`)}
          </option>
        ))}
      </select>
      {period && period.kind !== 'year' ? (
        <select
          aria-label={t(`period.kinds.${period.kind}`)}
          disabled={disabled}
          value={period.index}
          data-testid={`${testId}-index`}
          onChange={(e) => onChange(periodCode({ ...period, index: Number(e.target.value) }))}
        >
          {Array.from({ length: periodsPerYear(period.kind) }, (_, i) => i + 1).map((index) => (
            <option key={index} value={index}>
              {indexLabel(period.kind, index)}
            </option>
          ))}
        </select>
      ) : null}
      {period ? (
        <select
          aria-label={t('period.yearLabel')}
          disabled={disabled}
          value={period.year}
          data-testid={`${testId}-year`}
          onChange={(e) => onChange(periodCode({ ...period, year: Number(e.target.value) }))}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      ) : null}
    </div>
  );
}
