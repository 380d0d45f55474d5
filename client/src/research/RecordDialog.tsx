/**
 * Add or edit one record of a collection in a modal form. The server validates; its field
 * errors appear under the matching field and the first bad field takes the focus.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/research.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { createRecord, updateRecord, type ResearchRecord } from '../api/research.ts';
import { FormDialog } from '../components/FormDialog.tsx';
import { FormField, type ControlProps } from '../components/FormField.tsx';
import { ORGANISATION_KINDS } from './constants.ts';
import { toFormValues, toPayload, type CollectionView, type FieldSpec, type FormValues } from './collections.ts';
import { fieldErrorText } from './fieldErrors.ts';
import { MAX_TRACK, MIN_TRACK } from '../../../shared/researchValues.ts';

export interface RecordDialogProps {
  view: CollectionView;
  /** The record to edit; without it the dialog adds a new one. */
  record?: ResearchRecord;
  organisations: Organisation[];
  onSaved(record: ResearchRecord, mode: 'create' | 'edit'): void;
  onClose(): void;
}

type FieldErrors = Partial<Record<string, { field: string; message: string }>>;

export function RecordDialog({ view, record, organisations, onSaved, onClose }: RecordDialogProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(() => (record ? toFormValues(view, record) : view.defaults()));
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ err: unknown; extra: string[] } | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const focusInvalid = useRef(false);

  useEffect(() => {
    if (!focusInvalid.current) return;
    focusInvalid.current = false;
    bodyRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [fieldErrors]);

  async function submit() {
    setBusy(true);
    setFailure(null);
    try {
      const body = toPayload(view, values);
      const saved = record ? await updateRecord(view.name, record.id, body) : await createRecord(view.name, body);
      onSaved(saved, record ? 'edit' : 'create');
    } catch (err) {
      const next: FieldErrors = {};
      const extra: string[] = [];
      if (isApiRequestError(err)) {
        for (const problem of err.fields) {
          const shown = view.fields.some((f) => f.name === problem.field && (!f.shownWhen || f.shownWhen(values)));
          if (shown) next[problem.field] ??= problem;
          else extra.push(problem.message);
        }
      }
      focusInvalid.current = true;
      setFieldErrors(next);
      setFailure({ err, extra });
      setBusy(false);
    }
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError = failure
    ? hasFieldErrors && failure.extra.length === 0
      ? t('research:checkFields')
      : [errorMessage(t, failure.err), ...failure.extra].join(' ')
    : null;

  const set = (name: string, value: string) => setValues((current) => ({ ...current, [name]: value }));

  return (
    <FormDialog
      title={record ? t(`research:editTitle.${view.name}`) : t(`research:add.${view.name}`)}
      submitLabel={t('research:save')}
      busyLabel={t('research:saving')}
      cancelLabel={t('research:cancel')}
      busy={busy}
      error={formError}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="record-form" ref={bodyRef}>
        {view.fields
          .filter((field) => !field.shownWhen || field.shownWhen(values))
          .map((field) => {
            const problem = fieldErrors[field.name];
            return (
              <FormField
                key={field.name}
                label={field.label(t)}
                hint={field.hint?.(t)}
                error={problem ? fieldErrorText(t, view.name, problem.field, problem.message, 'form') : null}
                className={field.kind.type === 'text' && field.kind.multiline ? 'record-form__wide' : undefined}
              >
                {(control) => <FieldControl field={field} control={control} value={values[field.name] ?? ''} organisations={organisations} onChange={(value) => set(field.name, value)} />}
              </FormField>
            );
          })}
      </div>
    </FormDialog>
  );
}

interface FieldControlProps {
  field: FieldSpec;
  control: ControlProps;
  value: string;
  organisations: Organisation[];
  onChange(value: string): void;
}

function FieldControl({ field, control, value, organisations, onChange }: FieldControlProps) {
  const { t } = useTranslation();
  const kind = field.kind;
  switch (kind.type) {
    case 'text':
      return kind.multiline ? (
        <textarea {...control} rows={3} maxLength={kind.maxLength} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...control} type="text" autoComplete="off" maxLength={kind.maxLength} value={value} onChange={(e) => onChange(e.target.value)} />
      );
    case 'date':
      return <input {...control} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'int':
      return <input {...control} type="number" inputMode="numeric" min={kind.min} max={kind.max} step={1} value={value} onChange={(e) => onChange(e.target.value)} />;
    case 'track':
      return (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          {value === '' && <option value="">{t('research:choose')}</option>}
          {Array.from({ length: MAX_TRACK - MIN_TRACK + 1 }, (_, i) => MIN_TRACK + i).map((n) => (
            <option key={n} value={String(n)}>
              {t('research:trackValue', { track: n })}
            </option>
          ))}
        </select>
      );
    case 'enum':
      return (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('research:choose')}</option>
          {kind.values.map((v) => (
            <option key={v} value={v}>
              {kind.optionLabel(t, v)}
            </option>
          ))}
        </select>
      );
    case 'organisation':
      return <OrganisationSelect control={control} value={value} organisations={organisations} only={kind.only} onChange={onChange} />;
  }
}

export interface OrganisationSelectProps {
  control: ControlProps;
  value: string;
  organisations: Organisation[];
  only?: Organisation['kind'];
  /** The first option: "Choose…" in forms, "All organisations" in filters. */
  emptyLabel?: string;
  onChange(value: string): void;
}

const byName = (a: Organisation, b: Organisation): number => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

/** Organisations by name, grouped by kind (municipalities, partners, …). */
export function OrganisationSelect({ control, value, organisations, only, emptyLabel, onChange }: OrganisationSelectProps) {
  const { t } = useTranslation();
  const kinds = only ? [only] : ORGANISATION_KINDS;
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel ?? t('research:choose')}</option>
      {kinds.map((kind) => {
        const members = organisations.filter((o) => o.kind === kind).sort(byName);
        if (members.length === 0) return null;
        return (
          <optgroup key={kind} label={t(`research:kindGroups.${kind}`)}>
            {members.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
