/** Read-only ordered list of a deck's slides: number, layout and plain text of each. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlideSummary } from './useDeckSync.ts';

export function SlideList({ slides }: { slides: SlideSummary[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="slides" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('deck.slides')}</h2>
      {slides.length === 0 ? (
        <p className="empty">{t('deck.noSlides')}</p>
      ) : (
        <ol className="slide-list" aria-labelledby={headingId}>
          {slides.map((slide, index) => (
            <li key={slide.id} className="slide-card">
              <p className="slide-card__head">
                <span className="slide-card__number">{t('deck.slideLabel', { number: index + 1 })}</span>
                <span className="slide-card__layout">{t(`layouts.${slide.layout}`)}</span>
              </p>
              {slide.text.trim() ? (
                <p className="slide-card__text">{slide.text}</p>
              ) : (
                <p className="slide-card__text slide-card__text--empty">{t('deck.emptySlide')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
