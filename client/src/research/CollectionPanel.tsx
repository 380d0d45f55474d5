/**
 * One collection of the research log: actions (add, CSV import and export), filters, and an
 * accessible table with edit and delete per row.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../shared/research.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { deleteRecord, exportUrl, type ResearchRecord } from '../api/research.ts';
import { FormDialog } from '../components/FormDialog.tsx';
import { FormField } from '../components/FormField.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { displayValue, recordLabel, searchable, type CollectionView, type DisplayContext, type FieldSpec } from './collections.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { OrganisationSelect, RecordDialog } from './RecordDialog.tsx';

export interface CollectionPanelProps {
  view: CollectionView;
  section: string;
  records: ResearchRecord[];
  organisations: Organisation[];
  ctx: DisplayContext;
  onCreated(record: ResearchRecord): void;
  onUpdated(record: ResearchRecord): void;
  onDeleted(id: string): void;
  onImported(count: number): void;
  notify(text: string, options?: { tone?: 'info' | 'error'; focus?: boolean }): void;
}

type Dialog = null | { mode: 'create' } | { mode: 'edit'; record: ResearchRecord } | { mode: 'delete'; record: ResearchRecord };

interface Filters {
  q: string;
  from: string;
  to: string;
  /** Enum and organisation filters by field name. */
  equals: Record<string, string>;
}

const NO_FILTERS: Filters = { q: '', from: '', to: '', equals: {} };

export function CollectionPanel({ view, section, records, organisations, ctx, onCreated, onUpdated, onDeleted, onImported, notify }: CollectionPanelProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const importId = useId();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [deleteState, setDeleteState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const filterFields = view.fields.filter((f) => f.filter);
  const filtered = filters.q !== '' || filters.from !== '' || filters.to !== '' || Object.values(filters.equals).some(Boolean);

  const visible = useMemo(() => {
    const needle = searchable(filters.q.trim());
    const searchFields = view.fields.filter((f) => f.searchable);
    return records.filter((record) => {
      for (const [field, value] of Object.entries(filters.equals)) if (value && record[field] !== value) return false;
      const day = typeof record.date === 'string' ? record.date : '';
      if (filters.from && day < filters.from) return false;
      if (filters.to && day > filters.to) return false;
      if (!needle) return true;
      const text = searchFields.map((f) => `${displayValue(f, record[f.name], ctx)} ${f.kind.type === 'date' ? String(record[f.name] ?? '') : ''}`).join(' ');
      return searchable(text).includes(needle);
    });
  }, [records, filters, view, ctx]);

  async function confirmDelete(record: ResearchRecord) {
    setDeleteState({ busy: true, error: null });
    try {
      await deleteRecord(view.name, record.id);
      setDialog(null);
      setDeleteState({ busy: false, error: null });
      onDeleted(record.id);
      notify(t('research:deleted', { label: recordLabel(view.name, record, ctx) }), { focus: true });
    } catch (err) {
      const error = isApiRequestError(err) && err.error === 'in-use' ? t('research:inUse') : errorMessage(t, err);
      setDeleteState({ busy: false, error });
    }
  }

  const caption = filtered ? t('research:captionFiltered', { section, shown: visible.length, total: records.length }) : t('research:captionAll', { section, total: records.length });
  const setEquals = (field: string, value: string) => setFilters((f) => ({ ...f, equals: { ...f.equals, [field]: value } }));

  return (
    <>
      <div className="panel-head">
        <h2>{section}</h2>
        <div className="panel-head__actions">
          <button type="button" className="button button--primary" onClick={() => setDialog({ mode: 'create' })}>
            <span aria-hidden="true" className="button__plus">
              +
            </span>
            {t(`research:add.${view.name}`)}
          </button>
          <button type="button" className="button" ref={importButton} aria-expanded={importing} aria-controls={importing ? importId : undefined} onClick={() => setImporting((v) => !v)}>
            {t('research:import.open')}
          </button>
          <a className="button" href={exportUrl(view.name)} download>
            {t('research:export.link')}
          </a>
        </div>
      </div>

      {importing && (
        <div id={importId}>
          <ImportPanel
            view={view}
            section={section}
            ctx={ctx}
            onClose={() => {
              setImporting(false);
              importButton.current?.focus();
            }}
            onImported={(count) => {
              setImporting(false);
              onImported(count);
              notify(t('research:import.imported', { count, section }), { focus: true });
            }}
          />
        </div>
      )}

      <div className="filters" role="search" aria-label={t('research:filters.label', { section })}>
        <FormField label={t('research:filters.search')} className="filters__search">
          {(control) => (
            <input {...control} type="search" autoComplete="off" placeholder={t('research:filters.searchPlaceholder')} value={filters.q} onChange={(e) => setFilters((f) => ({ ...f, q: e.target.value }))} />
          )}
        </FormField>
        {filterFields.map((field) => (
          <FilterControl key={field.name} field={field} filters={filters} organisations={organisations} setFilters={setFilters} setEquals={setEquals} />
        ))}
        {filtered && (
          <button type="button" className="button filters__clear" onClick={() => setFilters(NO_FILTERS)}>
            {t('research:filters.clear')}
          </button>
        )}
      </div>

      {records.length === 0 ? (
        <p className="empty">{t('research:empty')}</p>
      ) : (
        <TableWrap
          label={caption}
          after={
            visible.length === 0 && (
              <p className="empty empty--table" id={`${captionId}-none`}>
                {t('research:noMatches')}
              </p>
            )
          }
        >
          <table className="data-table" aria-describedby={visible.length === 0 ? `${captionId}-none` : undefined}>
            <caption id={captionId}>{caption}</caption>
            <thead>
              <tr>
                {view.fields.map((field) => (
                  <th key={field.name} scope="col" className={cellClass(field)}>
                    {field.label(t)}
                  </th>
                ))}
                <th scope="col" className="data-table__actions">
                  {t('research:actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((record) => {
                const label = recordLabel(view.name, record, ctx);
                return (
                  <tr key={record.id}>
                    {view.fields.map((field, index) => {
                      const content = <Cell field={field} value={record[field.name]} ctx={ctx} />;
                      return index === 0 ? (
                        <th key={field.name} scope="row" className={cellClass(field)}>
                          {content}
                        </th>
                      ) : (
                        <td key={field.name} className={cellClass(field)}>
                          {content}
                        </td>
                      );
                    })}
                    <td className="data-table__actions">
                      <div className="row-actions">
                        <button type="button" className="button button--small" aria-label={t('research:editRecord', { label })} onClick={() => setDialog({ mode: 'edit', record })}>
                          {t('research:edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small button--danger"
                          aria-label={t('research:deleteRecord', { label })}
                          onClick={() => {
                            setDeleteState({ busy: false, error: null });
                            setDialog({ mode: 'delete', record });
                          }}
                        >
                          {t('research:delete')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}

      {(dialog?.mode === 'create' || dialog?.mode === 'edit') && (
        <RecordDialog
          view={view}
          record={dialog.mode === 'edit' ? dialog.record : undefined}
          organisations={organisations}
          onClose={() => setDialog(null)}
          onSaved={(record, mode) => {
            setDialog(null);
            if (mode === 'create') onCreated(record);
            else onUpdated(record);
            notify(t(mode === 'create' ? 'research:created' : 'research:updated', { label: recordLabel(view.name, record, ctx) }));
          }}
        />
      )}
      {dialog?.mode === 'delete' && (
        <FormDialog
          tone="danger"
          title={t('research:confirmDeleteTitle')}
          description={t('research:confirmDeleteText', { label: recordLabel(view.name, dialog.record, ctx), section })}
          submitLabel={t('research:delete')}
          busyLabel={t('research:deleting')}
          cancelLabel={t('research:cancel')}
          busy={deleteState.busy}
          error={deleteState.error}
          onSubmit={() => void confirmDelete(dialog.record)}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}

function cellClass(field: FieldSpec): string | undefined {
  if (field.kind.type === 'int' || field.kind.type === 'track') return 'data-table__num';
  if (field.kind.type === 'date') return 'data-table__date';
  return undefined;
}

function Cell({ field, value, ctx }: { field: FieldSpec; value: unknown; ctx: DisplayContext }) {
  const text = displayValue(field, value, ctx);
  if (text === '') return <span className="data-table__none">—</span>;
  if (field.kind.type === 'date' && typeof value === 'string') return <time dateTime={value}>{text}</time>;
  if (field.kind.type === 'enum' && typeof value === 'string' && field.kind.values.includes(value)) {
    return <span className={`tag tag--${value}`}>{text}</span>;
  }
  return <>{text}</>;
}

interface FilterControlProps {
  field: FieldSpec;
  filters: Filters;
  organisations: Organisation[];
  setFilters(change: (f: Filters) => Filters): void;
  setEquals(field: string, value: string): void;
}

function FilterControl({ field, filters, organisations, setFilters, setEquals }: FilterControlProps) {
  const { t } = useTranslation();
  const kind = field.kind;
  if (kind.type === 'date') {
    return (
      <>
        <FormField label={t('research:filters.from')}>
          {(control) => <input {...control} type="date" value={filters.from} onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value }))} />}
        </FormField>
        <FormField label={t('research:filters.to')}>
          {(control) => <input {...control} type="date" value={filters.to} onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value }))} />}
        </FormField>
      </>
    );
  }
  if (kind.type === 'organisation') {
    return (
      <FormField label={field.label(t)}>
        {(control) => (
          <OrganisationSelect
            control={control}
            value={filters.equals[field.name] ?? ''}
            organisations={organisations}
            only={kind.only}
            emptyLabel={t('research:filters.allOrganisations')}
            onChange={(value) => setEquals(field.name, value)}
          />
        )}
      </FormField>
    );
  }
  if (kind.type === 'enum') {
    return (
      <FormField label={field.label(t)}>
        {(control) => (
          <select {...control} value={filters.equals[field.name] ?? ''} onChange={(e) => setEquals(field.name, e.target.value)}>
            <option value="">{t('research:filters.all')}</option>
            {kind.values.map((v) => (
              <option key={v} value={v}>
                {kind.optionLabel(t, v)}
              </option>
            ))}
          </select>
        )}
      </FormField>
    );
  }
  return null;
}
