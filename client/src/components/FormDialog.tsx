/**
 * A modal form in a native <dialog>: the browser traps focus and closes on Escape, and focus
 * returns to the control that opened it. The caller owns the fields, the busy state and the
 * errors; a form-level error appears above the buttons as an alert.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

export interface FormDialogProps {
  title: string;
  /** A line under the title, e.g. what the action will do. */
  description?: string;
  submitLabel: string;
  busyLabel: string;
  cancelLabel: string;
  busy: boolean;
  error?: string | null;
  /** Destructive confirmations get a red button and the alertdialog role. */
  tone?: 'default' | 'danger';
  onSubmit(): void;
  onClose(): void;
  children?: ReactNode;
  /** Wider dialog for forms with several fields side by side. */
  wide?: boolean;
}

export function FormDialog({ title, description, submitLabel, busyLabel, cancelLabel, busy, error, tone = 'default', onSubmit, onClose, children, wide }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const ids = { heading: useId(), description: useId(), error: useId() };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) onSubmit();
  }

  const describedBy = [description ? ids.description : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined;

  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      role={tone === 'danger' ? 'alertdialog' : undefined}
      aria-labelledby={ids.heading}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form className="form" onSubmit={submit} noValidate>
        <h2 id={ids.heading} className="dialog__title">
          {title}
        </h2>
        {description && (
          <p id={ids.description} className="dialog__text">
            {description}
          </p>
        )}
        {children}
        {error && (
          <p id={ids.error} className="message message--error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {cancelLabel}
          </button>
          <button type="submit" className={`button ${tone === 'danger' ? 'button--danger-solid' : 'button--primary'}`} aria-disabled={busy || undefined}>
            {busy ? busyLabel : submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
