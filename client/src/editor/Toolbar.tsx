/**
 * The formatting toolbar of the slide canvas: text undo/redo, text style, marks, lists,
 * quote, divider, link, image, table (with row and column tools while in a table), chart,
 * and the slide's layout. Every control has an accessible name; toggles report aria-pressed.
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { useImperativeHandle, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SLIDE_LAYOUTS, type SlideLayout, type SlideTransition } from '../../../shared/deckModel.ts';
import { Icon, type IconName } from './Icon.tsx';
import { TextFormatTools } from './TextFormatTools.tsx';
import { SlideTransitionSelect } from './SlideTransitionSelect.tsx';
import { StepRevealButton } from './StepRevealButton.tsx';
import { useRovingFocus } from './useRovingFocus.ts';

export interface ToolbarProps {
  editor: Editor | null;
  editable: boolean;
  layout: SlideLayout;
  onLayout(layout: SlideLayout): void;
  onLink(): void;
  onImage(): void;
  /** Receives a function that puts focus on the toolbar (its current tab stop). */
  focusRef?: Ref<() => void>;
  /** The deck's theme: the colour swatches show its colours. */
  theme?: string;
  /** The slide's transition when presenting (null: the default). */
  transition?: SlideTransition | null;
  onTransition?(transition: SlideTransition | null): void;
}

type TextStyle = 'paragraph' | 'h1' | 'h2' | 'h3' | 'other';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  link: boolean;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
  textStyle: TextStyle;
}

const IDLE: ToolbarState = {
  bold: false,
  italic: false,
  underline: false,
  bulletList: false,
  orderedList: false,
  blockquote: false,
  link: false,
  inTable: false,
  canUndo: false,
  canRedo: false,
  textStyle: 'paragraph',
};

function readState(editor: Editor | null): ToolbarState {
  if (!editor || editor.isDestroyed) return IDLE;
  const textStyle: TextStyle = editor.isActive('heading', { level: 1 })
    ? 'h1'
    : editor.isActive('heading', { level: 2 })
      ? 'h2'
      : editor.isActive('heading', { level: 3 })
        ? 'h3'
        : editor.isActive('paragraph')
          ? 'paragraph'
          : 'other';
  return {
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    link: editor.isActive('link'),
    inTable: editor.isActive('table'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
    textStyle,
  };
}

interface ButtonProps {
  icon: IconName;
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick(): void;
}

function ToolButton({ icon, label, shortcut, pressed, disabled, onClick }: ButtonProps) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      // Keep the editor's selection: a mouse press on a button would otherwise blur it first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}

export function Toolbar({ editor, editable, layout, onLayout, onLink, onImage, focusRef, theme = 'tussenstand', transition = null, onTransition }: ToolbarProps) {
  const { t } = useTranslation();
  const roving = useRovingFocus<HTMLDivElement>();
  useImperativeHandle(focusRef, () => () => roving.ref.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus(), [roving.ref]);
  const state = useEditorState({ editor, selector: ({ editor: e }) => readState(e) }) ?? IDLE;
  const off = !editor || !editable;
  const chain = () => editor!.chain().focus();
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

  const setTextStyle = (value: TextStyle) => {
    if (!editor) return;
    if (value === 'paragraph') chain().setParagraph().run();
    else if (value === 'h1' || value === 'h2' || value === 'h3') chain().setHeading({ level: Number(value[1]) as 1 | 2 | 3 }).run();
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t('editor:toolbar.label')} aria-keyshortcuts="Alt+F10" ref={roving.ref} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus}>
      <div className="editor-toolbar__group">
        <ToolButton icon="undo" label={t('editor:toolbar.undo')} shortcut={`${mod}+Z`} disabled={off || !state.canUndo} onClick={() => chain().undo().run()} />
        <ToolButton icon="redo" label={t('editor:toolbar.redo')} shortcut={`${mod}+Shift+Z`} disabled={off || !state.canRedo} onClick={() => chain().redo().run()} />
      </div>
      <div className="editor-toolbar__group">
        <select
          className="editor-toolbar__select"
          aria-label={t('editor:toolbar.textStyle')}
          value={state.textStyle === 'other' ? '' : state.textStyle}
          disabled={off}
          onChange={(event) => setTextStyle(event.target.value as TextStyle)}
        >
          {state.textStyle === 'other' && <option value="">—</option>}
          <option value="paragraph">{t('editor:toolbar.paragraph')}</option>
          <option value="h1">{t('editor:toolbar.heading1')}</option>
          <option value="h2">{t('editor:toolbar.heading2')}</option>
          <option value="h3">{t('editor:toolbar.heading3')}</option>
        </select>
      </div>
      <div className="editor-toolbar__group">
        <ToolButton icon="bold" label={t('editor:toolbar.bold')} shortcut={`${mod}+B`} pressed={state.bold} disabled={off} onClick={() => chain().toggleBold().run()} />
        <ToolButton icon="italic" label={t('editor:toolbar.italic')} shortcut={`${mod}+I`} pressed={state.italic} disabled={off} onClick={() => chain().toggleItalic().run()} />
        <ToolButton icon="underline" label={t('editor:toolbar.underline')} shortcut={`${mod}+U`} pressed={state.underline} disabled={off} onClick={() => chain().toggleUnderline().run()} />
      </div>
      <TextFormatTools editor={editor} disabled={off} theme={theme} />
      <div className="editor-toolbar__group">
        <ToolButton icon="bulletList" label={t('editor:toolbar.bulletList')} shortcut={`${mod}+Shift+8`} pressed={state.bulletList} disabled={off} onClick={() => chain().toggleBulletList().run()} />
        <ToolButton icon="orderedList" label={t('editor:toolbar.orderedList')} shortcut={`${mod}+Shift+7`} pressed={state.orderedList} disabled={off} onClick={() => chain().toggleOrderedList().run()} />
        <ToolButton icon="quote" label={t('editor:toolbar.blockquote')} shortcut={`${mod}+Shift+B`} pressed={state.blockquote} disabled={off} onClick={() => chain().toggleBlockquote().run()} />
        <ToolButton icon="divider" label={t('editor:toolbar.divider')} disabled={off} onClick={() => chain().setHorizontalRule().run()} />
        <StepRevealButton editor={editor} disabled={off} />
      </div>
      <div className="editor-toolbar__group">
        <ToolButton icon="link" label={t('editor:toolbar.link')} shortcut={`${mod}+K`} pressed={state.link} disabled={off} onClick={onLink} />
        <ToolButton icon="image" label={t('editor:toolbar.image')} disabled={off} onClick={onImage} />
        <ToolButton icon="table" label={t('editor:toolbar.table')} disabled={off || state.inTable} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()} />
        <ToolButton icon="chart" label={t('editor:toolbar.chart')} disabled={off} onClick={() => chain().insertChart({ statKey: 'interviews.total', view: 'number' }).run()} />
      </div>
      {state.inTable && (
        <div className="editor-toolbar__group editor-toolbar__group--table" role="group" aria-label={t('editor:toolbar.tableTools')}>
          <ToolButton icon="rowAbove" label={t('editor:toolbar.addRowBefore')} disabled={off} onClick={() => chain().addRowBefore().run()} />
          <ToolButton icon="rowBelow" label={t('editor:toolbar.addRowAfter')} disabled={off} onClick={() => chain().addRowAfter().run()} />
          <ToolButton icon="rowDelete" label={t('editor:toolbar.deleteRow')} disabled={off} onClick={() => chain().deleteRow().run()} />
          <ToolButton icon="colLeft" label={t('editor:toolbar.addColumnBefore')} disabled={off} onClick={() => chain().addColumnBefore().run()} />
          <ToolButton icon="colRight" label={t('editor:toolbar.addColumnAfter')} disabled={off} onClick={() => chain().addColumnAfter().run()} />
          <ToolButton icon="colDelete" label={t('editor:toolbar.deleteColumn')} disabled={off} onClick={() => chain().deleteColumn().run()} />
          <ToolButton icon="tableDelete" label={t('editor:toolbar.deleteTable')} disabled={off} onClick={() => chain().deleteTable().run()} />
        </div>
      )}
      <div className="editor-toolbar__group editor-toolbar__group--end">
        <label className="editor-toolbar__field">
          <span>{t('editor:layout')}</span>
          <select className="editor-toolbar__select" value={layout} disabled={!editable} onChange={(event) => onLayout(event.target.value as SlideLayout)}>
            {SLIDE_LAYOUTS.map((value) => (
              <option key={value} value={value}>
                {t(`layouts:${value}`)}
              </option>
            ))}
          </select>
        </label>
        {onTransition && <SlideTransitionSelect value={transition} disabled={!editable} onChange={onTransition} />}
      </div>
    </div>
  );
}
