/**
 * `/decks/:id/speaker`: the speaker view, opened from the presenter in a second window.
 * Current and next slide, the notes, the time since the session started (in a rehearsal:
 * since the view opened or its timer was reset) and the clock.
 * Its buttons and arrow keys drive the presentation; it follows the presenter window
 * through the shared position (the deck document while live, see usePosition.ts).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ClosedMessage } from '../deck/ClosedMessage.tsx';
import { ConnectionStatus } from '../deck/ConnectionStatus.tsx';
import { useDeckSync } from '../deck/useDeckSync.ts';
import { SlideContentView } from '../editor/SlideContentView.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useNow } from '../hooks/useNow.ts';
import { currentLanguage } from '../i18n/index.ts';
import { DeckGate } from './DeckGate.tsx';
import { formatElapsed } from './format.ts';
import { PresentIcon } from './icons.tsx';
import { DeckChromeProvider } from '../deck/DeckChrome.tsx';
import { LiveSlide } from './LiveSlide.tsx';
import { countTreeSteps } from '../editor/StepItems.tsx';
import { useDeckContent, usePresentationState } from './useDeckContent.ts';
import { usePosition } from './usePosition.ts';
import './slideStyles.ts';
import './present.css';

export default function SpeakerPage() {
  const { id = '' } = useParams();
  return (
    <DeckGate deckId={id} className="speaker-page">
      {(deck) => <Speaker key={id} deckId={id} fallbackTitle={deck.title} />}
    </DeckGate>
  );
}

const NO_PARAMS: Record<string, string> = {};
// The speaker view is not a person in the deck: it publishes no presence.
const SYNC_OPTIONS = { summaries: false, presence: false } as const;

function Speaker({ deckId, fallbackTitle }: { deckId: string; fallbackTitle: string }) {
  const { t } = useTranslation();
  const sync = useDeckSync(deckId, NO_PARAMS, SYNC_OPTIONS);
  const doc = sync.sync?.doc ?? null;
  const content = useDeckContent(doc);
  const presentation = usePresentationState(doc);
  const { position, go } = usePosition(deckId, doc, presentation);
  const title = content.title || sync.title || fallbackTitle;
  useDocumentTitle(t('speaker:pageTitle', { title }));

  // As on the presenter: hidden slides are skipped.
  const slides = useMemo(() => content.slides.filter((s) => !s.hidden), [content.slides]);
  const total = slides.length;
  const found = slides.findIndex((s) => s.id === position.slideId);
  const index = found >= 0 ? found : 0;
  const current = slides[index] ?? null;
  // Step lists (StepItems.tsx): the next press shows the current slide's next step while it has one.
  const steps = current ? countTreeSteps(current.nodes) : 0;
  const fragment = found >= 0 ? Math.max(0, Math.min(position.fragment, steps)) : 0;
  const nextStep = fragment < steps;
  const next = nextStep ? current : (slides[index + 1] ?? null);

  const goTo = useCallback(
    (i: number, last = false) => {
      const target = slides[Math.max(0, Math.min(total - 1, i))];
      // Back onto a slide shows all its steps, as reveal.js does.
      if (target) go({ slideId: target.id, fragment: last ? countTreeSteps(target.nodes) : 0 });
    },
    [go, slides, total],
  );
  const forward = useCallback(() => {
    if (current && fragment < steps) go({ slideId: current.id, fragment: fragment + 1 });
    else if (index < total - 1) goTo(index + 1);
  }, [current, fragment, steps, go, goTo, index, total]);
  const back = useCallback(() => {
    if (current && fragment > 0) go({ slideId: current.id, fragment: fragment - 1 });
    else if (index > 0) goTo(index - 1, true);
  }, [current, fragment, go, goTo, index]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const onButton = target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement;
      switch (event.key) {
        case 'ArrowRight':
        case 'ArrowDown':
        case 'PageDown':
          forward();
          break;
        case ' ':
          if (onButton) return;
          if (event.shiftKey) back();
          else forward();
          break;
        case 'ArrowLeft':
        case 'ArrowUp':
        case 'PageUp':
          back();
          break;
        case 'Home':
          goTo(0);
          break;
        case 'End':
          goTo(total - 1);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [goTo, forward, back, total]);

  const now = useNow(1000);
  // A rehearsal is timed too, locally: from when this view opened, or from the last reset.
  const [rehearsalStart, setRehearsalStart] = useState(() => Date.now());
  const startedAt = presentation.startedAt ? Date.parse(presentation.startedAt) : Number.NaN;
  const live = presentation.active && Number.isFinite(startedAt);
  const elapsed = formatElapsed(Math.max(0, (live ? now - startedAt : now - rehearsalStart)));
  const clock = new Intl.DateTimeFormat(currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(now);

  return (
    <div className="speaker-page">
      <header className="speaker-bar">
        <div className="speaker-bar__title">
          <h1>
            <span className="speaker-bar__kind">{t('speaker:heading')}</span> {title}
          </h1>
          <p className={presentation.active ? 'session-badge session-badge--live' : 'session-badge'}>
            {presentation.active && <span className="session-badge__dot" aria-hidden="true" />}
            {presentation.active ? t('present:live') : t('present:notLive')}
          </p>
        </div>
        <div className="speaker-bar__nav" role="group" aria-label={t('present:navigation')}>
          <button type="button" className="present-button" disabled={index <= 0 && fragment <= 0} onClick={back}>
            <PresentIcon name="prev" />
            <span>{t('speaker:previous')}</span>
          </button>
          <p className="present-counter present-counter--large">
            <span className="visually-hidden">{t('present:slideCounterLabel', { current: index + 1, total })}</span>
            <span aria-hidden="true">{total > 0 ? t('present:slideCounter', { current: index + 1, total }) : '–'}</span>
          </p>
          <button type="button" className="present-button present-button--primary" disabled={index >= total - 1 && !nextStep} onClick={forward}>
            <span>{t('speaker:next')}</span>
            <PresentIcon name="next" />
          </button>
        </div>
        <dl className="speaker-times">
          <div>
            <dt>
              {t('speaker:elapsed')}
              {!live && <span className="speaker-times__kind"> ({t('speaker:rehearsal')})</span>}
            </dt>
            <dd className="speaker-times__value">
              <time>{elapsed}</time>
              {!live && (
                <button type="button" className="present-button present-button--small" onClick={() => setRehearsalStart(Date.now())}>
                  {t('speaker:resetTimer')}
                </button>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('speaker:clock')}</dt>
            <dd className="speaker-times__value">
              <time>{clock}</time>
            </dd>
          </div>
        </dl>
      </header>

      <main id="main" className="speaker-main">
        <DeckChromeProvider chrome={content.chrome}>
          {sync.closed ? (
            <ClosedMessage code={sync.closed.code} reason={sync.closed.reason} />
          ) : !sync.loaded ? (
            <p role="status" className="speaker-main__loading">
              {t('present:loading')}
            </p>
          ) : (
            <>
              <section className="speaker-current" aria-labelledby="speaker-current-heading">
                <h2 id="speaker-current-heading" className="speaker-label">{t('speaker:current', { number: index + 1 })}</h2>
                {current ? (
                  <div className="speaker-slide" data-slide-id={current.id}>
                    <LiveSlide layout={current.layout} nodes={current.nodes} theme={content.theme} language={content.language} number={current.number} interactive={false} revealed={fragment} />
                  </div>
                ) : (
                  <p>{t('present:emptyDeck')}</p>
                )}
              </section>
              <section className="speaker-next" aria-labelledby="speaker-next-heading">
                <h2 id="speaker-next-heading" className="speaker-label">{nextStep ? t('speaker:nextStep', { step: fragment + 1, steps }) : t('speaker:nextSlide')}</h2>
                {next ? (
                  <div className="speaker-slide speaker-slide--next" data-slide-id={next.id}>
                    <LiveSlide layout={next.layout} nodes={next.nodes} theme={content.theme} language={content.language} number={next.number} interactive={false} revealed={nextStep ? fragment + 1 : 0} />
                  </div>
                ) : (
                  <p className="speaker-next__end">{t('speaker:endOfDeck')}</p>
                )}
              </section>
              <section className="speaker-notes" aria-labelledby="speaker-notes-heading">
                <h2 id="speaker-notes-heading" className="speaker-label">{t('speaker:notes')}</h2>
                <div className="speaker-notes__text">
                  {current && current.notes.some((n) => n.kind === 'text' || n.children.length > 0) ? (
                    <SlideContentView nodes={current.notes} interactive />
                  ) : (
                    <p className="speaker-notes__empty">{t('speaker:noNotes')}</p>
                  )}
                </div>
              </section>
            </>
          )}
        </DeckChromeProvider>
      </main>
      <footer className="speaker-foot">
        <ConnectionStatus state={sync.connection} />
        <p className="present-foot__keys">{t('speaker:keysHint')}</p>
      </footer>
    </div>
  );
}
