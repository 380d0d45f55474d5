/**
 * A labelled form control with an optional hint and error. The control receives the ids it
 * needs (aria-describedby, aria-invalid) through a render function, so any input, select or
 * textarea can sit inside.
 */
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FormFieldProps {
  label: string;
  hint?: string;
  error?: string | null;
  className?: string;
  children(control: ControlProps): ReactNode;
}

export function FormField({ label, hint, error, className, children }: FormFieldProps) {
  const ids = { control: useId(), hint: useId(), error: useId() };
  const describedBy = [error ? ids.error : null, hint ? ids.hint : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={ids.control}>{label}</label>
      {children({ id: ids.control, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={ids.hint} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.error} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
