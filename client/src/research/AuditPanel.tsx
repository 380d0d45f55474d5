/** The audit trail: who added, changed, deleted or imported which record, and when. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, CollectionName } from '../../../shared/research.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { listAudit } from '../api/research.ts';
import { FormField } from '../components/FormField.tsx';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { TableWrap } from '../components/TableWrap.tsx';
import { COLLECTIONS } from './constants.ts';
import { displayValue, formatMoment, recordLabel, VIEWS, type DisplayContext } from './collections.ts';
import { MAX_AUDIT_ENTRIES } from '../../../shared/researchValues.ts';

const PAGE = 100;

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; entries: AuditEntry[] };

export interface AuditPanelProps {
  /** Loads only while shown, and again whenever `version` changes. */
  active: boolean;
  version: number;
  section: string;
  ctx: DisplayContext;
}

export function AuditPanel({ active, version, section, ctx }: AuditPanelProps) {
  const { t } = useTranslation();
  const [collection, setCollection] = useState<CollectionName | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [retry, setRetry] = useState(0);

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    listAudit({ collection: collection || undefined, limit }, { signal: controller.signal }).then(
      (entries) => setState({ status: 'ready', entries }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [active, version, collection, limit, retry]);

  return (
    <>
      <div className="panel-head">
        <h2>{section}</h2>
      </div>
      <p className="page-hint">{t('research:audit.intro')}</p>
      <div className="filters" role="search" aria-label={t('research:filters.label', { section })}>
        <FormField label={t('research:audit.section')}>
          {(control) => (
            <select
              {...control}
              value={collection}
              onChange={(e) => {
                setCollection(e.target.value as CollectionName | '');
                setLimit(PAGE);
              }}
            >
              <option value="">{t('research:audit.allSections')}</option>
              {COLLECTIONS.map((c) => (
                <option key={c} value={c}>
                  {t(`research:tabs.${c}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>

      {state.status === 'loading' && <LoadingMessage />}
      {state.status === 'error' && (
        <div className="message message--error" role="alert">
          <p>
            {t('research:audit.loadFailed')} {errorMessage(t, state.error)}
          </p>
          <button type="button" className="button" onClick={() => setRetry((n) => n + 1)}>
            {t('research:retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.entries.length === 0 && <p className="empty">{t('research:audit.empty')}</p>}
      {state.status === 'ready' && state.entries.length > 0 && (
        <TableWrap
          label={t('research:audit.caption', { count: state.entries.length })}
          after={
            state.entries.length >= limit &&
            limit < MAX_AUDIT_ENTRIES && (
              <p className="table-note">
                <button type="button" className="button" onClick={() => setLimit((n) => Math.min(MAX_AUDIT_ENTRIES, n + 4 * PAGE))}>
                  {t('research:audit.loadMore')}
                </button>
              </p>
            )
          }
        >
          <table className="data-table data-table--audit">
            <caption>{t('research:audit.caption', { count: state.entries.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('research:audit.at')}</th>
                <th scope="col">{t('research:audit.user')}</th>
                <th scope="col">{t('research:audit.section')}</th>
                <th scope="col">{t('research:audit.action')}</th>
                <th scope="col">{t('research:audit.record')}</th>
                <th scope="col">{t('research:audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {state.entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} ctx={ctx} />
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

function AuditRow({ entry, ctx }: { entry: AuditEntry; ctx: DisplayContext }) {
  const { t } = useTranslation();
  const view = VIEWS[entry.collection];
  const record = entry.after ?? entry.before ?? {};
  const changes =
    entry.action === 'update' && entry.before && entry.after
      ? view.fields.flatMap((field) => {
          const before = entry.before?.[field.name] ?? null;
          const after = entry.after?.[field.name] ?? null;
          if (before === after) return [];
          const show = (v: unknown) => displayValue(field, v, ctx) || t('research:audit.emptyValue');
          return [{ field: field.label(t), before: show(before), after: show(after) }];
        })
      : [];

  return (
    <tr>
      <th scope="row" className="data-table__date">
        <time dateTime={entry.at}>{formatMoment(entry.at, ctx.language)}</time>
      </th>
      <td>{entry.user?.name ?? t('research:audit.system')}</td>
      <td>{t(`research:tabs.${entry.collection}`)}</td>
      <td>
        <span className={`tag tag--action-${entry.action}`}>{t(`research:audit.actions.${entry.action}`)}</span>
      </td>
      <td>{recordLabel(entry.collection, record, ctx)}</td>
      <td>
        {changes.length > 0 ? (
          <ul className="change-list">
            {changes.map((c) => (
              <li key={c.field}>
                <span className="change-list__field">{c.field}:</span> <span className="change-list__before">{c.before}</span>{' '}
                <span aria-hidden="true">→</span>
                <span className="visually-hidden"> {t('research:audit.changedTo')} </span> <span className="change-list__after">{c.after}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span className="data-table__none">—</span>
        )}
      </td>
    </tr>
  );
}
