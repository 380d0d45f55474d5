/**
 * Adds, changes or removes a link. What the user types is checked by normalizeLinkInput:
 * only http, https and mailto addresses become links; javascript:, data: and the like are
 * refused with an explanation, never stored.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog.tsx';
import { normalizeLinkInput } from './safeUrl.ts';

export interface LinkDialogProps {
  initialHref: string;
  onApply(href: string): void;
  onRemove(): void;
  onClose(): void;
}

export function LinkDialog({ initialHref, onApply, onRemove, onClose }: LinkDialogProps) {
  const { t } = useTranslation();
  const ids = { input: useId(), hint: useId(), error: useId() };
  const [value, setValue] = useState(initialHref);
  const [error, setError] = useState<'empty' | 'protocol' | 'invalid' | null>(null);

  return (
    <ModalDialog
      title={t('editor:link.title')}
      onClose={onClose}
      onSubmit={() => {
        const result = normalizeLinkInput(value);
        if (!result.ok) {
          setError(result.reason);
          return;
        }
        onApply(result.href);
      }}
      actions={
        <>
          {initialHref && (
            <button type="button" className="button button--danger" onClick={onRemove}>
              {t('editor:link.remove')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('editor:link.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('editor:link.apply')}
          </button>
        </>
      }
    >
      <div className="field">
        <label htmlFor={ids.input}>{t('editor:link.url')}</label>
        <input
          id={ids.input}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={[ids.hint, error ? ids.error : null].filter(Boolean).join(' ')}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
        />
        <p id={ids.hint} className="field__hint">
          {t('editor:link.hint')}
        </p>
        {error && (
          <p id={ids.error} className="field__error" role="alert">
            {t(`editor:link.${error}`)}
          </p>
        )}
      </div>
    </ModalDialog>
  );
}
