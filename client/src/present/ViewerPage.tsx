/**
 * `/v/:token`: what an attendee with a read-only link sees. Loaded lazily and kept light
 * (no editor code): the audience document arrives over the sync socket with the link token,
 * read-only and without a local copy. It holds only the slides the presenter has shown in
 * this session (the server decides, docs/sync-spec.md [AU1]–[AU4]), and the page follows the
 * presenter's slide the moment it changes. The attendee may step back to re-read earlier
 * slides — there is nothing ahead to step to; "Back to live" (or End / L) returns. After the
 * session the slides stay readable only if the presenter kept them available, until the
 * date shown. A revoked or expired link, or a deck moved to the trash, says so clearly,
 * also in the middle of a talk.
 *
 * On a phone the slide spans the screen (portrait) or its height (landscape), within the
 * safe area; the picture zooms by pinch or double tap (usePinchZoom) while the page stays
 * zoomable by the browser. "Leesweergave" shows the slide's content as a readable page
 * instead (ReadingView, remembered per device); a screen reader hears each new slide once
 * (SlideAnnouncer).
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { LinkView } from '../../../shared/api.ts';
import { CloseCode } from '../../../shared/closeCodes.ts';
import { LINK_TOKEN_PARAM } from '../../../shared/syncMessages.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { getLinkView } from '../api/links.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { ClosedMessage } from '../deck/ClosedMessage.tsx';
import { useDeckSync } from '../deck/useDeckSync.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { usePresenterPointer } from './awareness.ts';
import { PresentIcon } from './icons.tsx';
import { useDeckContent, usePresentationState } from './useDeckContent.ts';
// Loaded with the page, not on demand: fetching it only once the first slide has arrived put
// one more round trip (400 ms on slow 3G) before the first slide. It is small — the chart
// library it can draw is loaded by LazyChartView only for a slide that has a chart.
import { LiveSlide } from './LiveSlide.tsx';
import { audienceState } from '../../../shared/deckModel.ts';
import { formatDateTime } from '../format/time.ts';
import { currentLanguage } from '../i18n/index.ts';
import { DeckChromeProvider } from '../deck/DeckChrome.tsx';
import { ReadingView } from './ReadingView.tsx';
import { SlideAnnouncer } from './SlideAnnouncer.tsx';
import { usePinchZoom } from './usePinchZoom.ts';
import './slideStyles.ts';
import './viewer.css';
import { useDropServerSlide } from './serverSlide.ts';

type Unavailable = 'notFound' | 'revoked' | 'expired' | 'deckGone';

type ViewerState =
  | { status: 'loading' }
  | { status: 'ready'; view: LinkView }
  | { status: 'unavailable'; kind: Unavailable }
  | { status: 'error'; error: unknown };

export default function ViewerPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [state, setState] = useState<ViewerState>({ status: 'loading' });
  // The server's picture of the live slide stays until the app knows what to show instead.
  useDropServerSlide(state.status === 'unavailable' || state.status === 'error');

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getLinkView(token, { signal: controller.signal }).then(
      (view) => setState({ status: 'ready', view }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(err) && (err.status === 404 || err.status === 400)) setState({ status: 'unavailable', kind: 'notFound' });
        else if (isApiRequestError(err) && err.status === 410) setState({ status: 'unavailable', kind: err.error === 'link-expired' ? 'expired' : 'revoked' });
        else setState({ status: 'error', error: err });
      },
    );
    return () => controller.abort();
  }, [token]);

  if (state.status === 'ready') return <Attendee key={token} token={token} view={state.view} />;
  if (state.status === 'unavailable') return <UnavailableScreen kind={state.kind} />;
  return (
    <main id="main" className="attendee attendee--message">
      {state.status === 'loading' ? (
        <LoadingMessage />
      ) : (
        <div className="attendee-card">
          <h1>{t('viewer:pageTitle')}</h1>
          <p className="message message--error" role="alert">
            {errorMessage(t, state.error)}
          </p>
        </div>
      )}
    </main>
  );
}

function UnavailableScreen({ kind }: { kind: Unavailable }) {
  const { t } = useTranslation();
  useDocumentTitle(t(`viewer:${kind}Title`));
  return (
    <main id="main" className="attendee attendee--message">
      <div className="attendee-card attendee-card--unavailable" role={kind === 'notFound' ? undefined : 'alert'}>
        <h1>{t(`viewer:${kind}Title`)}</h1>
        <p>{t(`viewer:${kind}Text`)}</p>
      </div>
      <div className="attendee-card__language">
        <LanguageSwitch />
      </div>
    </main>
  );
}

const UNAVAILABLE_CODES: Record<number, Unavailable> = {
  [CloseCode.LINK_REVOKED]: 'revoked',
  [CloseCode.LINK_EXPIRED]: 'expired',
  [CloseCode.NO_SUCH_DECK]: 'deckGone',
};

// Attendees keep no copy of the deck and publish no presence.
const ATTENDEE_SYNC = { summaries: false, presence: false, offlineCache: false } as const;

const SWIPE_MIN_PX = 50;

const READING_KEY = 'tussenstand.viewer.reading';

/** Picture or reading view, remembered on this device (not per deck: it is how this person reads). */
function useReadingMode(): [boolean, (on: boolean) => void] {
  const [reading, setReading] = useState(() => {
    try {
      return window.localStorage.getItem(READING_KEY) === 'on';
    } catch {
      return false;
    }
  });
  const set = useCallback((on: boolean) => {
    setReading(on);
    try {
      window.localStorage.setItem(READING_KEY, on ? 'on' : 'off');
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }, []);
  return [reading, set];
}

/** On this page the layout keeps to the safe area itself (viewer.css), so it may use the whole screen. */
function useViewportFitCover(): void {
  useEffect(() => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
    if (!meta) return;
    const before = meta.content;
    if (!/viewport-fit/.test(before)) meta.content = `${before}, viewport-fit=cover`;
    return () => {
      meta.content = before;
    };
  }, []);
}

function Attendee({ token, view }: { token: string; view: LinkView }) {
  const { t } = useTranslation();
  const params = useMemo(() => ({ [LINK_TOKEN_PARAM]: token }), [token]);
  const sync = useDeckSync(view.deckId, params, ATTENDEE_SYNC);
  useDropServerSlide(sync.loaded || sync.closed !== null);
  const doc = sync.sync?.doc ?? null;
  const provider = sync.sync?.provider ?? null;
  const content = useDeckContent(doc);
  const presentation = usePresentationState(doc);
  const pointer = usePresenterPointer(provider);
  const title = content.title || view.title;
  useDocumentTitle(title);

  const slides = content.slides;
  const total = slides.length;
  const audience = audienceState(presentation);
  // After the session, with the slides kept available: the attendee reads them at leisure.
  const kept = audience === 'kept';
  // Where the presenter is (kept: the last slide shown). If that slide was just deleted, stay at the last known place.
  const lastLive = useRef(0);
  const liveFound = kept ? total - 1 : slides.findIndex((s) => s.id === presentation.slideId);
  if (liveFound >= 0) lastLive.current = liveFound;
  const liveIndex = Math.min(liveFound >= 0 ? liveFound : lastLive.current, Math.max(0, total - 1));

  // The slide the attendee went back to, or null to follow the presenter.
  const [viewingId, setViewingId] = useState<string | null>(null);
  const viewingFound = viewingId === null ? -1 : slides.findIndex((s) => s.id === viewingId);
  const behind = viewingFound >= 0 && viewingFound < liveIndex;
  const index = behind ? viewingFound : liveIndex;
  // Never ahead: when the presenter goes back past the attendee, follow again.
  useEffect(() => {
    if (viewingId !== null && !behind) setViewingId(null);
  }, [viewingId, behind]);

  const previous = useCallback(() => {
    const target = slides[index - 1];
    if (target) setViewingId(target.id);
  }, [slides, index]);
  const next = useCallback(() => {
    if (index + 1 >= liveIndex) setViewingId(null);
    else setViewingId(slides[index + 1]?.id ?? null);
  }, [slides, index, liveIndex]);
  const first = useCallback(() => {
    if (liveIndex > 0) setViewingId(slides[0]?.id ?? null);
  }, [slides, liveIndex]);
  const backToLive = useCallback(() => setViewingId(null), []);

  const [reading, setReading] = useReadingMode();
  const zoom = usePinchZoom();
  useViewportFitCover();
  // Another slide starts unzoomed.
  const shownId = slides[index]?.id ?? null;
  const resetZoom = zoom.reset;
  useEffect(() => resetZoom(), [shownId, resetZoom]);

  // Live, or kept available: there are slides to read.
  const active = presentation.active || kept;

  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      const onButton = target instanceof HTMLButtonElement;
      switch (event.key) {
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'PageUp':
          previous();
          break;
        case 'ArrowRight':
        case 'ArrowDown':
        case 'PageDown':
          next();
          break;
        case ' ':
          if (onButton) return;
          if (event.shiftKey) previous();
          else next();
          break;
        case 'Home':
          first();
          break;
        case 'End':
        case 'l':
        case 'L':
          backToLive();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [active, previous, next, first, backToLive]);

  // Swipe: right for the previous slide, left for the next.
  const swipe = useRef<{ x: number; y: number; id: number } | null>(null);
  const onPointerDown = (event: ReactPointerEvent) => {
    if (event.pointerType === 'mouse') return;
    swipe.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
  };
  const onPointerUp = (event: ReactPointerEvent) => {
    const start = swipe.current;
    swipe.current = null;
    if (!start || start.id !== event.pointerId) return;
    // A pinch, a pan or a double tap on the picture is not a swipe.
    if (zoom.claimed()) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    if (dx > 0) previous();
    else next();
  };

  const unavailable = sync.closed ? UNAVAILABLE_CODES[sync.closed.code] : undefined;
  if (unavailable) return <UnavailableScreen kind={unavailable} />;

  if (sync.closed || !sync.loaded || !active || total === 0) {
    return (
      <main id="main" className="attendee attendee--message">
        <div className="attendee-card">
          <p className="attendee-card__kicker">{t('viewer:kicker')}</p>
          <h1>{title}</h1>
          {view.label && <p className="attendee__label">{t('viewer:label', { label: view.label })}</p>}
          {sync.closed ? (
            <ClosedMessage code={sync.closed.code} reason={sync.closed.reason} />
          ) : !sync.loaded ? (
            <p className="attendee__waiting" role="status">
              {sync.connection === 'reconnecting' || sync.connection === 'offline' ? t('viewer:reconnecting') : t('viewer:connecting')}
            </p>
          ) : (
            <p className="attendee__waiting" role="status">
              <span className="attendee__pulse" aria-hidden="true" />
              {audience === 'ended' ? t('viewer:ended') : total === 0 && active ? t('viewer:noSlides') : t('viewer:waiting')}
            </p>
          )}
        </div>
        <div className="attendee-card__language">
          <LanguageSwitch />
        </div>
      </main>
    );
  }

  const slide = slides[index]!;
  const showPointer = !kept && !behind && pointer !== null;
  const keptUntil = kept && presentation.keepUntil ? formatDateTime(presentation.keepUntil, currentLanguage()) : '';
  const slideName = t('viewer:slideLabel', { current: index + 1, total });
  const revealed = !kept && slide.id === presentation.slideId ? presentation.fragment : undefined;
  const announcement = slide.title ? t('viewer:announce', { current: index + 1, title: slide.title }) : t('viewer:announceUntitled', { current: index + 1 });

  return (
    <main id="main" className="attendee attendee--live">
      <header className="attendee-bar">
        <h1 className="attendee-bar__title">{title}</h1>
        {/* One state at a time: without a connection the page is not live, whatever it last heard. */}
        {sync.connection !== 'connected' ? (
          <p className="attendee-badge attendee-badge--warning" role="status">
            {t(`connection:${sync.connection}`)}
          </p>
        ) : kept ? (
          <p className="attendee-badge attendee-badge--behind" title={t('viewer:keptKicker', { date: keptUntil })}>
            {t('viewer:kept', { date: keptUntil })}
          </p>
        ) : behind ? (
          <p className="attendee-badge attendee-badge--behind">{t('viewer:behind')}</p>
        ) : (
          <p className="attendee-badge attendee-badge--live">
            <span className="attendee-badge__dot" aria-hidden="true" />
            {t('viewer:live')}
          </p>
        )}
        <div className="attendee-bar__language">
          <LanguageSwitch />
        </div>
      </header>

      <div
        className={`attendee-stage${reading ? ' attendee-stage--reading' : ''}`}
        data-zoomed={zoom.zoomed ? 'true' : undefined}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (swipe.current = null)}
      >
        {reading ? (
          <ReadingView nodes={slide.nodes} language={content.language} label={slideName} token={token} slideId={slide.id} chrome={content.chrome} revealed={revealed} />
        ) : (
          <section ref={zoom.ref} className="attendee-slide" aria-label={slideName} data-slide-id={slide.id} data-live={behind || kept ? 'false' : 'true'}>
            <div className="attendee-slide__zoom" style={zoom.style}>
              <DeckChromeProvider chrome={content.chrome} token={token}>
                <Suspense fallback={<div className="attendee-slide__loading">{t('viewer:loadingSlide')}</div>}>
                  {/* The live slide's step lists show the presenter's steps ([AU12]); an earlier slide, all it received. */}
                  <LiveSlide
                    layout={slide.layout}
                    nodes={slide.nodes}
                    theme={content.theme}
                    language={content.language}
                    number={slide.number}
                    token={token}
                    revealed={revealed}
                  >
                    {showPointer && <span className="laser-dot laser-dot--remote" style={{ left: `${pointer.x * 100}%`, top: `${pointer.y * 100}%` }} aria-hidden="true" />}
                  </LiveSlide>
                </Suspense>
              </DeckChromeProvider>
            </div>
          </section>
        )}
        {!reading && zoom.zoomed && (
          <button type="button" className="attendee-button attendee-zoom-reset" onClick={zoom.reset}>
            <PresentIcon name="zoomReset" size={20} />
            <span>{t('viewer:resetZoom')}</span>
          </button>
        )}
      </div>

      <nav className="attendee-controls" aria-label={t('viewer:navigation')}>
        <button type="button" className="attendee-button attendee-button--icon" onClick={previous} disabled={index === 0} aria-label={t('viewer:previous')} title={t('viewer:previous')}>
          <PresentIcon name="prev" size={24} />
        </button>
        <p className="attendee-controls__counter">
          <span className="visually-hidden">{slideName}</span>
          <span aria-hidden="true">{t('viewer:counter', { current: index + 1, total })}</span>
        </p>
        <button type="button" className="attendee-button attendee-button--icon" onClick={next} disabled={!behind} aria-label={t('viewer:next')} title={t('viewer:next')}>
          <PresentIcon name="next" size={24} />
        </button>
        {!kept && (
          <button type="button" className="attendee-button attendee-button--live" onClick={backToLive} disabled={!behind}>
            <PresentIcon name="live" size={20} />
            <span className="attendee-button__text">{t('viewer:backToLive')}</span>
          </button>
        )}
        <button type="button" className="attendee-button attendee-button--reading" aria-pressed={reading} onClick={() => setReading(!reading)}>
          <PresentIcon name="read" size={20} />
          <span className="attendee-button__text">{t('viewer:readingView')}</span>
        </button>
      </nav>
      <SlideAnnouncer slideId={slide.id} message={announcement} />
    </main>
  );
}
