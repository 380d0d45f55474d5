/**
 * `/decks/:id/print[?notes=1][&format=html]`: every slide at 1280×720, one per page, for
 * the server's PDF and HTML export (headless Chromium) and for people who print.
 *
 * - PDF (default): `@page { size: 1280px 720px; margin: 0 }`, a page break after each
 *   slide; with notes=1 a notes page (the slide small, its notes beside it) after each.
 * - format=html: `<div class="reveal"><div class="slides"><section>…</section>…</div></div>`
 *   without starting reveal.js (the server puts reveal.js and the styles around it); with
 *   notes=1 each section carries its notes as reveal.js speaker notes (`aside.notes`).
 *
 * Charts show their current values (no animation). While rendering, <body
 * data-print-progress="done/total"> counts the slides whose charts, images and fonts are
 * ready; when all are, <body data-print-ready="true">. If the deck cannot be loaded,
 * <body data-print-error="…"> says why.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { readMeta } from '../../../shared/deckModel.ts';
import { handoutFromParams, type HandoutOptions } from '../../../shared/exports.ts';
import { getStatsClient } from '../charts/statsRegistry.ts';
import { ClosedMessage } from '../deck/ClosedMessage.tsx';
import { useDeckSync } from '../deck/useDeckSync.ts';
import { SlideContentView } from '../editor/SlideContentView.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { DeckGate } from './DeckGate.tsx';
import { HandoutPages } from './HandoutPages.tsx';
import { LiveSlide } from './LiveSlide.tsx';
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
    };
  }, []);

  return (
    <DeckGate deckId={id} className="print-doc" onUnavailable={onUnavailable}>
      {(deck) => <PrintDeck key={id} deckId={id} notes={notes} format={format} handout={handout} fallbackTitle={deck.title} />}
    </DeckGate>
  );
}

const NO_PARAMS: Record<string, string> = {};
const SYNC_OPTIONS = { summaries: false, presence: false } as const;
const POLL_MS = 100;

/**
 * Why a slide is not ready yet, or null when it is: every chart block drawn (its code loaded,
 * its value arrived and drawn, or refused and said so), every image decoded, every code
 * block highlighted, the text fitted to the slide. A chart whose module has not arrived is
 * a `.chart-loading` box without a figure: that is not ready either (it was, once, and
 * every PDF had empty boxes where its charts should be).
 */
export function slideNotReady(element: Element): string | null {
  if (element.querySelector('[data-highlight-pending]')) return 'code';
  if (element.querySelector('[data-fit-pending]')) return 'fit';
  for (const block of Array.from(element.querySelectorAll('[data-type="chart"]'))) {
    if (block.classList.contains('chart-placeholder')) continue;
    const figure = block.querySelector('figure.chart-view');
    if (!figure || !chartDrawn(figure)) return `chart ${block.querySelector('[data-stat-key]')?.getAttribute('data-stat-key') ?? ''}`.trim();
  }
  for (const img of Array.from(element.querySelectorAll('img'))) {
    // Slides are long off screen here: lazy images would never load.
    if (img.loading === 'lazy') img.loading = 'eager';
    if (!img.complete) return 'image';
  }
  return null;
}

/** A chart is drawn when its value has arrived (or was refused) and recharts has drawn it. */
function chartDrawn(figure: Element): boolean {
  const key = figure.getAttribute('data-stat-key') ?? '';
  if (figure.getAttribute('data-frozen') !== 'true' && key) {
    const state = getStatsClient(null).get(key);
    const settled = state.value !== null || state.error !== null || state.status === 'closed';
    if (!settled) return false;
  }
  if (figure.querySelector('[aria-busy="true"]')) return false;
  const plot = figure.querySelector('.chart-view__plot');
  if (!plot) return figure.querySelector('table') !== null;
  return plot.querySelector('svg, .chart-view__placeholder, .chart-number') !== null;
}

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

function PrintDeck({ deckId, notes, format, handout, fallbackTitle }: { deckId: string; notes: boolean; format: 'pdf' | 'html'; handout?: HandoutOptions; fallbackTitle: string }) {
  const { t } = useTranslation();
  const sync = useDeckSync(deckId, NO_PARAMS, SYNC_OPTIONS);
  const content = useDeckContent(sync.sync?.doc ?? null);
  useDocumentInDeckLanguage(sync.loaded && sync.sync ? readMeta(sync.sync.doc).language : null);
  const title = content.title || sync.title || fallbackTitle;
  useDocumentTitle(t('print:pageTitle', { title }));
  const rootRef = useRef<HTMLDivElement>(null);
  const total = content.slides.length;

  useEffect(() => {
    if (sync.closed) document.body.dataset.printError = `closed ${sync.closed.code}`;
  }, [sync.closed]);

  // Count what is ready until everything is, then say so (after the fonts and one more frame).
  useEffect(() => {
    const body = document.body;
    if (!sync.loaded) {
      body.dataset.printProgress = `0/${total}`;
      return;
    }
    let timer = 0;
    let cancelled = false;
    const check = () => {
      const root = rootRef.current;
      if (cancelled || !root) return;
      let done = 0;
      const waiting: string[] = [];
      for (let i = 0; i < total; i++) {
        const parts = Array.from(root.querySelectorAll(`[data-print-slide="${i}"]`));
        const reason = parts.length === 0 ? 'not drawn' : parts.map(slideNotReady).find((r) => r !== null);
        if (reason) waiting.push(`${i + 1}: ${reason}`);
        else done++;
      }
      body.dataset.printProgress = `${done}/${total}`;
      // What is still missing, so an export that times out can say which slide and what.
      body.dataset.printWaiting = waiting.slice(0, 5).join('; ');
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
  }, [sync.loaded, content, total]);

  if (sync.closed) {
    return (
      <main id="main" className="print-doc">
        <ClosedMessage code={sync.closed.code} reason={sync.closed.reason} />
      </main>
    );
  }
  if (!sync.loaded) {
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
        {format === 'pdf' && (
          <button type="button" className="button button--primary" onClick={() => window.print()}>
            {t('print:print')}
          </button>
        )}
      </div>
      <div ref={rootRef}>{format === 'html' ? <HtmlSlides content={content} notes={notes} /> : handout ? <HandoutPages content={content} handout={handout} title={title} /> : <PdfPages content={content} notes={notes} />}</div>
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
            <LiveSlide layout={slide.layout} nodes={slide.nodes} theme={content.theme} language={content.language} />
          </section>
          {notes && (
            <section className="print-page print-notes" data-print-slide={i} aria-label={t('print:notesLabel', { current: i + 1, total })}>
              <div className="print-notes__slide">
                <LiveSlide layout={slide.layout} nodes={slide.nodes} theme={content.theme} language={content.language} interactive={false} />
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
            <LiveSlide layout={slide.layout} nodes={slide.nodes} theme={content.theme} language={content.language} />
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
