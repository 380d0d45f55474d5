/**
 * The toolbar's text formatting controls (issue #17): font size (smaller, a list of steps,
 * larger), text colour and highlight (menus of the theme's palette, with "no colour"),
 * alignment (toggle buttons) and line spacing (a list). Every control has an accessible name;
 * toggles report aria-pressed, the colour menus follow the WAI-ARIA menu button pattern
 * (Enter, Space or ArrowDown opens, the arrow keys move, Escape closes back to the button).
 * The swatches show the colour the key has in this deck's theme (shared/textFormat.ts).
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FONT_SIZE_STEPS,
  fontSize,
  HIGHLIGHTS,
  highlight,
  highlightHex,
  LINE_SPACINGS,
  lineSpacing,
  TEXT_ALIGNS,
  TEXT_COLOURS,
  textAlign,
  textColour,
  textColourHex,
  type FontSizeStep,
  type LineSpacing,
  type TextAlign,
} from '../../../shared/textFormat.ts';

interface FormatState {
  size: FontSizeStep;
  colour: string | null;
  highlight: string | null;
  align: TextAlign | null;
  spacing: LineSpacing | null;
}

const IDLE: FormatState = { size: 100, colour: null, highlight: null, align: null, spacing: null };

function readFormat(editor: Editor | null): FormatState {
  if (!editor || editor.isDestroyed) return IDLE;
  const block = editor.getAttributes(editor.isActive('heading') ? 'heading' : 'paragraph');
  return {
    size: fontSize(editor.getAttributes('fontSize').size) ?? 100,
    colour: textColour(editor.getAttributes('textColor').color),
    highlight: highlight(editor.getAttributes('highlight').color),
    align: textAlign(block.textAlign),
    spacing: lineSpacing(block.lineSpacing),
  };
}

/** Alignment icons on the editor's 24-unit grid (Icon.tsx). */
const ALIGN_PATHS: Record<TextAlign, string> = {
  left: 'M4 6h16M4 10h10M4 14h16M4 18h10',
  center: 'M4 6h16M7 10h10M4 14h16M7 18h10',
  right: 'M4 6h16M10 10h10M4 14h16M10 18h10',
  justify: 'M4 6h16M4 10h16M4 14h16M4 18h16',
};

function AlignIcon({ align }: { align: TextAlign }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false">
      <path d={ALIGN_PATHS[align]} />
    </svg>
  );
}

/** Keep the editor's selection: a mouse press on a control would otherwise blur it first. */
const keepSelection = (event: React.MouseEvent) => event.preventDefault();

interface PaletteMenuProps {
  label: string;
  menuLabel: string;
  noneLabel: string;
  keys: readonly string[];
  current: string | null;
  /** The colour (six hex digits) a key is drawn in, for its swatch. */
  swatch(key: string): string;
  name(key: string): string;
  kind: 'colour' | 'highlight';
  disabled: boolean;
  onPick(key: string | null): void;
}

function PaletteMenu({ label, menuLabel, noneLabel, keys, current, swatch, name, kind, disabled, onPick }: PaletteMenuProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const id = useId();
  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? []);

  useEffect(() => {
    if (!open) return;
    // Focus the chosen entry (or the first) when the menu opens.
    const all = items();
    (all.find((item) => item.getAttribute('aria-checked') === 'true') ?? all[0])?.focus();
    const outside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const pick = (key: string | null) => {
    setOpen(false);
    onPick(key);
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    // The toolbar's roving focus must not see the menu's keys.
    event.stopPropagation();
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => all[(to + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
    } else if (event.key === 'Tab') setOpen(false);
    else if (event.key === 'Enter' || event.key === ' ') (document.activeElement as HTMLElement | null)?.click();
    else return;
    if (event.key !== 'Tab') event.preventDefault();
  };

  const entry = (key: string | null) => (
    <div
      key={key ?? 'none'}
      role="menuitemradio"
      aria-checked={current === key}
      tabIndex={-1}
      className="text-format-menu__item"
      onMouseDown={keepSelection}
      onClick={() => pick(key)}
    >
      <span className={`text-format-menu__swatch text-format-menu__swatch--${kind}${key ? '' : ' text-format-menu__swatch--none'}`} style={key ? { background: `#${swatch(key)}` } : undefined} aria-hidden="true" />
      {key ? name(key) : noneLabel}
    </div>
  );

  return (
    <div className="text-format-menu">
      <button
        ref={button}
        type="button"
        className="icon-button text-format-menu__button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        disabled={disabled}
        onMouseDown={keepSelection}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className={`text-format-glyph text-format-glyph--${kind}`} aria-hidden="true">
          A
        </span>
        <span className="text-format-menu__bar" style={current ? { background: `#${swatch(current)}` } : undefined} aria-hidden="true" />
      </button>
      {open && (
        <div ref={menu} id={id} role="menu" aria-label={menuLabel} className="text-format-menu__list" onKeyDown={onMenuKey}>
          {entry(null)}
          {keys.map(entry)}
        </div>
      )}
    </div>
  );
}

export interface TextFormatToolsProps {
  editor: Editor | null;
  disabled: boolean;
  /** The deck's theme, for the swatches. */
  theme: string;
}

export function TextFormatTools({ editor, disabled, theme }: TextFormatToolsProps) {
  const { t, i18n } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: e }) => readFormat(e) }) ?? IDLE;
  const chain = () => editor!.chain().focus();
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
  const number = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1 });

  return (
    <>
      <div className="editor-toolbar__group" role="group" aria-label={t('textFormat:size')}>
        <button type="button" className="icon-button" aria-label={t('textFormat:smaller')} title={`${t('textFormat:smaller')} (${mod}+Shift+<)`} aria-keyshortcuts="Control+Shift+<" disabled={disabled || state.size === FONT_SIZE_STEPS[0]} onMouseDown={keepSelection} onClick={() => chain().stepFontSize(-1).run()}>
          {/* The glyph is drawn by CSS: text here would have to be part of the name (axe: label-content-name-mismatch). */}
          <span className="text-format-glyph text-format-glyph--smaller" aria-hidden="true" />
        </button>
        <select className="editor-toolbar__select text-format-size" aria-label={t('textFormat:size')} value={state.size} disabled={disabled} onChange={(event) => chain().setFontSize(Number(event.target.value) as FontSizeStep).run()}>
          {FONT_SIZE_STEPS.map((step) => (
            <option key={step} value={step}>
              {t('textFormat:sizeStep', { percent: step })}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" aria-label={t('textFormat:larger')} title={`${t('textFormat:larger')} (${mod}+Shift+>)`} aria-keyshortcuts="Control+Shift+>" disabled={disabled || state.size === FONT_SIZE_STEPS.at(-1)} onMouseDown={keepSelection} onClick={() => chain().stepFontSize(1).run()}>
          <span className="text-format-glyph text-format-glyph--larger" aria-hidden="true" />
        </button>
      </div>
      <div className="editor-toolbar__group" role="group" aria-label={t('textFormat:group')}>
        <PaletteMenu
          kind="colour"
          label={t('textFormat:colour')}
          menuLabel={t('textFormat:colourMenu')}
          noneLabel={t('textFormat:noColour')}
          keys={TEXT_COLOURS}
          current={state.colour}
          swatch={(key) => textColourHex(theme, key as (typeof TEXT_COLOURS)[number])}
          name={(key) => t(`textFormat:colours.${key as (typeof TEXT_COLOURS)[number]}`)}
          disabled={disabled}
          onPick={(key) => chain().setTextColour(textColour(key)).run()}
        />
        <PaletteMenu
          kind="highlight"
          label={t('textFormat:highlight')}
          menuLabel={t('textFormat:highlightMenu')}
          noneLabel={t('textFormat:noHighlight')}
          keys={HIGHLIGHTS}
          current={state.highlight}
          swatch={(key) => highlightHex(theme, key as (typeof HIGHLIGHTS)[number])}
          name={(key) => t(`textFormat:colours.${key as (typeof HIGHLIGHTS)[number]}`)}
          disabled={disabled}
          onPick={(key) => chain().setHighlight(highlight(key)).run()}
        />
      </div>
      <div className="editor-toolbar__group" role="group" aria-label={t('textFormat:paragraph')}>
        {TEXT_ALIGNS.map((align) => (
          <button
            key={align}
            type="button"
            className="icon-button"
            aria-label={t(`textFormat:align.${align}`)}
            title={t(`textFormat:align.${align}`)}
            aria-pressed={state.align === align}
            disabled={disabled}
            onMouseDown={keepSelection}
            // Pressing the alignment that is on turns it off: the layout's own alignment again.
            onClick={() => chain().setTextAlign(state.align === align ? null : align).run()}
          >
            <AlignIcon align={align} />
          </button>
        ))}
        <select
          className="editor-toolbar__select"
          aria-label={t('textFormat:lineSpacing')}
          value={state.spacing ?? ''}
          disabled={disabled}
          onChange={(event) => chain().setLineSpacing(lineSpacing(event.target.value)).run()}
        >
          <option value="">{t('textFormat:lineSpacingDefault')}</option>
          {LINE_SPACINGS.map((value) => (
            <option key={value} value={value}>
              {number.format(Number(value))}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
