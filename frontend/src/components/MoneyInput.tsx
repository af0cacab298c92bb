import { forwardRef, useEffect, useState, type InputHTMLAttributes } from 'react';
import { formatVndInput, parseVnd } from '@/lib/format';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: number | null | undefined;
  /** Receives the integer amount, null when empty, NaN when the text is not an amount. */
  onChange: (value: number | null) => void;
};

/** Integer VND input accepting "1.500.000" or "1500000"; re-groups digits on blur. */
export const MoneyInput = forwardRef<HTMLInputElement, Props>(function MoneyInput(
  { value, onChange, onBlur, ...rest },
  ref,
) {
  const [text, setText] = useState(() => formatVndInput(value));
  // Follow outside changes of the value (form reset), not the ones this input made.
  useEffect(() => {
    if (typeof value === 'number' && Number.isNaN(value)) return;
    setText((current) => (parseVnd(current) === (value ?? null) ? current : formatVndInput(value)));
  }, [value]);
  return (
    <div className="money-input">
      <input
        {...rest}
        ref={ref}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseVnd(e.target.value));
        }}
        onBlur={(e) => {
          const parsed = parseVnd(text);
          if (parsed !== null && !Number.isNaN(parsed)) setText(formatVndInput(parsed));
          onBlur?.(e);
        }}
      />
      <span className="money-input__unit" aria-hidden="true">
        ₫
      </span>
    </div>
  );
});
