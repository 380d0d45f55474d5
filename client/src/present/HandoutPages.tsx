/**
 * Handouts (`/decks/:id/print?handout=2|3|6[&lines=1]`): A4 portrait sheets with 2, 3 or 6
 * slides each, as PowerPoint and Keynote print them — 2 stacked large, 3 down the left with
 * ruled lines for notes on the right, 6 in a 2×3 grid — with the deck title at the top and
 * "1 / 4" and the date at the bottom of every sheet.
 *
 * Each slide is drawn by LiveSlide at 1280×720 exactly as on the PDF's full pages and scaled
 * down to its cell (handout.css), so charts and fitted text are the same, only smaller. Every slide's box carries `data-print-slide={index}`,
 * which the print page's readiness check counts, and the exporter reads each slide's first
 * heading from it for the PDF's bookmarks.
 *
 * The sheets are a named page (`page: handout`, handout.css) so their A4 size does not
 * fight print.css's 1280×720 `@page` for the normal PDF.
 */
import { useTranslation } from 'react-i18next';
import type { HandoutOptions } from '../../../shared/exportOptions.ts';
import { presentedDate } from '../../../shared/statLabels.ts';
import { LiveSlide } from './LiveSlide.tsx';
import type { DeckContent } from './useDeckContent.ts';
import './handout.css';

/** Ruled lines per slide: beside a slide of the 3-up sheet, under each slide of the others. */
const LINES: Record<HandoutOptions['perPage'], number> = { 2: 5, 3: 8, 6: 3 };

export function HandoutPages({ content, handout, title }: { content: DeckContent; handout: HandoutOptions; title: string }) {
  const { t } = useTranslation();
  const { perPage, lines } = handout;
  const total = content.slides.length;
  const sheets = Array.from({ length: Math.max(1, Math.ceil(total / perPage)) }, (_, s) => content.slides.slice(s * perPage, (s + 1) * perPage));
  // The date the handout was made, as the deck's readers write it.
  const date = presentedDate(new Date(), content.language);
  return (
    <div className={`handout handout--${perPage}${lines ? ' handout--lines' : ''}`}>
      {sheets.map((slides, s) => (
        <section key={s} className="handout-sheet" aria-label={t('print:handoutSheet', { current: s + 1, total: sheets.length })}>
          <header className="handout-sheet__header">
            <p className="handout-sheet__title">{title}</p>
          </header>
          <div className="handout-sheet__slides">
            {slides.map((slide, k) => {
              const index = s * perPage + k;
              return (
                <div key={slide.id} className="handout-cell">
                  <figure className="handout-cell__slide" data-print-slide={index} aria-label={t('print:slideLabel', { current: index + 1, total })}>
                    <div className="handout-cell__canvas">
                      <LiveSlide layout={slide.layout} nodes={slide.nodes} theme={content.theme} language={content.language} number={slide.number} interactive={false} />
                    </div>
                    <figcaption className="handout-cell__number">{index + 1}</figcaption>
                  </figure>
                  {lines && (
                    <div className="handout-cell__lines" aria-hidden="true">
                      {Array.from({ length: LINES[perPage] }, (_, l) => (
                        <span key={l} />
                      ))}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
          <footer className="handout-sheet__footer">
            <span>{date}</span>
            <span>{t('print:handoutPage', { current: s + 1, total: sheets.length })}</span>
          </footer>
        </section>
      ))}
    </div>
  );
}
