/**
 * The settings of the selected chart block, drawn beside the slide (in the editor
 * workspace's side panel, see SlideWorkspace.tsx CHART_SETTINGS_SLOT) so the chart stays in
 * full view while they change it: statistic, view, freeze, title, colours, axis titles and,
 * for a statistic by month, the period. Every field is a labelled native control (keyboard
 * operable); Escape or "Close" hands the focus back to the slide.
 *
 * The controls are the editor's interface (UI language); the names of statistics and months
 * in them are the deck's words (its language), as on the chart.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartAttrs, ChartView } from '../../../shared/chartBlock.ts';
import { CHART_PALETTES, defaultAxisTitles, isChartPalette, isMonthSeries, type ChartOptions } from '../../../shared/chartOptions.ts';
import type { DeckLanguage } from '../../../shared/deckModel.ts';
import { MAX_AXIS_TITLE_LENGTH, MAX_CHART_TITLE_LENGTH } from '../../../shared/limits.ts';
import { CHART_WORDS, monthLabel } from '../../../shared/statLabels.ts';
import { STAT_CATALOGUE, statDefinition } from '../../../shared/statsCatalogue.ts';
import { isChartView, viewsFor } from './format.ts';

export interface ChartSettingsProps {
  attrs: ChartAttrs;
  /** The language of the statistics' names (the UI's, as in the statistic menu before). */
  language: DeckLanguage;
  /** The deck's language: the default title and axis titles are the chart's words. */
  deckLanguage: DeckLanguage;
  /** The months the statistic has (its whole series, before the period filter), for the period menus. */
  months: string[];
  canFreeze: boolean;
  onChooseStat: (statKey: string) => void;
  onView: (view: ChartView) => void;
  onOptions: (changes: Partial<ChartOptions>) => void;
  onFreeze: () => void;
  onUnfreeze: () => void;
  onClose: () => void;
  /** Move the focus into the panel once it shows (it was opened with its button or the keyboard). */
  focusOnOpen?: boolean;
}

export function ChartSettings({ attrs, language, deckLanguage, months, canFreeze, onChooseStat, onView, onOptions, onFreeze, onUnfreeze, onClose, focusOnOpen = false }: ChartSettingsProps) {
  const { t } = useTranslation();
  const id = useId();
  const first = useRef<HTMLSelectElement>(null);
  const definition = statDefinition(attrs.statKey);
  const known = definition !== undefined;
  const views = viewsFor(attrs.statKey);
  const frozen = attrs.frozenValue !== null;
  const axes = attrs.view === 'bar' || attrs.view === 'line' || attrs.view === 'stackedBar';
  const axisTitlesOn = attrs.xTitle !== null || attrs.yTitle !== null;
  const defaults = defaultAxisTitles(definition, deckLanguage);
  const statName = definition ? definition.label[deckLanguage] : CHART_WORDS.unknownStatistic[deckLanguage];
  // The months on offer: the statistic's, and a stored bound even when the value (still) lacks it.
  const monthChoices = [...new Set([...months, ...(attrs.from ? [attrs.from] : []), ...(attrs.to ? [attrs.to] : [])])].sort();

  useEffect(() => {
    if (focusOnOpen) first.current?.focus();
  }, [focusOnOpen]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <section className="chart-settings" aria-labelledby={`${id}-heading`} onKeyDown={onKeyDown} data-chart-settings="">
      <div className="chart-settings__head">
        <h2 id={`${id}-heading`} className="chart-settings__heading">
          {t('charts:settings.open')}
        </h2>
        <button type="button" className="chart-settings__close" onClick={onClose} aria-label={t('charts:settings.close')} title={t('charts:settings.close')}>
          ×
        </button>
      </div>
      <label className="chart-settings__field">
        <span>{t('charts:statistic')}</span>
        <select ref={first} value={attrs.statKey} onChange={(e) => onChooseStat(e.target.value)}>
          {!known && <option value={attrs.statKey}>{CHART_WORDS.unknownStatistic[language]}</option>}
          {STAT_CATALOGUE.map((stat) => (
            <option key={stat.key} value={stat.key}>
              {stat.label[language]}
            </option>
          ))}
        </select>
      </label>
      <label className="chart-settings__field">
        <span>{t('charts:view')}</span>
        <select value={attrs.view} onChange={(e) => isChartView(e.target.value) && onView(e.target.value)}>
          {!views.includes(attrs.view) && <option value={attrs.view}>{t(`charts:views.${attrs.view}`)}</option>}
          {views.map((view) => (
            <option key={view} value={view}>
              {t(`charts:views.${view}`)}
            </option>
          ))}
        </select>
      </label>
      {frozen ? (
        <button type="button" className="chart-settings__button" onClick={onUnfreeze}>
          {t('charts:unfreeze')}
        </button>
      ) : (
        <button type="button" className="chart-settings__button" onClick={onFreeze} disabled={!canFreeze}>
          {t('charts:freeze')}
        </button>
      )}

      <fieldset className="chart-settings__group">
        <legend>{t('charts:settings.titleGroup')}</legend>
        <label className="chart-settings__field">
          <span>{t('charts:settings.title')}</span>
          <input
            type="text"
            value={attrs.title ?? ''}
            placeholder={statName}
            maxLength={MAX_CHART_TITLE_LENGTH}
            disabled={attrs.hideTitle}
            aria-describedby={`${id}-title-hint`}
            onChange={(e) => onOptions({ title: e.target.value === '' ? null : e.target.value })}
          />
        </label>
        <p id={`${id}-title-hint`} className="chart-settings__hint">
          {t('charts:settings.titleHint', { name: statName })}
        </p>
        <label className="chart-settings__check">
          <input type="checkbox" checked={attrs.hideTitle} onChange={(e) => onOptions({ hideTitle: e.target.checked })} />
          <span>{t('charts:settings.hideTitle')}</span>
        </label>
      </fieldset>

      {attrs.view !== 'number' && attrs.view !== 'table' && (
        <label className="chart-settings__field">
          <span>{t('charts:settings.palette')}</span>
          <select value={attrs.palette} onChange={(e) => isChartPalette(e.target.value) && onOptions({ palette: e.target.value })}>
            {CHART_PALETTES.map((palette) => (
              <option key={palette} value={palette}>
                {t(`charts:settings.palettes.${palette}`)}
              </option>
            ))}
          </select>
        </label>
      )}

      {axes && (
        <fieldset className="chart-settings__group">
          <legend>{t('charts:settings.axisTitles')}</legend>
          <label className="chart-settings__check">
            <input
              type="checkbox"
              checked={axisTitlesOn}
              onChange={(e) => onOptions(e.target.checked ? { xTitle: defaults.x, yTitle: defaults.y } : { xTitle: null, yTitle: null })}
            />
            <span>{t('charts:settings.axisTitles')}</span>
          </label>
          {axisTitlesOn && (
            <>
              <label className="chart-settings__field">
                <span>{t('charts:settings.xTitle')}</span>
                <input type="text" value={attrs.xTitle ?? ''} maxLength={MAX_AXIS_TITLE_LENGTH} onChange={(e) => onOptions({ xTitle: e.target.value })} />
              </label>
              <label className="chart-settings__field">
                <span>{t('charts:settings.yTitle')}</span>
                <input type="text" value={attrs.yTitle ?? ''} maxLength={MAX_AXIS_TITLE_LENGTH} onChange={(e) => onOptions({ yTitle: e.target.value })} />
              </label>
            </>
          )}
        </fieldset>
      )}

      {isMonthSeries(definition) && attrs.view !== 'number' && (
        <fieldset className="chart-settings__group">
          <legend>{t('charts:settings.period')}</legend>
          <label className="chart-settings__field">
            <span>{t('charts:settings.from')}</span>
            <select value={attrs.from ?? ''} onChange={(e) => onOptions({ from: e.target.value || null })}>
              <option value="">{t('charts:settings.allMonths')}</option>
              {monthChoices.map((month) => (
                <option key={month} value={month} disabled={attrs.to !== null && month > attrs.to}>
                  {monthLabel(month, deckLanguage, 'long')}
                </option>
              ))}
            </select>
          </label>
          <label className="chart-settings__field">
            <span>{t('charts:settings.to')}</span>
            <select value={attrs.to ?? ''} onChange={(e) => onOptions({ to: e.target.value || null })}>
              <option value="">{t('charts:settings.allMonths')}</option>
              {monthChoices.map((month) => (
                <option key={month} value={month} disabled={attrs.from !== null && month < attrs.from}>
                  {monthLabel(month, deckLanguage, 'long')}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
    </section>
  );
}
