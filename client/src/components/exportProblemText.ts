/** An export's problem (shared/exports.ts ExportProblem) as a sentence in the UI's language. */
import type { TFunction } from 'i18next';
import type { DeckLanguage } from '../../../shared/deckModel.ts';
import type { ExportProblem } from '../../../shared/exportOptions.ts';
import { statTitle } from '../../../shared/statLabels.ts';

export function exportProblemText(problem: ExportProblem, t: TFunction, language: DeckLanguage): string {
  if (problem.code === 'no-value') return t('exportMenu:problem.noValue', { slide: problem.slide, stat: statTitle(problem.stat, language) });
  const chart = /^chart (.+)$/.exec(problem.what);
  const what = chart
    ? t('exportMenu:problem.what.chart', { stat: statTitle(chart[1]!, language) })
    : problem.what === 'image' || problem.what === 'code' || problem.what === 'fit'
      ? t(`exportMenu:problem.what.${problem.what}`)
      : t('exportMenu:problem.what.drawn');
  return t('exportMenu:problem.notReady', { slide: problem.slide, what });
}
