/**
 * `/research`: the research log. One tab per collection (table, filters, add / edit / delete,
 * CSV import with a checked preview, CSV export) and the audit trail.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CollectionName } from '../../../shared/research.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { listRecords, type ResearchData, type ResearchRecord } from '../api/research.ts';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { Notice, type NoticeData } from '../components/Notice.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { currentLanguage } from '../i18n/index.ts';
import { AuditPanel } from './AuditPanel.tsx';
import { VIEWS, type DisplayContext } from './collections.ts';
import { COLLECTIONS } from './constants.ts';
import { CollectionPanel } from './CollectionPanel.tsx';
import { Tabs, useTabIds } from './Tabs.tsx';
import '../styles/data.css';

type TabId = CollectionName | 'audit';
const TAB_IDS: readonly TabId[] = [...COLLECTIONS, 'audit'];
const isTab = (value: string): value is TabId => (TAB_IDS as readonly string[]).includes(value);

type DataState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: ResearchData };

async function loadAll(signal: AbortSignal): Promise<ResearchData> {
  const [organisations, interviews, damocles, agreements, events] = await Promise.all([
    listRecords('organisations', { signal }),
    listRecords('interviews', { signal }),
    listRecords('damocles', { signal }),
    listRecords('agreements', { signal }),
    listRecords('events', { signal }),
  ]);
  return { organisations, interviews, damocles, agreements, events };
}

let noticeCounter = 0;

export default function ResearchPage() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const tabIds = useTabIds<TabId>();
  const [active, setActive] = useState<TabId>(() => {
    const hash = location.hash.replace(/^#/, '');
    return isTab(hash) ? hash : 'organisations';
  });
  const [state, setState] = useState<DataState>({ status: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [auditVersion, setAuditVersion] = useState(0);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);
  useDocumentTitle(t('research:title'));

  useEffect(() => {
    const controller = new AbortController();
    loadAll(controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [reloadKey]);

  useEffect(() => {
    if (focusNotice.current && notice) {
      focusNotice.current = false;
      noticeRef.current?.focus();
    }
  }, [notice]);

  const notify = useCallback((text: string, options: { tone?: 'info' | 'error'; focus?: boolean } = {}) => {
    focusNotice.current = options.focus ?? false;
    setNotice({ id: ++noticeCounter, text, tone: options.tone });
  }, []);

  const organisations = state.status === 'ready' ? state.data.organisations : null;
  const ctx = useMemo<DisplayContext>(() => {
    const names = new Map((organisations ?? []).map((o) => [o.id, o.name]));
    return {
      t,
      language: currentLanguage(),
      organisationName: (id) => (typeof id === 'string' ? names.get(id) : undefined) ?? t('research:unknownOrganisation'),
    };
  }, [organisations, t, i18n.language]);

  function select(tab: TabId) {
    setActive(tab);
    void navigate({ hash: tab }, { replace: true });
  }

  function change(collection: CollectionName, update: (records: ResearchRecord[]) => ResearchRecord[]) {
    setState((current) => {
      if (current.status !== 'ready') return current;
      const records = update(current.data[collection] as unknown as ResearchRecord[]);
      return { status: 'ready', data: { ...current.data, [collection]: records } };
    });
    setAuditVersion((v) => v + 1);
  }

  async function reloadCollection(collection: CollectionName) {
    try {
      const records = (await listRecords(collection)) as unknown as ResearchRecord[];
      change(collection, () => records);
    } catch (err) {
      notify(errorMessage(t, err), { tone: 'error' });
    }
  }

  const sectionName = (tab: TabId): string => t(`research:tabs.${tab}`);

  return (
    <div className="research-page">
      <div className="page-head">
        <h1>{t('research:title')}</h1>
        <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
          {t('research:refresh')}
        </button>
      </div>
      <p className="page-hint">{t('research:intro')}</p>

      <Notice notice={notice} onDismiss={() => setNotice(null)} ref={noticeRef} />

      {state.status === 'loading' && <LoadingMessage />}
      {state.status === 'error' && (
        <div className="message message--error" role="alert">
          <p>
            {t('research:loadFailed')} {errorMessage(t, state.error)}
          </p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t('research:retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <Tabs label={t('research:sections')} items={TAB_IDS.map((id) => ({ id, label: sectionName(id) }))} active={active} ids={tabIds} onSelect={select} />
          {COLLECTIONS.map((collection) => (
            <section
              key={collection}
              role="tabpanel"
              id={tabIds.panel(collection)}
              aria-labelledby={tabIds.tab(collection)}
              hidden={active !== collection}
              className="tab-panel"
            >
              <CollectionPanel
                view={VIEWS[collection]}
                section={sectionName(collection)}
                records={state.data[collection] as unknown as ResearchRecord[]}
                organisations={state.data.organisations}
                ctx={ctx}
                notify={notify}
                onCreated={(record) => change(collection, (records) => [record, ...records])}
                onUpdated={(record) => change(collection, (records) => records.map((r) => (r.id === record.id ? record : r)))}
                onDeleted={(id) => change(collection, (records) => records.filter((r) => r.id !== id))}
                onImported={() => void reloadCollection(collection)}
              />
            </section>
          ))}
          <section role="tabpanel" id={tabIds.panel('audit')} aria-labelledby={tabIds.tab('audit')} hidden={active !== 'audit'} className="tab-panel">
            <AuditPanel active={active === 'audit'} version={auditVersion} section={sectionName('audit')} ctx={ctx} />
          </section>
        </>
      )}
    </div>
  );
}
