/**
 * Ending a session: end it now (the audience sees that it has ended), or keep the slides
 * shown in it readable on the deck's links until a date, at most MAX_KEEP_AVAILABLE_DAYS
 * ahead (the server checks the same limit).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_KEEP_AVAILABLE_DAYS } from '../../../shared/limits.ts';
import { FormDialog } from '../components/FormDialog.tsx';
import { FormField } from '../components/FormField.tsx';
import { fromLocalInput, toLocalInput, tomorrowEvening } from '../share/linkStatus.ts';

const DAY_MS = 86_400_000;

export interface EndSessionDialogProps {
  busy: boolean;
  error: string | null;
  onEnd(keepUntil?: string): void;
  onClose(): void;
}

export function EndSessionDialog({ busy, error, onEnd, onClose }: EndSessionDialogProps) {
  const { t } = useTranslation();
  const [keep, setKeep] = useState(false);
  const [until, setUntil] = useState(() => toLocalInput(tomorrowEvening()));
  const [untilError, setUntilError] = useState<string | null>(null);
  const name = useId();
  const days = MAX_KEEP_AVAILABLE_DAYS;

  function submit() {
    if (!keep) {
      onEnd();
      return;
    }
    const time = fromLocalInput(until);
    const now = Date.now();
    if (!time || time.getTime() <= now || time.getTime() > now + days * DAY_MS) {
      setUntilError(t('present:keepInvalid', { days }));
      return;
    }
    setUntilError(null);
    onEnd(time.toISOString());
  }

  return (
    <FormDialog
      title={t('present:endTitle')}
      description={t('present:endDescription')}
      submitLabel={t('present:endConfirm')}
      busyLabel={t('present:ending')}
      cancelLabel={t('present:endCancel')}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <fieldset className="end-session">
        <legend className="visually-hidden">
          {t('present:endChoice')}
        </legend>
        <label className="end-session__choice">
          <input type="radio" name={name} checked={!keep} onChange={() => setKeep(false)} />
          <span>{t('present:endNow')}</span>
        </label>
        <label className="end-session__choice">
          <input type="radio" name={name} checked={keep} onChange={() => setKeep(true)} />
          <span>{t('present:endKeep')}</span>
        </label>
        <FormField label={t('present:keepUntil')} hint={t('present:keepHint', { days })} error={untilError} className="end-session__until">
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              disabled={!keep}
              min={toLocalInput(new Date())}
              max={toLocalInput(new Date(Date.now() + days * DAY_MS))}
              value={until}
              onChange={(event) => setUntil(event.target.value)}
            />
          )}
        </FormField>
      </fieldset>
    </FormDialog>
  );
}
