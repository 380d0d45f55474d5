/**
 * A short confirmation after an action ("… has been moved to the trash"), announced politely,
 * with an optional action such as Undo. The live region stays mounted so that every new
 * message is announced.
 */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface NoticeData {
  id: number;
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run(): void };
}

export interface NoticeProps {
  notice: NoticeData | null;
  onDismiss(): void;
  /** The message box, so a caller can move focus to it after the focused item disappeared. */
  ref?: Ref<HTMLDivElement>;
}

export function Notice({ notice, onDismiss, ref }: NoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="notice-slot" role="status">
      {notice && (
        <div className={`notice notice--${notice.tone ?? 'info'}`} key={notice.id} ref={ref} tabIndex={-1}>
          <p className="notice__text">{notice.text}</p>
          {notice.action && (
            <button type="button" className="button button--small" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          <button type="button" className="button button--icon" aria-label={t('decks:dismiss')} title={t('decks:dismiss')} onClick={onDismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
