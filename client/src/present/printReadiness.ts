/**
 * When a print page (what the PDF and HTML exports are made of) may be captured: every
 * chart has a value and is drawn, every image is decoded, code is highlighted, text fitted.
 *
 * A chart that gets no live value — none within LIVE_VALUE_WAIT_MS, or the key refused, or
 * the statistics socket closed for good — is drawn from the server's stored last known value
 * (GET /api/stats/:key, stats-spec [ST10]/[ST11]) and captioned with its date; never
 * "loading". When there is no stored value either, the page fails naming the slide and the
 * statistic, and the export fails with that message instead of printing a hole.
 */
import type { StatResponse } from '../../../shared/api.ts';
import type { ExportProblem } from '../../../shared/exportOptions.ts';
import { STAT_KEYS } from '../../../shared/statsCatalogue.ts';
import { http } from '../api/http.ts';
import type { StatsClient } from '../charts/StatsClient.ts';

/** How long a chart waits for its live value before the stored one is asked for. */
export const LIVE_VALUE_WAIT_MS = 10_000;

/**
 * Why a slide is not ready yet, or null when it is. A chart whose module has not arrived is
 * a `.chart-loading` box without a figure: that is not ready either (it was, once, and every
 * PDF had empty boxes where its charts should be).
 */
export function slideNotReady(element: Element, client: StatsClient): string | null {
  if (element.querySelector('[data-highlight-pending]')) return 'code';
  if (element.querySelector('[data-fit-pending]')) return 'fit';
  for (const block of Array.from(element.querySelectorAll('[data-type="chart"]'))) {
    if (block.classList.contains('chart-placeholder')) continue;
    const figure = block.querySelector('figure.chart-view');
    if (!figure || !chartDrawn(figure, client)) return `chart ${block.querySelector('[data-stat-key]')?.getAttribute('data-stat-key') ?? ''}`.trim();
  }
  for (const img of Array.from(element.querySelectorAll('img'))) {
    // Slides are long off screen here: lazy images would never load.
    if (img.loading === 'lazy') img.loading = 'eager';
    if (!img.complete) return 'image';
  }
  return null;
}

/**
 * A chart is drawn when it has a value (live, frozen or stored) and recharts has drawn it.
 * A key the catalogue does not know is drawn as its "unknown statistic" marker once the
 * server has said so: that is what the deck holds, as the editor shows it.
 */
function chartDrawn(figure: Element, client: StatsClient): boolean {
  const key = figure.getAttribute('data-stat-key') ?? '';
  if (figure.getAttribute('data-frozen') !== 'true' && key) {
    const state = client.get(key);
    const settled = state.value !== null || (!STAT_KEYS.has(key) && (state.error !== null || state.status === 'closed'));
    if (!settled) return false;
  }
  if (figure.querySelector('[aria-busy="true"]')) return false;
  const plot = figure.querySelector('.chart-view__plot');
  if (!plot) return figure.querySelector('table') !== null;
  return plot.querySelector('svg, .chart-view__placeholder, .chart-number') !== null;
}

export type StatFetcher = (key: string) => Promise<StatResponse>;

const fetchStored: StatFetcher = (key) => http.get<StatResponse>(`/api/stats/${encodeURIComponent(key)}`);

/** Asks once per key for the stored value of charts that get no live one ([ST11]). */
export class StoredValueFallback {
  private readonly asked = new Map<string, { failed: string | null }>();

  constructor(
    private readonly client: StatsClient,
    private readonly started: number = Date.now(),
    private readonly fetchStat: StatFetcher = fetchStored,
  ) {}

  /**
   * Looks at the live charts on `root` (`[data-print-slide]` elements, index = slide) and
   * asks for stored values where due. Returns why the page cannot become ready (a slide's
   * chart without any value), or null.
   */
  check(root: Element, now: number = Date.now()): { message: string; problem: ExportProblem } | null {
    for (const figure of Array.from(root.querySelectorAll('figure.chart-view[data-stat-key]'))) {
      if (figure.getAttribute('data-frozen') === 'true') continue;
      const key = figure.getAttribute('data-stat-key') ?? '';
      if (!STAT_KEYS.has(key)) continue;
      const asked = this.asked.get(key);
      if (asked?.failed) {
        const slide = Number(figure.closest('[data-print-slide]')?.getAttribute('data-print-slide') ?? '-1') + 1;
        return { message: `slide ${slide}: chart ${key} has no value (${asked.failed})`, problem: { code: 'no-value', slide, stat: key } };
      }
      if (asked) continue;
      const state = this.client.get(key);
      if (state.value !== null) continue;
      const refused = state.error !== null || state.status === 'closed';
      if (!refused && now - this.started < LIVE_VALUE_WAIT_MS) continue;
      const entry = { failed: null as string | null };
      this.asked.set(key, entry);
      this.fetchStat(key).then(
        (snapshot) => this.client.takeStored(snapshot),
        (err: unknown) => {
          const live = state.error ?? (state.status === 'closed' ? `live figures closed (${state.closeCode ?? ''})` : 'no live value in time');
          entry.failed = `${live}; stored value: ${err instanceof Error ? err.message : String(err)}`;
        },
      );
    }
    return null;
  }
}
