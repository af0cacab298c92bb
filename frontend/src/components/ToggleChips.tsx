import { useId, type ReactNode } from 'react';

export interface ChipOption<T extends string> {
  value: T;
  label: ReactNode;
}

interface CommonProps<T extends string> {
  legend: ReactNode;
  options: readonly ChipOption<T>[];
  hint?: ReactNode;
  error?: string;
  /** Prefix of each chip's data-testid: `${testId}-${value}`. */
  testId?: string;
  disabled?: boolean;
}

interface MultiProps<T extends string> extends CommonProps<T> {
  multiple?: true;
  value: readonly T[];
  onChange: (value: T[]) => void;
}

interface SingleProps<T extends string> extends CommonProps<T> {
  multiple: false;
  value: T | null;
  onChange: (value: T) => void;
}

/**
 * Large tap targets for a phone: several choices (toggle buttons, aria-pressed) or one choice
 * (a radio group). The order of `value` follows the order of `options`.
 */
export function ToggleChips<T extends string>(props: MultiProps<T> | SingleProps<T>) {
  const { legend, options, hint, error, testId = 'chip', disabled } = props;
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const single = props.multiple === false;

  function isOn(value: T): boolean {
    return props.multiple === false ? props.value === value : props.value.includes(value);
  }

  function toggle(value: T) {
    if (props.multiple === false) {
      props.onChange(value);
      return;
    }
    const on = props.value.includes(value);
    const next = options.map((o) => o.value).filter((v) => (v === value ? !on : props.value.includes(v)));
    props.onChange(next);
  }

  return (
    <fieldset className={`chips${error ? ' chips--error' : ''}`} aria-describedby={describedBy || undefined}>
      <legend className="chips__legend">{legend}</legend>
      <div className="chips__list" role={single ? 'radiogroup' : 'group'}>
        {options.map((option) => {
          const on = isOn(option.value);
          return (
            <button
              key={option.value}
              type="button"
              className={`chip${on ? ' is-on' : ''}`}
              data-testid={`${testId}-${option.value}`}
              disabled={disabled}
              {...(single ? { role: 'radio', 'aria-checked': on } : { 'aria-pressed': on })}
              onClick={() => toggle(option.value)}
            >
              <span className="chip__tick" aria-hidden="true">
                {on ? '✓' : ''}
              </span>
              {option.label}
            </button>
          );
        })}
      </div>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
