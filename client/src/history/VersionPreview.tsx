/**
 * The chosen version, read-only: its name, who made it and when, what can be done with it
 * (restore; export as Markdown, PowerPoint, PDF, handout or HTML) and every slide drawn as it was, charts at the figures
 * of that moment. The document arrives as a Yjs update (GET …/versions/:v/state), is
 * applied to a fresh Y.Doc and read into plain trees once; nothing here is editable.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { listSlides, readMeta, type DeckLanguage, type DeckTheme, type SlideLayout } from '../../../shared/deckModel.ts';
import { getVersionState, type VersionInfo } from '../api/deckFiles.ts';
import { DeckExportMenu } from '../components/DeckExportMenu.tsx';
import { errorMessage } from '../api/errorMessage.ts';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { SlideContentView } from '../editor/SlideContentView.tsx';
import { DeckChromeProvider } from '../deck/DeckChrome.tsx';
import { readChrome, type DeckChrome } from '../../../shared/deckChrome.ts';
import { fragmentToTree, treeText, type SlideNode } from '../editor/slideTree.ts';
import { currentLanguage } from '../i18n/index.ts';
import { VersionSlide } from './VersionSlide.tsx';
import { versionByline, versionKind, versionTitle } from './versionText.ts';

export interface VersionContent {
  title: string;
  theme: DeckTheme;
  /** The deck's language at that version: its slides are drawn in it. */
  language: DeckLanguage;
  chrome: DeckChrome;
  slides: { id: string; layout: SlideLayout; nodes: SlideNode[]; notes: SlideNode[] }[];
}

/** Reads a version's document (a Yjs update) into plain data. */
export function readVersion(update: Uint8Array): VersionContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    const meta = readMeta(doc);
    return {
      title: meta.title,
      theme: meta.theme,
      language: meta.language,
      chrome: readChrome(doc),
      slides: listSlides(doc).map((slide) => ({ id: slide.id, layout: slide.layout, nodes: fragmentToTree(slide.content), notes: fragmentToTree(slide.notes) })),
    };
  } finally {
    doc.destroy();
  }
}

/** Versions never change: each is read once per page. */
const cache = new Map<string, VersionContent>();

type ContentState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; content: VersionContent };

export interface VersionPreviewProps {
  deckId: string;
  version: VersionInfo;
  onRestore(version: VersionInfo): void;
  /** False while a restore runs. */
  canRestore: boolean;
}

export function VersionPreview({ deckId, version, onRestore, canRestore }: VersionPreviewProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const headingId = useId();
  const key = `${deckId}/${version.id}`;
  const [state, setState] = useState<ContentState>(() => {
    const cached = cache.get(key);
    return cached ? { status: 'ready', content: cached } : { status: 'loading' };
  });
  const [reloadKey, setReloadKey] = useState(0);

  useEffect(() => {
    const cached = cache.get(key);
    if (cached) {
      setState({ status: 'ready', content: cached });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    getVersionState(deckId, version.id, { signal: controller.signal })
      .then((update) => {
        const content = readVersion(update);
        cache.set(key, content);
        if (!controller.signal.aborted) setState({ status: 'ready', content });
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: err });
      });
    return () => controller.abort();
  }, [deckId, version.id, key, reloadKey]);

  const title = versionTitle(t, version, language);
  const total = state.status === 'ready' ? state.content.slides.length : 0;

  return (
    <section className="version-preview" aria-labelledby={headingId}>
      <div className="version-preview__head">
        <div className="version-preview__title">
          <h2 id={headingId}>{title}</h2>
          <p className="version-preview__meta">
            <span className={`version-kind version-kind--${version.kind}`}>{versionKind(t, version)}</span>
            <span>{versionByline(t, version, language)}</span>
            {state.status === 'ready' && (
              <>
                <span aria-hidden="true">·</span>
                <span>{t('history:slideCount', { count: total })}</span>
              </>
            )}
          </p>
        </div>
        <div className="version-preview__actions">
          <DeckExportMenu deckId={deckId} versionId={version.id} deckTitle={state.status === 'ready' ? state.content.title : undefined} buttonText={t('history:exportVersion')} />
          <button type="button" className="button button--primary" aria-disabled={!canRestore || undefined} onClick={() => canRestore && onRestore(version)}>
            {t('history:restore')}
          </button>
        </div>
      </div>
      <p className="version-preview__note">{t('history:frozenNote')}</p>

      {state.status === 'loading' && <LoadingMessage text={t('history:loadingVersion')} />}
      {state.status === 'error' && (
        <div className="message message--error" role="alert">
          <p>
            {t('history:versionFailed')} {errorMessage(t, state.error)}
          </p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t('history:retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && total === 0 && <p className="empty">{t('history:noSlides')}</p>}
      {state.status === 'ready' && total > 0 && (
        <ol className="version-slides">
          {state.content.slides.map((slide, i) => (
            <li key={slide.id} className="version-slides__item">
              <p className="version-slides__number">{t('history:slideLabel', { number: i + 1, total })}</p>
              <DeckChromeProvider chrome={state.content.chrome}>
                <VersionSlide layout={slide.layout} nodes={slide.nodes} theme={state.content.theme} language={state.content.language} number={i + 1} />
              </DeckChromeProvider>
              {treeText(slide.notes).trim() !== '' && (
                <details className="version-slides__notes">
                  <summary>{t('history:notes')}</summary>
                  <div className="version-slides__notes-text">
                    <SlideContentView nodes={slide.notes} interactive />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
