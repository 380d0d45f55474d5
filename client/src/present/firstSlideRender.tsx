/**
 * The attendee's first slide as HTML text, for the server to put into the page (shared/
 * firstSlide.ts, [AU13]). Built by client/build/firstSlidePlugin.ts as a module for Node,
 * beside the built client. It draws with the attendee page's own parts — LiveSlide, and the
 * page's bar, stage and controls — so the picture the server sends is the one the app then
 * draws over it; React escapes every text and attribute. Charts show the app's loading box
 * (their figures come over the statistics socket, once the app runs).
 */
import { createInstance, type i18n as I18n } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import type * as Y from 'yjs';
import { readChrome } from '../../../shared/deckChrome.ts';
import { audienceState, deckTypes, getSlide, readMeta, readPresentation, slideIds } from '../../../shared/deckModel.ts';
import { FIRST_SLIDE_ID, type FirstSlideRequest, type RenderFirstSlide } from '../../../shared/firstSlide.ts';
import { DeckChromeProvider } from '../deck/DeckChrome.tsx';
import { fragmentToTree } from '../editor/slideTree.ts';
import { en, NAMESPACES } from '../i18n/en.ts';
import { nl } from '../i18n/nl.ts';
import { PresentIcon } from './icons.tsx';
import { LiveSlide } from './LiveSlide.tsx';

let instance: I18n | null = null;

/** One i18next of its own (the app's reads the browser): both languages, bundled, ready at once. */
function translations(): I18n {
  if (instance) return instance;
  instance = createInstance();
  void instance.init({ resources: { en, nl } as never, lng: 'nl', fallbackLng: 'en', ns: [...NAMESPACES], defaultNS: 'app', initAsync: false, interpolation: { escapeValue: false } });
  return instance;
}

export const renderFirstSlide: RenderFirstSlide = (audience: Y.Doc, request: FirstSlideRequest): string | null => {
  const presentation = readPresentation(audience);
  if (audienceState(presentation) !== 'live' || presentation.slideId === null) return null;
  const slide = getSlide(audience, presentation.slideId);
  if (!slide) return null;
  const meta = readMeta(audience);
  const stored = deckTypes(audience).slides.get(slide.id)?.get('number');
  const number = typeof stored === 'number' && Number.isInteger(stored) && stored > 0 ? stored : undefined;
  const shown = slideIds(audience);
  const current = shown.indexOf(slide.id) + 1;
  const i18n = translations();
  const t = i18n.getFixedT(request.uiLanguage);
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <div id={FIRST_SLIDE_ID} className="first-slide" lang={request.uiLanguage}>
        <div className="attendee attendee--live">
          <header className="attendee-bar">
            <p className="attendee-bar__title">{meta.title}</p>
            <p className="attendee-badge attendee-badge--live">
              <span className="attendee-badge__dot" aria-hidden="true" />
              {t('viewer:live')}
            </p>
          </header>
          <div className="attendee-stage">
            <section className="attendee-slide" aria-label={t('viewer:pageTitle')} data-slide-id={slide.id} data-live="true">
              <DeckChromeProvider chrome={readChrome(audience)} token={request.token}>
                <LiveSlide layout={slide.layout} nodes={fragmentToTree(slide.content)} theme={meta.theme} language={meta.language} number={number} token={request.token} revealed={presentation.fragment} />
              </DeckChromeProvider>
            </section>
          </div>
          {/* The app's controls, not usable until the app runs: the slide sits where the app will draw it. */}
          <nav className="attendee-controls" aria-label={t('viewer:navigation')}>
            <button type="button" className="attendee-button attendee-button--icon" disabled aria-label={t('viewer:previous')}>
              <PresentIcon name="prev" size={24} />
            </button>
            <p className="attendee-controls__counter">{t('viewer:counter', { current, total: shown.length })}</p>
            <button type="button" className="attendee-button attendee-button--icon" disabled aria-label={t('viewer:next')}>
              <PresentIcon name="next" size={24} />
            </button>
            <button type="button" className="attendee-button attendee-button--live" disabled>
              <PresentIcon name="live" size={20} />
              <span>{t('viewer:backToLive')}</span>
            </button>
          </nav>
        </div>
      </div>
    </I18nextProvider>,
  );
};
