import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface StepperProps {
  label: ReactNode;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  testId?: string;
}

/** − [n] + with thumb-sized buttons; the number can also be typed. */
export function Stepper({ label, value, onChange, min = 0, max = 100000, step = 1, testId = 'stepper' }: StepperProps) {
  const { t } = useTranslation();
  const id = useId();
  const clamp = (n: number) => Math.min(max, Math.max(min, n));
  return (
    <div className="stepper" data-testid={testId}>
      <label htmlFor={id} className="stepper__label">
        {label}
      </label>
      <div className="stepper__control">
        <button
          type="button"
          className="stepper__btn"
          aria-label={t('stepper.decrease')}
          aria-controls={id}
          disabled={value <= min}
          onClick={() => onChange(clamp(value - step))}
          data-testid={`${testId}-minus`}
        >
          −
        </button>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          className="stepper__input"
          value={String(value)}
          onChange={(e) => {
            const digits = e.target.value.replace(/\D/g, '');
            onChange(clamp(digits === '' ? 0 : Number(digits)));
          }}
          onFocus={(e) => e.target.select()}
          data-testid={`${testId}-value`}
        />
        <button
          type="button"
          className="stepper__btn"
          aria-label={t('stepper.increase')}
          aria-controls={id}
          disabled={value >= max}
          onClick={() => onChange(clamp(value + step))}
          data-testid={`${testId}-plus`}
        >
          +
        </button>
      </div>
    </div>
  );
}
