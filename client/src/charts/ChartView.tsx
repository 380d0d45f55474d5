/**
 * One statistic drawn with recharts: bar, line, pie, a big number, or an accessible table.
 * Live by default (through the page's shared /stats socket); with a frozen value it shows
 * that value and an "as presented on <date>" note and subscribes to nothing.
 *
 * Accessibility: the drawing is a role="img" whose aria-label says the statistic and its
 * current values ("Interviews: 32"); the table view is a real table with a caption.
 * Animations are off so a new value shows at once.
 *
 * Words on the chart — title, categories, units, column headings, "Total", numbers, months,
 * the "as presented on" caption and the accessible name — are in the deck's language
 * (useDeckLanguage, from shared/statLabels.ts); what the viewer's app is doing — loading,
 * reconnecting, refused, unavailable — is in the UI language (t). Colours come from CHART_COLOURS
 * (readable on light and dark slides); text and axes use currentColor, so they follow the
 * deck theme.
 *
 * The block's options (shared/chartOptions.ts: title, palette, axis titles, period) are applied
 * here as the PowerPoint export applies them: the period filters the value before anything is
 * drawn or described, live and frozen alike.
 */
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, Pie, PieChart, Tooltip, XAxis, YAxis, type PieLabelRenderProps } from 'recharts';
import { chartTitle, DEFAULT_CHART_OPTIONS, filterPeriod, paletteColours, stackKeys, type ChartOptions } from '../../../shared/chartOptions.ts';
import type { ChartView as ChartViewName, FrozenReason } from '../../../shared/chartBlock.ts';
import type { DeckLanguage } from '../../../shared/deckModel.ts';
import { CHART_WORDS, frozenCaption, frozenDescription, SERIES_COLUMN_LABELS, seriesPointLabel, statUnit, storedCaption, storedDescription } from '../../../shared/statLabels.ts';
import { statDefinition, type StatValue } from '../../../shared/statsCatalogue.ts';
import { closeReasonKey } from '../deck/closeReasonKey.ts';
import { useDeckLanguage } from '../deck/DeckLanguage.tsx';
import { CHART_COLOURS, chartRows, describeValue, formatNumber, isSeries, parseFrozenValue, statLabel, totalOf, type ChartRow } from './format.ts';
import type { StatsStatus } from './StatsClient.ts';
import { useSlideScale } from './useSlideScale.ts';
import { useStat } from './useStat.ts';
import './charts.css';

export interface ChartViewProps {
  statKey: string;
  view: ChartViewName;
  /** The frozen value as stored in the chart block (JSON of a StatValue), or null while live. */
  frozenValue?: string | null;
  frozenAt?: string | null;
  /** Why it is frozen (a session's version, or by hand): decides its caption. */
  frozenReason?: FrozenReason | null;
  /** An audience link token, for attendees without a session. */
  token?: string | null;
  /** Title, colours, axis titles and period (shared/chartOptions.ts readChartOptions); the defaults when left out. */
  options?: ChartOptions;
  className?: string;
}

/** A chart that follows the live value, or shows the frozen one. */
export function ChartView({ statKey, view, frozenValue = null, frozenAt = null, frozenReason = null, token = null, options, className }: ChartViewProps) {
  const frozen = frozenValue !== null;
  const live = useStat(frozen || !statKey ? null : statKey, { token });
  if (frozen) return <StatChart statKey={statKey} view={view} value={parseFrozenValue(frozenValue)} frozenAt={frozenAt ?? ''} frozenReason={frozenReason} options={options} className={className} />;
  return <StatChart statKey={statKey} view={view} value={live.value} storedAt={live.stored ? live.updatedAt : null} status={live.status} error={live.error} closeCode={live.closeCode} options={options} className={className} />;
}

export interface StatChartProps {
  statKey: string;
  view: ChartViewName;
  value: StatValue | null;
  /** Set when the value is frozen: when it was presented (or frozen by hand). */
  frozenAt?: string | null;
  /** Why: a session's version froze it ("as presented", the default) or someone did by hand. */
  frozenReason?: FrozenReason | null;
  /** Set when the value is the stored last known one (no live value came, [ST11]): its date. */
  storedAt?: string | null;
  status?: StatsStatus;
  error?: string | null;
  closeCode?: number | null;
  options?: ChartOptions;
  className?: string;
}

/** The drawing itself, from a value already at hand (no subscription). */
export function StatChart({ statKey, view, value: fullValue, frozenAt = null, frozenReason = null, storedAt = null, status, error = null, closeCode = null, options = DEFAULT_CHART_OPTIONS, className }: StatChartProps) {
  const { t } = useTranslation();
  const language = useDeckLanguage();
  const figureRef = useRef<HTMLElement>(null);
  const scale = useSlideScale(figureRef);
  const definition = statDefinition(statKey);
  const label = statLabel(statKey, language);
  // The months the chart is set to show (the whole value for anything else), before drawing or describing it.
  const value = fullValue === null ? null : filterPeriod(definition, fullValue, options);
  const title = chartTitle(statKey, options, language);
  const colours = paletteColours(options.palette, CHART_COLOURS);
  // A stored value is drawn as a frozen one is: a fixed value with its date, no connection notices.
  const stored = frozenAt === null && storedAt !== null && value !== null;
  const frozen = frozenAt !== null || stored;
  // No value because the server refused the key or the connection for good: say so, not "loading".
  const failed = !frozen && value === null && (error !== null || status === 'closed');
  const description = failed ? `${label}: ${t('charts:notAvailable')}` : describeValue(statKey, view, value, language, t, options.title);
  const accessibleName = stored ? storedDescription(description, storedAt, language) : frozen && frozenAt ? frozenDescription(description, frozenAt, language, frozenReason ?? 'presented') : description;

  let notice: ReactNode = null;
  if (!frozen && error) notice = <p className="chart-view__notice chart-view__notice--error">{t('charts:refused', { message: error })}</p>;
  else if (!frozen && status === 'closed') {
    notice = <p className="chart-view__notice chart-view__notice--error">{t('charts:unavailable', { reason: t(closeReasonKey(closeCode)) })}</p>;
  } else if (!frozen && status === 'reconnecting') notice = <p className="chart-view__notice">{t('charts:reconnecting')}</p>;

  const rows = value === null ? [] : chartRows(definition, value, language);
  // A single number has no line or pie: those views show it as a big number.
  const asNumber = value !== null && (view === 'number' || (!isSeries(value) && view !== 'bar'));
  const drawn = value !== null && !asNumber && view !== 'table' && rows.length > 0;
  let body: ReactNode;
  if (view === 'table') {
    body = <StatTable statKey={statKey} rows={rows} value={value} caption={title ?? label} language={language} />;
  } else {
    body = (
      <div className={`chart-view__plot chart-view__plot--${view}`} role="img" aria-label={accessibleName} aria-busy={value === null && !failed && !frozen ? true : undefined}>
        {value === null ? (
          <p className="chart-view__placeholder">{frozen ? CHART_WORDS.noData[language] : failed ? t('charts:notAvailable') : t('charts:loading')}</p>
        ) : asNumber || view === 'number' ? (
          <BigNumber value={totalOf(value)} label={title ?? ''} language={language} />
        ) : rows.length === 0 ? (
          <p className="chart-view__placeholder">{CHART_WORDS.noData[language]}</p>
        ) : (
          <Plot
            view={view}
            rows={rows}
            language={language}
            unit={statUnit(definition, language)}
            scale={scale}
            colours={colours}
            axisTitles={{ x: options.xTitle, y: options.yTitle }}
            stacks={view === 'stackedBar' && value !== null ? stackKeys(value).map((key) => ({ key, label: seriesPointLabel(definition?.stackLabels, key, language) })) : []}
          />
        )}
      </div>
    );
  }

  const showTitle = title !== null && (drawn || (value === null && view !== 'number' && view !== 'table'));
  return (
    <figure
      ref={figureRef}
      className={['chart-view', `chart-view--${view}`, className].filter(Boolean).join(' ')}
      data-stat-key={statKey}
      data-view={view}
      data-frozen={frozen && !stored ? 'true' : undefined}
      data-frozen-reason={frozen && !stored ? (frozenReason ?? 'presented') : undefined}
      data-stored={stored ? 'true' : undefined}
    >
      {body}
      {(showTitle || frozen || notice) && (
        <figcaption className="chart-view__caption">
          {showTitle && <span className="chart-view__title">{title}</span>}
          {frozen && <span className="chart-view__frozen">{stored ? storedCaption(storedAt, language) : frozenCaption(frozenAt ?? '', language, frozenReason ?? 'presented')}</span>}
          {notice}
        </figcaption>
      )}
    </figure>
  );
}

function BigNumber({ value, label, language }: { value: number; label: string; language: DeckLanguage }) {
  return (
    <div className="chart-number">
      <span className="chart-number__value">{formatNumber(value, language)}</span>
      {label && <span className="chart-number__label">{label}</span>}
    </div>
  );
}

function StatTable({ statKey, rows, value, caption, language }: { statKey: string; rows: ChartRow[]; value: StatValue | null; caption: string; language: DeckLanguage }) {
  const { t } = useTranslation();
  const definition = statDefinition(statKey);
  const columnKey = definition?.seriesLabels ?? 'other';
  const unit = capitalise(statUnit(definition, language));
  const series = value !== null && isSeries(value);
  return (
    <div className="chart-table__scroll">
      <table className="chart-table">
        <caption>{caption}</caption>
        {value === null ? (
          <tbody>
            <tr>
              <td>{t('charts:loading')}</td>
            </tr>
          </tbody>
        ) : series ? (
          <>
            <thead>
              <tr>
                <th scope="col">{SERIES_COLUMN_LABELS[columnKey][language]}</th>
                <th scope="col" className="chart-table__number">
                  {unit}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={2}>{CHART_WORDS.noData[language]}</td>
                </tr>
              ) : (
                rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td className="chart-table__number">{formatNumber(row.value, language)}</td>
                  </tr>
                ))
              )}
            </tbody>
            {rows.length > 1 && (
              <tfoot>
                <tr>
                  <th scope="row">{CHART_WORDS.total[language]}</th>
                  <td className="chart-table__number">{formatNumber(totalOf(value), language)}</td>
                </tr>
              </tfoot>
            )}
          </>
        ) : (
          <tbody>
            <tr>
              <th scope="row">{unit}</th>
              <td className="chart-table__number">{formatNumber(totalOf(value), language)}</td>
            </tr>
          </tbody>
        )}
      </table>
    </div>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * The chart's pixel sizes on a 1280 px slide, times the slide's scale (useSlideScale): labels
 * about half the body text (2.4 % of the slide width), so they read on a projector.
 */
function plotSizes(scale: number) {
  const px = (n: number) => Math.max(1, Math.round(n * scale * 10) / 10);
  return {
    tick: { fill: 'currentColor', fontSize: px(18) },
    valueLabel: px(19),
    axisWidth: px(56),
    categoryWidth: px(200),
    dot: px(4.5),
    line: px(4),
    gap: px(10),
    margin: (top: number, right: number, bottom: number, left: number) => ({ top: px(top), right: px(right), bottom: px(bottom), left: px(left) }),
  };
}

interface PlotProps {
  view: Exclude<ChartViewName, 'number' | 'table'>;
  rows: ChartRow[];
  language: DeckLanguage;
  unit: string;
  scale: number;
  /** The series colours in order (paletteColours): a bar or line takes the first, slices and stacks one each. */
  colours: readonly string[];
  /** Axis titles of a bar, line or stacked bar; null: none. */
  axisTitles: { x: string | null; y: string | null };
  /** A stacked bar's series: the second dimension's labels. */
  stacks: { key: string; label: string }[];
}

function Plot({ view, rows, language, unit, scale, colours, axisTitles, stacks }: PlotProps) {
  const colour = (i: number) => colours[i % colours.length] ?? CHART_COLOURS[0];
  const format = (v: unknown) => (typeof v === 'number' ? formatNumber(v, language) : String(v));
  const size = plotSizes(scale);
  const axisTick = size.tick;
  const tooltip = (
    <Tooltip
      isAnimationActive={false}
      formatter={(v: unknown, name: unknown) => [format(v), view === 'stackedBar' ? String(name) : unit]}
      contentStyle={{ background: 'var(--chart-tooltip-bg, #fff)', color: 'var(--chart-tooltip-fg, #1a1a1a)', border: '1px solid currentColor' }}
      cursor={{ fill: 'currentColor', fillOpacity: 0.08, stroke: 'currentColor', strokeOpacity: 0.3 }}
    />
  );
  const common = { data: rows, responsive: true, accessibilityLayer: false, style: { width: '100%', height: '100%' } } as const;
  // Axis titles are SVG text (never markup), placed in room the margins leave for them.
  const titleStyle = { fill: 'currentColor', fontSize: size.tick.fontSize };
  const xLabel = axisTitles.x ? { value: axisTitles.x, position: 'insideBottom' as const, offset: 0, style: titleStyle } : undefined;
  const yLabel = axisTitles.y ? { value: axisTitles.y, angle: -90, position: 'insideLeft' as const, style: { ...titleStyle, textAnchor: 'middle' as const } } : undefined;
  const xRoom = axisTitles.x ? 1.6 * size.tick.fontSize : 0;
  const yRoom = axisTitles.y ? 1.4 * size.tick.fontSize : 0;
  const xAxisHeight = 30 * scale + xRoom;

  if (view === 'stackedBar') {
    // One bar per category made of one segment per series, each series its own colour, with a legend naming them.
    const data = rows.map((row) => ({ ...row, ...Object.fromEntries(stacks.map((stack, i) => [`part${i}`, row.parts?.find((p) => p.label === stack.key)?.value ?? 0])) }));
    return (
      <div className="chart-stacked">
        <div className="chart-stacked__plot">
          <BarChart {...common} data={data} margin={size.margin(14, 8, 4, 0)}>
            <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
            <XAxis dataKey="label" tick={axisTick} stroke="currentColor" tickLine={false} interval="preserveStartEnd" minTickGap={size.gap} height={xAxisHeight} label={xLabel} />
            <YAxis allowDecimals={false} tick={axisTick} stroke="currentColor" width={size.axisWidth + yRoom} tickFormatter={format} label={yLabel} />
            {tooltip}
            {stacks.map((stack, i) => (
              <Bar key={stack.key} dataKey={`part${i}`} name={stack.label} stackId="stack" fill={colour(i)} isAnimationActive={false} />
            ))}
          </BarChart>
        </div>
        <ul className="chart-legend chart-legend--row" aria-hidden="true">
          {stacks.map((stack, i) => (
            <li key={stack.key}>
              <span className="chart-legend__swatch" style={{ background: colour(i) }} />
              <span className="chart-legend__label">{stack.label}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  if (view === 'line') {
    return (
      <LineChart {...common} margin={size.margin(14, 20, 4, 0)}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        {/* A time axis shows where it starts and ends; labels in between as room allows. */}
        <XAxis dataKey="label" tick={axisTick} stroke="currentColor" tickLine={false} interval="preserveStartEnd" minTickGap={size.gap} height={xAxisHeight} label={xLabel} />
        <YAxis allowDecimals={false} tick={axisTick} stroke="currentColor" width={size.axisWidth + yRoom} tickFormatter={format} label={yLabel} />
        {tooltip}
        <Line type="linear" dataKey="value" name={unit} stroke={colour(0)} strokeWidth={size.line} dot={{ r: size.dot, fill: colour(0) }} isAnimationActive={false} />
      </LineChart>
    );
  }

  if (view === 'pie') {
    const total = rows.reduce((sum, r) => sum + r.value, 0);
    const label = (props: PieLabelRenderProps) => {
      const v = typeof props.value === 'number' ? props.value : Number(props.value);
      if (!v) return null;
      return (
        <text x={props.x} y={props.y} fill="currentColor" fontSize={size.valueLabel} textAnchor={props.textAnchor} dominantBaseline="central">
          {format(v)}
        </text>
      );
    };
    return (
      <div className="chart-pie">
        <div className="chart-pie__plot">
          <PieChart {...common} margin={size.margin(20, 20, 20, 20)}>
            <Pie data={rows} dataKey="value" nameKey="label" innerRadius="45%" outerRadius="75%" label={label} labelLine={false} isAnimationActive={false} stroke="none" paddingAngle={rows.length > 1 ? 1.5 : 0}>
              {rows.map((row, i) => (
                <Cell key={row.key} fill={colour(i)} />
              ))}
            </Pie>
            {tooltip}
          </PieChart>
        </div>
        <ul className="chart-legend" aria-hidden="true">
          {rows.map((row, i) => (
            <li key={row.key}>
              <span className="chart-legend__swatch" style={{ background: colour(i) }} />
              <span className="chart-legend__label">{row.label}</span>
              <span className="chart-legend__value">
                {format(row.value)}
                {total > 0 && ` (${Math.round((row.value / total) * 100)}%)`}
              </span>
            </li>
          ))}
        </ul>
      </div>
    );
  }

  // Bar: long category names read better along a vertical axis; with many bars the value
  // labels would collide (the tooltip and the accessible name still give every value).
  const horizontal = rows.length <= 12 && rows.some((r) => r.label.length > 14);
  const valueLabels = rows.length <= 12;
  return horizontal ? (
    <BarChart {...common} layout="vertical" margin={size.margin(8, 48, 4, 8)}>
      <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
      {/* Laid on its side, the categories run down the vertical axis and the values along the horizontal one. */}
      <XAxis type="number" allowDecimals={false} tick={axisTick} stroke="currentColor" tickFormatter={format} height={xAxisHeight} label={axisTitles.y ? { ...yLabel, angle: 0, position: 'insideBottom', offset: 0, style: titleStyle } : undefined} />
      <YAxis type="category" dataKey="label" tick={axisTick} stroke="currentColor" width={size.categoryWidth + yRoom} tickLine={false} label={axisTitles.x ? { ...xLabel, angle: -90, position: 'insideLeft', offset: 0, style: { ...titleStyle, textAnchor: 'middle' as const } } : undefined} />
      {tooltip}
      <Bar dataKey="value" name={unit} fill={colour(0)} isAnimationActive={false} label={valueLabels ? { position: 'right', fill: 'currentColor', fontSize: size.valueLabel, formatter: format } : false} />
    </BarChart>
  ) : (
    <BarChart {...common} margin={size.margin(24, 8, 4, 0)}>
      <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
      <XAxis dataKey="label" tick={axisTick} stroke="currentColor" tickLine={false} interval={valueLabels ? 0 : 'preserveStartEnd'} minTickGap={size.gap} height={xAxisHeight} label={xLabel} />
      <YAxis allowDecimals={false} tick={axisTick} stroke="currentColor" width={size.axisWidth + yRoom} tickFormatter={format} label={yLabel} />
      {tooltip}
      <Bar dataKey="value" name={unit} fill={colour(0)} isAnimationActive={false} label={valueLabels ? { position: 'top', fill: 'currentColor', fontSize: size.valueLabel, formatter: format } : false} />
    </BarChart>
  );
}
