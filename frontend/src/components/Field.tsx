import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  /**
   * One form control, which receives id, aria-invalid and aria-describedby; or a function
   * given those props (for controls wrapped in a react-hook-form <Controller>).
   */
  children: ReactElement<Record<string, unknown>> | ((props: ControlProps) => ReactNode);
}

/** Label + control + hint + error message, wired for screen readers. */
export function Field({ label, error, hint, required, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const controlId = typeof children !== 'function' ? ((children.props.id as string | undefined) ?? id) : id;
  const controlProps: ControlProps = {
    id: controlId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  const control =
    typeof children === 'function'
      ? children(controlProps)
      : isValidElement(children)
        ? cloneElement(children, controlProps as unknown as Record<string, unknown>)
        : children;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={controlId}>
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {control}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
