/**
 * `/decks/:id/print[?notes=1][&format=html][&handout=2|3|6][&version=<id>]`: every slide at
 * 1280×720, one per page, for the server's PDF and HTML export (headless Chromium) and for
 * people who print; with `version`, a stored version as it was (charts frozen).
 *
 * - PDF (default): `@page { size: 1280px 720px; margin: 0 }`, a page break after each
 *   slide; with notes=1 a notes page (the slide small, its notes beside it) after each.
 * - format=html: `<div class="reveal"><div class="slides"><section>…</section>…</div></div>`
 *   without starting reveal.js (the server puts reveal.js and the styles around it); with
 *   notes=1 each section carries its notes as reveal.js speaker notes (`aside.notes`).
 *
 * Charts show their current values (no animation), or the stored last known value with its
 * date when no live one comes (printReadiness.ts). While rendering, <body
 * data-print-progress="done/total"> counts the slides whose charts, images and fonts are
 * ready; when all are, <body data-print-ready="true">. If the deck cannot be loaded, or a
 * chart has no value at all, <body data-print-error="…"> says why.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { readMeta } from '../../../shared/deckModel.ts';
import { handoutFromParams, type ExportProblem, type HandoutOptions } from '../../../shared/exportOptions.ts';
import * as Y from 'yjs';
import { getVersionState } from '../api/deckFiles.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { getStatsClient } from '../charts/statsRegistry.ts';
import { DeckChromeProvider } from '../deck/DeckChrome.tsx';
import { exportProblemText } from '../components/exportProblemText.ts';
import { ClosedMessage } from '../deck/ClosedMessage.tsx';
import { useDeckSync } from '../deck/useDeckSync.ts';
import { SlideContentView } from '../editor/SlideContentView.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { DeckGate } from './DeckGate.tsx';
import { HandoutPages } from './HandoutPages.tsx';
import { LiveSlide } from './LiveSlide.tsx';
import { slideNotReady, StoredValueFallback } from './printReadiness.ts';
import { useDeckContent, type DeckContent } from './useDeckContent.ts';
import './slideStyles.ts';
import './print.css';

export default function PrintPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const notes = search.get('notes') === '1';
  const format = search.get('format') === 'html' ? 'html' : 'pdf';
  // ?handout=2|3|6[&lines=1]: A4 handout sheets instead of one page per slide (HandoutPages.tsx).
  const handout = format === 'pdf' ? handoutFromParams(search.get('handout'), search.get('lines')) : undefined;
  // ?version=<id>: a stored version ("as presented") instead of the deck as it is now.
  const versionId = search.get('version');
  const onUnavailable = useCallback((reason: string) => {
    document.body.dataset.printError = reason;
  }, []);

  useEffect(() => {
    const body = document.body;
    body.classList.add('print-body');
    return () => {
      body.classList.remove('print-body');
      delete body.dataset.printReady;
      delete body.dataset.printProgress;
      delete body.dataset.printError;
      delete body.dataset.printWaiting;
      delete body.dataset.printProblem;
    };
  }, []);

  return (
    <DeckGate deckId={id} className="print-doc" onUnavailable={onUnavailable}>
      {(deck) =>
        versionId ? (
          <PrintVersion key={`${id}/${versionId}`} versionId={versionId} deckId={id} notes={notes} format={format} handout={handout} fallbackTitle={deck.title} />
        ) : (
          <PrintLiveDeck key={id} deckId={id} notes={notes} format={format} handout={handout} fallbackTitle={deck.title} />
        )
      }
    </DeckGate>
  );
}

const NO_PARAMS: Record<string, string> = {};
const SYNC_OPTIONS = { summaries: false, presence: false } as const;
const POLL_MS = 100;

/**
 * The print page is the deck as a document (what the PDF and HTML exports are made of): its
 * words — chart labels, "Speaker notes", "Slide 3 of 10", the page's lang — are in the deck's
 * language, whoever prints it and whatever language the exporting browser has. The reader's
 * own choice is not stored and comes back when they leave the page.
 */
function useDocumentInDeckLanguage(language: 'nl' | 'en' | null): void {
  useEffect(() => {
    if (!language || i18next.language === language) return;
    const previous = i18next.language;
    void i18next.changeLanguage(language);
    return () => {
      void i18next.changeLanguage(previous);
    };
  }, [language]);
}

interface PrintOptions {
  deckId: string;
  notes: boolean;
  format: 'pdf' | 'html';
  handout?: HandoutOptions;
  fallbackTitle: string;
}

/** The deck as it is now: synced read-only, charts live. */
function PrintLiveDeck(options: PrintOptions) {
  const sync = useDeckSync(options.deckId, NO_PARAMS, SYNC_OPTIONS);
  return <PrintDeck {...options} doc={sync.sync?.doc ?? null} loaded={sync.loaded} closed={sync.closed} syncedTitle={sync.title} />;
}

/**
 * A stored version (`?version=<id>`), as it was: its document with every chart frozen at the
 * figures of that moment (GET …/versions/:v/state), so nothing here waits for live values.
 */
function PrintVersion({ versionId, ...options }: PrintOptions & { versionId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ doc: Y.Doc | null; error: unknown }>({ doc: null, error: null });
  useEffect(() => {
    const controller = new AbortController();
    let doc: Y.Doc | null = null;
    getVersionState(options.deckId, versionId, { signal: controller.signal })
      .then((update) => {
        doc = new Y.Doc();
        Y.applyUpdate(doc, update);
        if (!controller.signal.aborted) setState({ doc, error: null });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        document.body.dataset.printError = `version ${versionId}: ${err instanceof Error ? err.message : String(err)}`;
        setState({ doc: null, error: err });
      });
    return () => {
      controller.abort();
      doc?.destroy();
    };
  }, [options.deckId, versionId]);
  if (state.error) {
    return (
      <main id="main" className="print-doc">
        <p role="alert" className="message message--error">
          {t('history:versionFailed')} {errorMessage(t, state.error)}
        </p>
      </main>
    );
  }
  return <PrintDeck {...options} doc={state.doc} loaded={state.doc !== null} closed={null} syncedTitle="" />;
}

function PrintDeck({
  notes,
  format,
  handout,
  fallbackTitle,
  doc,
  loaded,
  closed,
  syncedTitle,
}: PrintOptions & { doc: Y.Doc | null; loaded: boolean; closed: { code: number; reason: string } | null; syncedTitle: string }) {
  const { t } = useTranslation();
  const deckContent = useDeckContent(doc);
  // Hidden slides are not printed (as presentation tools leave them out of a PDF by default).
  const content = useMemo(() => ({ ...deckContent, slides: deckContent.slides.filter((s) => !s.hidden) }), [deckContent]);
  useDocumentInDeckLanguage(loaded && doc ? readMeta(doc).language : null);
  const title = content.title || syncedTitle || fallbackTitle;
  useDocumentTitle(t('print:pageTitle', { title }));
  const rootRef = useRef<HTMLDivElement>(null);
  // One per page: its clock for the live-value wait starts when the deck is first drawn.
  const fallbackRef = useRef<StoredValueFallback | null>(null);
  const [problem, setProblem] = useState<ExportProblem | null>(null);
  const total = content.slides.length;

  useEffect(() => {
    if (closed) document.body.dataset.printError = `closed ${closed.code}`;
  }, [closed]);

  // Count what is ready until everything is, then say so (after the fonts and one more frame).
  useEffect(() => {
    const body = document.body;
    if (!loaded) {
      body.dataset.printProgress = `0/${total}`;
      return;
    }
    let timer = 0;
    let cancelled = false;
    const stats = getStatsClient(null);
    fallbackRef.current ??= new StoredValueFallback(stats);
    const fallback = fallbackRef.current;
    const check = () => {
      const root = rootRef.current;
      if (cancelled || !root) return;
      const failure = fallback.check(root);
      if (failure) {
        body.dataset.printProblem = JSON.stringify(failure.problem);
        body.dataset.printError = failure.message;
        setProblem(failure.problem);
        return;
      }
      let done = 0;
      const waiting: string[] = [];
      let firstWaiting: { slide: number; what: string } | null = null;
      for (let i = 0; i < total; i++) {
        const parts = Array.from(root.querySelectorAll(`[data-print-slide="${i}"]`));
        const reason = parts.length === 0 ? 'not drawn' : parts.map((part) => slideNotReady(part, stats)).find((r) => r !== null);
        if (reason) {
          waiting.push(`${i + 1}: ${reason}`);
          firstWaiting ??= { slide: i + 1, what: reason };
        } else done++;
      }
      body.dataset.printProgress = `${done}/${total}`;
      // What is still missing, so an export that times out can say which slide and what.
      body.dataset.printWaiting = waiting.slice(0, 5).join('; ');
      if (firstWaiting) body.dataset.printProblem = JSON.stringify({ code: 'not-ready', ...firstWaiting } satisfies ExportProblem);
      else delete body.dataset.printProblem;
      if (done < total) {
        delete body.dataset.printReady;
        timer = window.setTimeout(check, POLL_MS);
        return;
      }
      void document.fonts.ready.then(() =>
        window.requestAnimationFrame(() => {
          if (!cancelled) body.dataset.printReady = 'true';
        }),
      );
    };
    check();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [loaded, content, total]);

  if (closed) {
    return (
      <main id="main" className="print-doc">
        <ClosedMessage code={closed.code} reason={closed.reason} />
      </main>
    );
  }
  if (!loaded) {
    return (
      <main id="main" className="print-doc">
        <p role="status" className="print-doc__status">
          {t('present:loading')}
        </p>
      </main>
    );
  }

  return (
    <main id="main" className={format === 'html' ? 'print-html' : 'print-doc'}>
      <div className="print-toolbar">
        <h1>{title}</h1>
        <p role="status">{t('print:summary', { count: total })}</p>
        {problem && (
          <p role="alert" className="print-toolbar__error">
            {exportProblemText(problem, t, content.language)}
          </p>
        )}
        {format === 'pdf' && (
          <button type="button" className="button button--primary" aria-disabled={problem !== null || undefined} onClick={() => problem === null && window.print()}>
            {t('print:print')}
          </button>
        )}
      </div>
      <DeckChromeProvider chrome={content.chrome}>
        <div ref={rootRef}>{format === 'html' ? <HtmlSlides content={content} notes={notes} /> : handout ? <HandoutPages content={content} handout={handout} title={title} /> : <PdfPages content={content} notes={notes} />}</div>
      </DeckChromeProvider>
    </main>
  );
}

function PdfPages({ content, notes }: { content: DeckContent; notes: boolean }) {
  const { t } = useTranslation();
  const total = content.slides.length;
  return (
    <>
      {content.slides.map((slide, i) => (
        <div key={slide.id} className="print-group">
          <section className="print-page" data-print-slide={i} aria-label={t('print:slideLabel', { current: i + 1, total })}>
            <LiveSlide layout={slide.layout} nodes={slide.nodes} theme={content.theme} language={content.language} number={slide.number} />
          </section>
          {notes && (
            <section className="print-page print-notes" data-print-slide={i} aria-label={t('print:notesLabel', { current: i + 1, total })}>
              <div className="print-notes__slide">
                <LiveSlide layout={slide.layout} nodes={slide.nodes} theme={content.theme} language={content.language} number={slide.number} interactive={false} />
                <p className="print-notes__number">{t('print:slideLabel', { current: i + 1, total })}</p>
              </div>
              <div className="print-notes__text">
                <h2>{t('print:notesHeading')}</h2>
                {slide.notes.length > 0 ? <SlideContentView nodes={slide.notes} interactive /> : <p className="print-notes__empty">{t('speaker:noNotes')}</p>}
              </div>
            </section>
          )}
        </div>
      ))}
    </>
  );
}

/** The structure reveal.js expects; reveal.js itself is added by the exporter. */
function HtmlSlides({ content, notes }: { content: DeckContent; notes: boolean }) {
  return (
    <div className="reveal">
      <div className="slides">
        {content.slides.map((slide, i) => (
          <section key={slide.id} data-slide-id={slide.id} data-print-slide={i}>
            <LiveSlide layout={slide.layout} nodes={slide.nodes} theme={content.theme} language={content.language} number={slide.number} />
            {notes && slide.notes.length > 0 && (
              <aside className="notes">
                <SlideContentView nodes={slide.notes} interactive />
              </aside>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
