/**
 * A native modal <dialog> for the editor's small forms: the browser traps focus and closes
 * on Escape, and focus returns to where it was (the editor or the toolbar) afterwards.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

export interface ModalDialogProps {
  title: string;
  busy?: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  onClose(): void;
  children: ReactNode;
  actions: ReactNode;
  /** Extra class for the <dialog>, e.g. a wider one. */
  className?: string;
}

export function ModalDialog({ title, busy = false, onSubmit, onClose, children, actions, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('input:not([type=hidden])')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onSubmit(event);
        }}
      >
        <h2 id={headingId} className="dialog__title">
          {title}
        </h2>
        {children}
        <div className="dialog__actions">{actions}</div>
      </form>
    </dialog>
  );
}
