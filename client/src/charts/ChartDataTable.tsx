/**
 * A chart as its data: a real table (caption, column and row headers) of the statistic's
 * current values, for reading on a phone (the attendee's reading view) where a plot scaled
 * to a 390 px slide is too small to read. Live like the chart it stands for (the page's
 * /stats socket, with the link's token), or the chart's frozen value with its caption. Words
 * and numbers are in the deck's language (shared/statLabels.ts via format.ts), the app's
 * states (loading, not available) in the UI's. No recharts: nothing heavy to load.
 */
import { useTranslation } from 'react-i18next';
import type { FrozenReason } from '../../../shared/chartBlock.ts';
import { CHART_WORDS, frozenCaption, SERIES_COLUMN_LABELS, statUnit, storedCaption } from '../../../shared/statLabels.ts';
import { statDefinition, type StatValue } from '../../../shared/statsCatalogue.ts';
import { useDeckLanguage } from '../deck/DeckLanguage.tsx';
import { chartRows, formatNumber, isSeries, parseFrozenValue, statLabel, totalOf } from './format.ts';
import { useStat } from './useStat.ts';

export interface ChartDataTableProps {
  statKey: string;
  /** The chart block's frozen value (JSON of a StatValue), or null while live. */
  frozenValue?: string | null;
  frozenAt?: string | null;
  frozenReason?: FrozenReason | null;
  /** An audience link token (attendees). */
  token?: string | null;
}

export function ChartDataTable({ statKey, frozenValue = null, frozenAt = null, frozenReason = null, token = null }: ChartDataTableProps) {
  const frozen = frozenValue !== null;
  const live = useStat(frozen || !statKey ? null : statKey, { token });
  const value = frozen ? parseFrozenValue(frozenValue) : live.value;
  const failed = !frozen && value === null && (live.error !== null || live.status === 'closed');
  const note = frozen ? { at: frozenAt ?? '', kind: 'frozen' as const } : live.stored && live.updatedAt ? { at: live.updatedAt, kind: 'stored' as const } : null;
  return <DataTable statKey={statKey} value={value} failed={failed} note={note} frozenReason={frozenReason} />;
}

function DataTable({ statKey, value, failed, note, frozenReason }: { statKey: string; value: StatValue | null; failed: boolean; note: { at: string; kind: 'frozen' | 'stored' } | null; frozenReason: FrozenReason | null }) {
  const { t } = useTranslation();
  const language = useDeckLanguage();
  const definition = statDefinition(statKey);
  const label = statLabel(statKey, language);
  const unit = capitalise(statUnit(definition, language)) || label;
  const rows = value === null ? [] : chartRows(definition, value, language);
  const caption = note ? (note.kind === 'stored' ? storedCaption(note.at, language) : frozenCaption(note.at, language, frozenReason ?? 'presented')) : null;
  return (
    <div className="chart-data" data-stat-key={statKey}>
      <table className="chart-data__table">
        <caption>
          {label}
          {caption && <span className="chart-data__note">{caption}</span>}
        </caption>
        {value === null ? (
          <tbody>
            <tr>
              {note?.kind === 'frozen' ? (
                <td>{CHART_WORDS.noData[language]}</td>
              ) : (
                <td aria-busy={failed ? undefined : true}>{failed ? t('charts:notAvailable') : t('charts:loading')}</td>
              )}
            </tr>
          </tbody>
        ) : isSeries(value) ? (
          <>
            <thead>
              <tr>
                <th scope="col">{SERIES_COLUMN_LABELS[definition?.seriesLabels ?? 'other'][language]}</th>
                <th scope="col" className="chart-data__number">
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
                    <td className="chart-data__number">{formatNumber(row.value, language)}</td>
                  </tr>
                ))
              )}
            </tbody>
            {rows.length > 1 && (
              <tfoot>
                <tr>
                  <th scope="row">{CHART_WORDS.total[language]}</th>
                  <td className="chart-data__number">{formatNumber(totalOf(value), language)}</td>
                </tr>
              </tfoot>
            )}
          </>
        ) : (
          <tbody>
            <tr>
              <th scope="row">{unit}</th>
              <td className="chart-data__number">{formatNumber(totalOf(value), language)}</td>
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
