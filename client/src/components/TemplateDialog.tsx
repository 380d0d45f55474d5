/**
 * "New from template": choose a template (radio buttons with their descriptions), enter
 * the period that is filled into its slides and a title (suggested from both until the
 * user types one), then create the deck.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeckSummary } from '../../../shared/api.ts';
import { MAX_TITLE_LENGTH } from '../../../shared/limits.ts';
import { createDeckFromTemplate, listTemplates, type TemplateInfo } from '../api/deckFiles.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { FormDialog } from './FormDialog.tsx';
import { FormField } from './FormField.tsx';
import { LoadingMessage } from './LoadingMessage.tsx';
import '../styles/deckFiles.css';
import { MAX_PERIOD_LENGTH } from '../../../shared/limits.ts';

/** The server's limit for a period (CreateDeckRequest). */

type TemplatesState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; templates: TemplateInfo[] };

interface FieldErrors {
  template?: string;
  period?: string;
  title?: string;
}

export interface TemplateDialogProps {
  onCreated(deck: DeckSummary): void;
  onClose(): void;
}

export function TemplateDialog({ onCreated, onClose }: TemplateDialogProps) {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<TemplatesState>({ status: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [templateId, setTemplateId] = useState('');
  const [period, setPeriod] = useState('');
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [requestError, setRequestError] = useState<unknown>(null);
  const radioName = useId();
  const choiceRef = useRef<HTMLFieldSetElement>(null);
  const periodRef = useRef<HTMLInputElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setTemplates({ status: 'loading' });
    listTemplates({ signal: controller.signal }).then(
      (list) => {
        setTemplates({ status: 'ready', templates: list });
        setTemplateId((current) => current || list[0]?.id || '');
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setTemplates({ status: 'error', error: err });
      },
    );
    return () => controller.abort();
  }, [reloadKey]);

  // Once the templates are there, the chosen one takes the focus (the dialog opened on Cancel).
  const ready = templates.status === 'ready' && templates.templates.length > 0;
  useEffect(() => {
    if (ready) choiceRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [ready]);

  const chosen = templates.status === 'ready' ? templates.templates.find((tpl) => tpl.id === templateId) : undefined;
  const suggestion = chosen && period.trim() ? t('templates:suggestedTitle', { template: chosen.title, period: period.trim() }) : (chosen?.title ?? '');
  const shownTitle = titleEdited ? title : suggestion;

  async function submit() {
    if (!ready || busy) return;
    const next: FieldErrors = {};
    if (!chosen) next.template = t('templates:chooseTemplate');
    if (!period.trim()) next.period = t('templates:periodRequired');
    if (!shownTitle.trim()) next.title = t('templates:titleRequired');
    setErrors(next);
    setRequestError(null);
    if (next.template) {
      choiceRef.current?.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    if (next.period) {
      periodRef.current?.focus();
      return;
    }
    if (next.title) {
      titleRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const deck = await createDeckFromTemplate(shownTitle.trim(), templateId, period.trim());
      onCreated(deck);
    } catch (err) {
      setRequestError(err);
      setBusy(false);
    }
  }

  return (
    <FormDialog
      title={t('templates:title')}
      description={t('templates:intro')}
      submitLabel={t('templates:create')}
      busyLabel={t('templates:creating')}
      cancelLabel={t('templates:cancel')}
      busy={busy}
      error={requestError ? errorMessage(t, requestError) : null}
      onSubmit={() => void submit()}
      onClose={onClose}
      wide
    >
      {templates.status === 'loading' && <LoadingMessage text={t('templates:loading')} />}
      {templates.status === 'error' && (
        <div className="message message--error" role="alert">
          <p>
            {t('templates:loadFailed')} {errorMessage(t, templates.error)}
          </p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t('templates:retry')}
          </button>
        </div>
      )}
      {templates.status === 'ready' && templates.templates.length === 0 && <p className="message message--info">{t('templates:none')}</p>}
      {ready && templates.status === 'ready' && (
        <>
          <fieldset ref={choiceRef} className="template-choice">
            <legend>{t('templates:template')}</legend>
            <div className="template-choice__options">
              {templates.templates.map((tpl) => {
                const descriptionId = `${radioName}-${tpl.id}`;
                return (
                  <label key={tpl.id} className="template-option">
                    <input
                      type="radio"
                      name={radioName}
                      value={tpl.id}
                      checked={tpl.id === templateId}
                      aria-describedby={tpl.description ? descriptionId : undefined}
                      onChange={() => setTemplateId(tpl.id)}
                    />
                    <span className="template-option__title">{tpl.title}</span>
                    {tpl.description && (
                      <span id={descriptionId} className="template-option__description">
                        {tpl.description}
                      </span>
                    )}
                  </label>
                );
              })}
            </div>
            {errors.template && <p className="field__error">{errors.template}</p>}
          </fieldset>
          <FormField label={t('templates:period')} hint={t('templates:periodHint')} error={errors.period}>
            {(control) => (
              <input
                {...control}
                ref={periodRef}
                name="period"
                autoComplete="off"
                maxLength={MAX_PERIOD_LENGTH}
                value={period}
                onChange={(event) => setPeriod(event.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('templates:titleLabel')} hint={t('templates:titleHint')} error={errors.title}>
            {(control) => (
              <input
                {...control}
                ref={titleRef}
                name="title"
                autoComplete="off"
                maxLength={MAX_TITLE_LENGTH}
                value={shownTitle}
                onChange={(event) => {
                  setTitleEdited(true);
                  setTitle(event.target.value);
                }}
              />
            )}
          </FormField>
        </>
      )}
    </FormDialog>
  );
}
