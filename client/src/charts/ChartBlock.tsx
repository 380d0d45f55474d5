/**
 * The chart block of a slide: a Tiptap atom node named `chart` (see shared/chartBlock.ts for
 * its attributes) drawn by a React node view that shows the statistic live.
 *
 *   import { ChartBlock } from '../charts/ChartBlock.tsx';
 *   extensions: [..., ChartBlock]                       // editors (session cookie)
 *   extensions: [..., ChartBlock.configure({ token })]  // attendees on an audience link
 *   editor.chain().focus().insertChart({ statKey: 'interviews.total', view: 'number' }).run()
 *
 * When the editor is editable the block shows its controls: the statistic, the view,
 * "Freeze values" (stores the current value with the time, "as presented on <date>") and
 * "Make live again". HTML is `<figure data-chart data-stat-key data-view
 * data-frozen-value data-frozen-at>`; parsing keeps only valid values and rendering emits
 * nothing but those data attributes, so pasted HTML cannot smuggle script in.
 *
 * Its options (shared/chartOptions.ts: title, palette, axis titles, period) are attributes too,
 * `data-title data-hide-title data-palette data-x-title data-y-title data-from data-to`,
 * validated the same way. The controls are a settings panel beside the slide while the block is
 * selected (ChartSettings.tsx, in the workspace's CHART_SETTINGS_SLOT), never over the chart.
 */
import { mergeAttributes, Node, type Editor } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { CHART_NODE, frozenReason, type ChartAttrs, type ChartView } from '../../../shared/chartBlock.ts';
import { CHART_OPTION_ATTRS, chartOptionAttrs, cleanMonth, cleanOptionText, isChartPalette, readChartOptions, type ChartOptions } from '../../../shared/chartOptions.ts';
import { MAX_AXIS_TITLE_LENGTH, MAX_CHART_TITLE_LENGTH } from '../../../shared/limits.ts';
import { statDefinition } from '../../../shared/statsCatalogue.ts';
import { useDeckLanguage, useUiLanguage } from '../deck/DeckLanguage.tsx';
import { ChartSettings } from './ChartSettings.tsx';
import { StatChart } from './ChartView.tsx';
import { isChartView, parseFrozenValue, viewsFor } from './format.ts';
import { useStat } from './useStat.ts';
import { MAX_STAT_KEY_LENGTH } from '../../../shared/limits.ts';
import { mediaAlign, mediaWidth } from '../../../shared/mediaSize.ts';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { setNodeAttrs, startResize, type HandleCorner } from '../editor/mediaResize.ts';
import { chartBoxAttrs } from '../editor/mediaStyle.ts';

export interface ChartBlockOptions {
  /** An audience link token: attendees subscribe with it instead of a session cookie. */
  token: string | null;
  HTMLAttributes: Record<string, string>;
}

export type InsertChartAttrs = { statKey: string } & Partial<Omit<ChartAttrs, 'statKey'>>;

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    chart: {
      /** Insert a chart block at the selection (live unless frozenValue is given). */
      insertChart: (attrs: InsertChartAttrs) => ReturnType;
    };
  }
}

/** A frozen value is a small JSON document; anything larger is not one of ours. */
const MAX_FROZEN_LENGTH = 20_000;

/** The view a statistic is shown in when none is asked for. */
export function defaultView(statKey: string): ChartView {
  return statDefinition(statKey)?.kind === 'number' ? 'number' : 'bar';
}

function cleanKey(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_STAT_KEY_LENGTH) : '';
}

/** A frozen value in canonical JSON, or null when missing or invalid. */
export function cleanFrozenValue(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_FROZEN_LENGTH) return null;
  const parsed = parseFrozenValue(value);
  return parsed === null ? null : JSON.stringify(parsed);
}

export function cleanFrozenAt(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Attributes as they should be stored, from anything (a command's input, a node's attrs). */
export function normaliseChartAttrs(input: Partial<Record<keyof ChartAttrs, unknown>>): ChartAttrs {
  const statKey = cleanKey(input.statKey);
  const view = isChartView(input.view) ? input.view : defaultView(statKey);
  const frozenValue = cleanFrozenValue(input.frozenValue);
  // A frozen value without its date still shows; a date without a value means nothing.
  const frozenAt = frozenValue === null ? null : (cleanFrozenAt(input.frozenAt) ?? null);
  return { statKey, view, frozenValue, frozenAt, frozenReason: frozenValue === null ? null : frozenReason(input.frozenReason), ...readChartOptions(input) };
}

/** The chart options' HTML attributes: data-* only, each validated on the way in and out. */
function optionAttribute(name: (typeof CHART_OPTION_ATTRS)[number], dataName: string, clean: (value: unknown) => string | boolean | null, empty: string | boolean | null) {
  return {
    default: empty,
    parseHTML: (el: HTMLElement) => clean(el.getAttribute(dataName)) ?? empty,
    renderHTML: (attrs: Record<string, unknown>) => {
      const value = clean(attrs[name]);
      return value === null || value === false ? {} : { [dataName]: String(value) };
    },
  };
}

/** The element where the selected chart's settings are drawn, beside the slide (SlideWorkspace.tsx). */
export const CHART_SETTINGS_SLOT = 'data-chart-settings-slot';

export const ChartBlock = Node.create<ChartBlockOptions>({
  name: CHART_NODE,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  isolating: true,

  addOptions() {
    return { token: null, HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      statKey: {
        default: '',
        parseHTML: (el) => cleanKey(el.getAttribute('data-stat-key')),
        renderHTML: (attrs) => ({ 'data-stat-key': cleanKey(attrs.statKey) }),
      },
      view: {
        default: 'bar',
        parseHTML: (el) => {
          const view = el.getAttribute('data-view');
          return isChartView(view) ? view : defaultView(cleanKey(el.getAttribute('data-stat-key')));
        },
        renderHTML: (attrs) => ({ 'data-view': isChartView(attrs.view) ? attrs.view : 'bar' }),
      },
      frozenValue: {
        default: null,
        parseHTML: (el) => cleanFrozenValue(el.getAttribute('data-frozen-value')),
        renderHTML: (attrs) => {
          const value = cleanFrozenValue(attrs.frozenValue);
          return value === null ? {} : { 'data-frozen-value': value };
        },
      },
      frozenAt: {
        default: null,
        parseHTML: (el) => (cleanFrozenValue(el.getAttribute('data-frozen-value')) === null ? null : cleanFrozenAt(el.getAttribute('data-frozen-at'))),
        renderHTML: (attrs) => {
          const at = cleanFrozenAt(attrs.frozenAt);
          return at === null ? {} : { 'data-frozen-at': at };
        },
      },
      // 'presented' (a session's version froze it) or 'hand' (the freeze button); null while live.
      frozenReason: {
        default: null,
        parseHTML: (el) => (cleanFrozenValue(el.getAttribute('data-frozen-value')) === null ? null : frozenReason(el.getAttribute('data-frozen-reason'))),
        renderHTML: (attrs) => (cleanFrozenValue(attrs.frozenValue) === null ? {} : { 'data-frozen-reason': frozenReason(attrs.frozenReason) }),
      },
      // Size and alignment on the slide (shared/mediaSize.ts): a share of the column, left/center/right.
      width: {
        default: null,
        parseHTML: (el) => mediaWidth(el.getAttribute('data-width')),
        renderHTML: (attrs) => (mediaWidth(attrs.width) === null ? {} : { 'data-width': String(mediaWidth(attrs.width)) }),
      },
      align: {
        default: null,
        parseHTML: (el) => mediaAlign(el.getAttribute('data-align')),
        renderHTML: (attrs) => (mediaAlign(attrs.align) === null ? {} : { 'data-align': mediaAlign(attrs.align)! }),
      },
      // The chart's options (shared/chartOptions.ts).
      title: optionAttribute('title', 'data-title', (v) => cleanOptionText(v, MAX_CHART_TITLE_LENGTH), null),
      // Defaults are null, never false or 'theme': y-prosemirror would otherwise write them into
      // every chart the moment a slide is opened (editorSchema.test.ts: opening changes nothing).
      hideTitle: optionAttribute('hideTitle', 'data-hide-title', (v) => (v === true || v === 'true' ? true : null), null),
      palette: optionAttribute('palette', 'data-palette', (v) => (isChartPalette(v) && v !== 'theme' ? v : null), null),
      xTitle: optionAttribute('xTitle', 'data-x-title', (v) => cleanOptionText(v, MAX_AXIS_TITLE_LENGTH), null),
      yTitle: optionAttribute('yTitle', 'data-y-title', (v) => cleanOptionText(v, MAX_AXIS_TITLE_LENGTH), null),
      from: optionAttribute('from', 'data-from', cleanMonth, null),
      to: optionAttribute('to', 'data-to', cleanMonth, null),
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-chart]' }];
  },

  renderHTML({ HTMLAttributes }) {
    // Only the data attributes above (and the configured static ones) are emitted.
    return ['figure', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { 'data-chart': '' })];
  },

  renderText({ node }) {
    return `[${statDefinition(cleanKey(node.attrs.statKey))?.label.en ?? 'chart'}]`;
  },

  addCommands() {
    return {
      insertChart:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: normaliseChartAttrs(attrs) }),
    };
  },

  addNodeView() {
    return ReactNodeViewRenderer(ChartNodeView, { attrs: ({ node }) => chartBoxAttrs(node.attrs) });
  },
});

/** Re-render when the editor becomes editable or read-only. */
function useEditable(editor: Editor): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      editor.on('update', onChange);
      editor.on('transaction', onChange);
      return () => {
        editor.off('update', onChange);
        editor.off('transaction', onChange);
      };
    },
    [editor],
  );
  return useSyncExternalStore(subscribe, () => editor.isEditable, () => false);
}

/** The corner handles of a selected chart: dragging one stores the chart's width as a share of its column. */
function ChartHandles({ editor, getPos, attrs }: { editor: Editor; getPos: NodeViewProps['getPos']; attrs: Record<string, unknown> }) {
  const start = (event: ReactPointerEvent<HTMLSpanElement>, corner: HandleCorner) => {
    const outer = event.currentTarget.closest('.react-renderer');
    const pos = getPos();
    if (!(outer instanceof HTMLElement) || typeof pos !== 'number') return;
    const share = mediaWidth(attrs.width) ?? 100;
    startResize(event.nativeEvent, { frame: outer, column: (outer.getBoundingClientRect().width * 100) / share, corner, align: mediaAlign(attrs.align), onCommit: (width) => setNodeAttrs(editor, pos, { width }) });
  };
  return (
    <>
      <span className="media-handle media-handle--left" data-media-handle="left" aria-hidden="true" onPointerDown={(e) => start(e, 'left')} />
      <span className="media-handle media-handle--right" data-media-handle="right" aria-hidden="true" onPointerDown={(e) => start(e, 'right')} />
    </>
  );
}

function ChartNodeView({ node, editor, extension, selected, getPos }: NodeViewProps) {
  const { t } = useTranslation();
  // The controls are the editor's interface (UI language); the chart below is slide content
  // and takes the deck's language from SlideFrame's provider (node views render inside it).
  const language = useUiLanguage();
  const deckLanguage = useDeckLanguage();
  const attrs = normaliseChartAttrs(node.attrs as Partial<Record<keyof ChartAttrs, unknown>>);
  const editable = useEditable(editor);
  const token = (extension.options as ChartBlockOptions).token;
  const frozen = attrs.frozenValue !== null;
  const live = useStat(frozen || !attrs.statKey ? null : attrs.statKey, { token });
  const value = frozen ? parseFrozenValue(attrs.frozenValue) : live.value;
  const [focusPanel, setFocusPanel] = useState(false);

  // Attribute steps keep the block selected (a replaced node would lose the selection, and the panel with it).
  const setAttrs = (changes: Record<string, unknown>) => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    const tr = editor.state.tr;
    for (const [name, attrValue] of Object.entries(changes)) tr.setNodeAttribute(pos, name, attrValue);
    editor.view.dispatch(tr);
  };
  const chooseStat = (statKey: string) => {
    // A frozen value belongs to the old statistic; keep the view only where it still fits.
    const view = viewsFor(statKey).includes(attrs.view) ? attrs.view : defaultView(statKey);
    setAttrs({ statKey, view, frozenValue: null, frozenAt: null, frozenReason: null });
  };
  const freeze = () => {
    if (live.value === null) return;
    // Frozen here, by hand: it reads "vastgezet op", not "zoals gepresenteerd op" (it was never presented).
    setAttrs({ frozenValue: JSON.stringify(live.value), frozenAt: new Date().toISOString(), frozenReason: 'hand' });
  };
  const unfreeze = () => setAttrs({ frozenValue: null, frozenAt: null, frozenReason: null });
  const setOptions = (changes: Partial<ChartOptions>) => {
    const next = readChartOptions({ ...attrs, ...changes });
    const stored = chartOptionAttrs(next);
    setAttrs(Object.fromEntries(CHART_OPTION_ATTRS.map((name) => [name, stored[name] ?? null])));
  };
  const openPanel = () => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    setFocusPanel(true);
    editor.commands.setNodeSelection(pos);
  };
  const closePanel = () => {
    const pos = getPos();
    setFocusPanel(false);
    if (typeof pos === 'number') editor.chain().focus().setTextSelection(pos + node.nodeSize).run();
  };

  const open = editable && selected;
  const months = Array.isArray(value) ? value.map((point) => point.label) : [];
  // Beside the slide when the workspace has room for it; in the editor's own flow otherwise, never over the chart.
  let slot: Element | null = null;
  try {
    slot = open ? (editor.view.dom.closest('.workspace')?.querySelector(`[${CHART_SETTINGS_SLOT}]`) ?? null) : null;
  } catch {
    slot = null; // the view is not mounted yet
  }
  const panel = open ? (
    <ChartSettings
      attrs={attrs}
      language={language}
      deckLanguage={deckLanguage}
      months={months}
      canFreeze={live.value !== null}
      onChooseStat={chooseStat}
      onView={(view) => setAttrs({ view })}
      onOptions={setOptions}
      onFreeze={freeze}
      onUnfreeze={unfreeze}
      onClose={closePanel}
      focusOnOpen={focusPanel}
    />
  ) : null;

  const classes = ['chart-block', editable && 'chart-block--editable', selected && editable && 'chart-block--selected'].filter(Boolean).join(' ');
  return (
    <NodeViewWrapper className={classes} data-chart-block="" data-stat-key={attrs.statKey} contentEditable={false}>
      {editable && (
        <div className="chart-block__controls" role="group" aria-label={t('charts:controls')}>
          <span className="chart-block__handle" data-drag-handle="" draggable="true" aria-hidden="true">
            ⠿
          </span>
          <button type="button" className="chart-block__settings" onClick={openPanel} aria-expanded={open}>
            {t('charts:settings.open')}
          </button>
        </div>
      )}
      <StatChart
        statKey={attrs.statKey}
        view={attrs.view}
        value={value}
        frozenAt={frozen ? (attrs.frozenAt ?? '') : null}
        frozenReason={attrs.frozenReason}
        status={frozen ? undefined : live.status}
        error={frozen ? null : live.error}
        closeCode={frozen ? null : live.closeCode}
        options={attrs}
      />
      {editable && <ChartHandles editor={editor} getPos={getPos} attrs={node.attrs} />}
      {panel && (slot ? createPortal(panel, slot) : <div className="chart-block__panel">{panel}</div>)}
    </NodeViewWrapper>
  );
}
