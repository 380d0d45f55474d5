/**
 * `/decks/:id/present`: the presenter's window. reveal.js shows the live deck (every slide a
 * section, the editor's layouts and theme, live charts); co-editors' changes appear at
 * once. "Start session" makes the deck live for attendees; from then on every slide change
 * is written to the deck's presentation state, which attendees and the speaker view follow.
 *
 * Keys (when the slides have focus): arrows, Page Up/Down and space move; O or Esc shows the
 * overview; F is full screen; holding L shows the laser pointer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RevealApi, RevealConfig } from 'reveal.js';
import { ClosedMessage } from '../deck/ClosedMessage.tsx';
import { ConnectionStatus } from '../deck/ConnectionStatus.tsx';
import { useDeckSync } from '../deck/useDeckSync.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useNow } from '../hooks/useNow.ts';
import { useAudience, usePublishPointer } from './awareness.ts';
import { DeckGate } from './DeckGate.tsx';
import { DeckExportMenu } from '../components/DeckExportMenu.tsx';
import { formatElapsed } from './format.ts';
import { PresentIcon } from './icons.tsx';
import { DeckChromeProvider } from '../deck/DeckChrome.tsx';
import { LiveSlide } from './LiveSlide.tsx';
import { countTreeSteps } from '../editor/StepItems.tsx';
import { RevealDeck } from './RevealDeck.tsx';
import type { RevealLabels } from './revealLabels.ts';
import { SessionControls } from './SessionControls.tsx';
import { useDeckContent, usePresentationState } from './useDeckContent.ts';
import { usePosition, type Position } from './usePosition.ts';
import { useLaserPointer } from './useLaserPointer.ts';
import { useSession } from './useSession.ts';
import './slideStyles.ts';
import './present.css';

export default function PresenterPage() {
  const { id = '' } = useParams();
  // `?slide=<id>`: "Present from this slide" in the editor; read once, when the page opens.
  const [params] = useSearchParams();
  const [fromSlide] = useState(() => params.get('slide'));
  return (
    <DeckGate deckId={id} className="present-page">
      {(deck) => <Presenter key={id} deckId={id} fallbackTitle={deck.title} fromSlide={fromSlide} />}
    </DeckGate>
  );
}

const NO_PARAMS: Record<string, string> = {};
const SYNC_OPTIONS = { summaries: false } as const;

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The current slide and fragment as reveal.js has them. */
function revealPosition(deck: RevealApi): Position | null {
  const id = deck.getCurrentSlide()?.getAttribute('data-slide-id') ?? null;
  if (!id) return null;
  const f = deck.getIndices().f;
  return { slideId: id, fragment: Math.max(0, (typeof f === 'number' ? f : -1) + 1) };
}

function Presenter({ deckId, fallbackTitle, fromSlide }: { deckId: string; fallbackTitle: string; fromSlide: string | null }) {
  const { t } = useTranslation();
  const sync = useDeckSync(deckId, NO_PARAMS, SYNC_OPTIONS);
  const doc = sync.sync?.doc ?? null;
  const provider = sync.sync?.provider ?? null;
  const content = useDeckContent(doc);
  const presentation = usePresentationState(doc);
  const initial = useMemo<Position | undefined>(() => (fromSlide ? { slideId: fromSlide, fragment: 0 } : undefined), [fromSlide]);
  const { position, go } = usePosition(deckId, doc, presentation, initial);
  const audience = useAudience(provider);
  const publishPointer = usePublishPointer(provider, presentation.active);
  const title = content.title || sync.title || fallbackTitle;
  useDocumentTitle(t('present:pageTitle', { title }));

  const [deck, setDeck] = useState<RevealApi | null>(null);
  const [overview, setOverview] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const stageRef = useRef<HTMLElement>(null);

  const positionRef = useRef(position);
  positionRef.current = position;
  const goRef = useRef(go);
  goRef.current = go;

  // Hidden slides are skipped, as presentation tools skip them: a position on one (hidden
  // while shown, or chosen to present from) moves to where reveal.js is.
  const slides = useMemo(() => content.slides.filter((s) => !s.hidden), [content.slides]);
  const structureKey = slides.map((s) => s.id).join(' ');
  const index = slides.findIndex((s) => s.id === position.slideId);
  // Each slide's steps (items of its step lists, StepItems.tsx): → shows them one by one first.
  const stepCounts = useMemo(() => slides.map((s) => countTreeSteps(s.nodes)), [slides]);
  const reducedMotion = useMemo(() => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false, []);

  // ---- reveal.js ----

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void stageRef.current?.requestFullscreen?.().catch(() => {});
  }, []);
  const toggleFullscreenRef = useRef(toggleFullscreen);
  toggleFullscreenRef.current = toggleFullscreen;

  const revealLabels = useMemo<RevealLabels>(
    () => ({
      previous: t('present:previous'),
      next: t('present:next'),
      above: t('present:reveal.above'),
      below: t('present:reveal.below'),
      progress: t('present:reveal.progress'),
      position: (current, total) => t('present:slideCounterLabel', { current, total }),
    }),
    [t],
  );

  const config = useMemo<RevealConfig>(
    () => ({
      embedded: true,
      hash: false,
      history: false,
      respondToHashChanges: false,
      keyboardCondition: 'focused',
      // F: our full screen (the stage, with the laser pointer); L: the laser pointer, not "next".
      keyboard: { 70: () => toggleFullscreenRef.current(), 76: () => {} },
      width: 1280,
      height: 720,
      // reveal.js switches to its scroll view below 435 px of width; embedded in this page the
      // switch changes the width it measures, so it toggled on and off for ever and froze the
      // page on a phone. The presenter keeps the slide view at every width.
      scrollActivationWidth: 0,
      margin: 0.035,
      minScale: 0.05,
      maxScale: 4,
      center: false,
      controls: false,
      progress: true,
      slideNumber: false,
      overview: true,
      touch: true,
      help: false,
      jumpToSlide: false,
      previewLinks: false,
      mouseWheel: false,
      postMessage: false,
      postMessageEvents: false,
      focusBodyOnPageVisibilityChange: false,
      // A slide's own transition (data-transition) is left out too when motion is reduced.
      transition: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'none' : 'slide',
      transitionSpeed: 'fast',
      backgroundTransition: 'none',
      viewDistance: 3,
    }),
    [],
  );

  const report = useCallback((d: RevealApi) => {
    if (d.isOverview()) return;
    const here = revealPosition(d);
    if (!here) return;
    const p = positionRef.current;
    if (p.slideId !== here.slideId || p.fragment !== here.fragment) goRef.current(here);
  }, []);

  useEffect(() => {
    if (!deck) return;
    const onChange = () => report(deck);
    const onOverviewShown = () => setOverview(true);
    const onOverviewHidden = () => {
      setOverview(false);
      report(deck);
    };
    deck.on('slidechanged', onChange);
    deck.on('fragmentshown', onChange);
    deck.on('fragmenthidden', onChange);
    deck.on('overviewshown', onOverviewShown);
    deck.on('overviewhidden', onOverviewHidden);
    return () => {
      deck.off('slidechanged', onChange);
      deck.off('fragmentshown', onChange);
      deck.off('fragmenthidden', onChange);
      deck.off('overviewshown', onOverviewShown);
      deck.off('overviewhidden', onOverviewHidden);
    };
  }, [deck, report]);

  // Follow the shared position (the speaker view, or another presenter, moved it).
  useEffect(() => {
    if (!deck || !deck.isReady() || slides.length === 0) return;
    const target = slides.findIndex((s) => s.id === position.slideId);
    if (target < 0) {
      // Nowhere yet, or the slide was deleted: where reveal.js is now is the position.
      report(deck);
      return;
    }
    const here = revealPosition(deck);
    if (deck.getIndices().h !== target || (here && here.fragment !== position.fragment)) deck.slide(target, 0, position.fragment - 1);
  }, [deck, position.slideId, position.fragment, structureKey, slides, report]);

  // ---- keys outside the slides, full screen ----

  const [laserButton, setLaserButton] = useState(false);
  const [laserKey, setLaserKey] = useState(false);
  const laserOn = (laserButton || laserKey) && !overview;

  useEffect(() => {
    const down = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'l') {
        event.preventDefault();
        if (!event.repeat) setLaserKey(true);
        return;
      }
      // With focus in the slides reveal.js has the keys; elsewhere (after a click on the
      // toolbar) the arrows and a presenter's clicker still move the deck.
      if (!deck || deck.isFocused()) return;
      if (key === 'f' && !(event.target instanceof HTMLButtonElement)) {
        event.preventDefault();
        toggleFullscreen();
      } else if (key === 'arrowright' || key === 'arrowdown' || key === 'pagedown') {
        event.preventDefault();
        deck.next();
      } else if (key === 'arrowleft' || key === 'arrowup' || key === 'pageup') {
        event.preventDefault();
        deck.prev();
      } else if (key === 'home' || key === 'end') {
        event.preventDefault();
        deck.slide(key === 'home' ? 0 : deck.getTotalSlides() - 1);
      }
    };
    const up = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'l') setLaserKey(false);
    };
    const blur = () => setLaserKey(false);
    document.addEventListener('keydown', down);
    document.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      document.removeEventListener('keydown', down);
      document.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, [deck, toggleFullscreen]);

  useEffect(() => {
    const onChange = () => {
      setFullscreen(document.fullscreenElement !== null && document.fullscreenElement === stageRef.current);
      window.setTimeout(() => deck?.layout(), 50);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [deck]);

  // ---- laser pointer ----

  const { dot, onPointerMove, onPointerLeave } = useLaserPointer({ deck, stageRef, publishPointer, on: laserOn });

  // ---- the session ----

  const session = useSession(deckId, doc, presentation, () => (deck && revealPosition(deck)) ?? positionRef.current);

  const openSpeakerView = () => {
    window.open(`/decks/${encodeURIComponent(deckId)}/speaker`, `tussenstand-speaker-${deckId}`, 'popup,width=1280,height=800');
  };

  // ---- render ----

  const now = useNow(1000);
  const total = slides.length;
  const shownIndex = index >= 0 ? index : 0;
  const shownFragment = index >= 0 ? position.fragment : 0;
  const atStart = shownIndex === 0 && shownFragment <= 0;
  const atEnd = shownIndex >= total - 1 && shownFragment >= (stepCounts[shownIndex] ?? 0);
  const audienceEntries = Object.entries(audience).sort(([a], [b]) => a.localeCompare(b));
  const startedAt = presentation.startedAt ? Date.parse(presentation.startedAt) : Number.NaN;
  const elapsed = presentation.active && Number.isFinite(startedAt) ? formatElapsed(now - startedAt) : null;

  return (
    <div className="present-page">
      <header className="present-bar">
        <div className="present-bar__start">
          <Link to={`/decks/${encodeURIComponent(deckId)}`} className="present-button present-button--icon" aria-label={t('present:backToEditor')} title={t('present:backToEditor')}>
            <PresentIcon name="back" />
          </Link>
          <div className="present-bar__title">
            <h1>{title}</h1>
            {presentation.active ? (
              <p className="session-badge session-badge--live">
                <span className="session-badge__dot" aria-hidden="true" />
                {t('present:live')}
                {elapsed && (
                  <>
                    <span aria-hidden="true"> · </span>
                    <span className="visually-hidden">, {t('present:elapsedLabel')} </span>
                    <time className="session-badge__time">{elapsed}</time>
                  </>
                )}
              </p>
            ) : (
              <p className="session-badge">{t('present:notLive')}</p>
            )}
          </div>
        </div>

        <div className="present-bar__nav" role="group" aria-label={t('present:navigation')}>
          <button type="button" className="present-button present-button--icon" aria-label={t('present:previous')} title={t('present:previous')} disabled={!deck || atStart} onClick={() => deck?.prev()}>
            <PresentIcon name="prev" />
          </button>
          <p className="present-counter">
            <span className="visually-hidden">{t('present:slideCounterLabel', { current: shownIndex + 1, total })}</span>
            <span aria-hidden="true">{total > 0 ? t('present:slideCounter', { current: shownIndex + 1, total }) : '–'}</span>
          </p>
          <button type="button" className="present-button present-button--icon" aria-label={t('present:next')} title={t('present:next')} disabled={!deck || atEnd} onClick={() => deck?.next()}>
            <PresentIcon name="next" />
          </button>
        </div>

        <div className="present-bar__tools" role="group" aria-label={t('present:tools')}>
          <button type="button" className="present-button present-button--icon" aria-pressed={overview} aria-label={t('present:overview')} title={`${t('present:overview')} (O)`} disabled={!deck} onClick={() => deck?.toggleOverview()}>
            <PresentIcon name="grid" />
          </button>
          <button type="button" className="present-button present-button--icon" aria-pressed={laserButton} aria-label={t('present:laser')} title={t('present:laserHint')} onClick={() => setLaserButton((v) => !v)}>
            <PresentIcon name="pointer" />
          </button>
          <button type="button" className="present-button present-button--icon" aria-pressed={fullscreen} aria-label={t('present:fullscreen')} title={`${t('present:fullscreen')} (F)`} onClick={toggleFullscreen}>
            <PresentIcon name={fullscreen ? 'shrink' : 'expand'} />
          </button>
          <button type="button" className="present-button" onClick={openSpeakerView}>
            <PresentIcon name="speaker" />
            <span>{t('present:speakerView')}</span>
          </button>
          <DeckExportMenu deckId={deckId} buttonClassName="present-button" />
          <SessionControls deckId={deckId} active={presentation.active} ready={sync.loaded} audience={audience} session={session} />
        </div>
      </header>

      <main
        id="main"
        ref={stageRef}
        className={`present-stage reveal-viewport${laserOn ? ' present-stage--laser' : ''}`}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
      >
        {sync.closed ? (
          <div className="present-stage__message">
            <ClosedMessage code={sync.closed.code} reason={sync.closed.reason} />
          </div>
        ) : !sync.loaded ? (
          <div className="present-stage__message present-stage__message--quiet">
            <p role="status">{t('present:loading')}</p>
          </div>
        ) : total === 0 ? (
          <div className="present-stage__message present-stage__message--quiet">
            <p role="status">{t('present:emptyDeck')}</p>
          </div>
        ) : (
          <DeckChromeProvider chrome={content.chrome}>
            <RevealDeck config={config} structureKey={structureKey} onReady={setDeck} label={t('present:slidesLabel')} labels={revealLabels}>
              {slides.map((slide, i) => (
                <section
                  key={slide.id}
                  data-slide-id={slide.id}
                  data-transition={slide.transition && !reducedMotion ? slide.transition : undefined}
                  aria-label={t('present:slideCounterLabel', { current: i + 1, total })}
                >
                  {/* Slides before the current one show every step, later ones none (as reveal.js does). */}
                  <LiveSlide
                    layout={slide.layout}
                    nodes={slide.nodes}
                    theme={content.theme}
                    language={content.language}
                    number={slide.number}
                    revealed={i < index ? Number.MAX_SAFE_INTEGER : i === index ? position.fragment : 0}
                  />
                </section>
              ))}
            </RevealDeck>
          </DeckChromeProvider>
        )}
        {dot && <span className="laser-dot" style={{ left: dot.left, top: dot.top }} aria-hidden="true" />}
      </main>

      <footer className="present-foot">
        <ConnectionStatus state={sync.connection} />
        {audienceEntries.length > 0 && (
          <ul className="present-foot__audience" aria-label={t('present:attendeesByLabel')}>
            {audienceEntries.map(([label, n]) => (
              <li key={label}>
                <span className="present-foot__label">{label || t('present:noLabel')}</span> <span className="present-foot__count">{n}</span>
              </li>
            ))}
          </ul>
        )}
        {!presentation.active && <p className="present-foot__hint">{t('present:rehearsalHint')}</p>}
        <p className="present-foot__keys">{t('present:keysHint')}</p>
        {session.error && (
          <p className="present-foot__error" role="alert">
            {session.error}
          </p>
        )}
      </footer>
    </div>
  );
}
