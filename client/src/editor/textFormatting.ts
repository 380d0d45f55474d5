/**
 * Text formatting in the slide editor (issue #17): font size steps, text colour and highlight
 * from the theme's palette (marks), alignment and line spacing (attributes of paragraphs and
 * headings). The document stores allow-listed keys only (shared/textFormat.ts); what is drawn
 * is a data attribute the slide CSS styles through the theme's variables, and only a value on
 * the allow-list is ever drawn: a value another client wrote outside it keeps its text, plain.
 */
import { Extension, Mark, type CommandProps } from '@tiptap/core';
import {
  fontSize,
  highlight,
  lineSpacing,
  stepFontSize,
  textAlign,
  textColour,
  type FontSizeStep,
  type Highlight,
  type LineSpacing,
  type TextAlign,
  type TextColour,
} from '../../../shared/textFormat.ts';

/** The block nodes that carry alignment and line spacing (a list item's text is its paragraph). */
export const FORMATTED_BLOCKS = ['paragraph', 'heading'] as const;

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    textFormatting: {
      /** 100 removes the size mark. */
      setFontSize: (step: FontSizeStep) => ReturnType;
      stepFontSize: (direction: 1 | -1) => ReturnType;
      /** null removes the colour. */
      setTextColour: (key: TextColour | null) => ReturnType;
      setHighlight: (key: Highlight | null) => ReturnType;
      /** null: the layout's own alignment. */
      setTextAlign: (align: TextAlign | null) => ReturnType;
      /** null: the theme's own line height. */
      setLineSpacing: (spacing: LineSpacing | null) => ReturnType;
    };
  }
}

/** One attribute on a span, kept only when `check` accepts it (parse and draw alike). */
function spanMark(name: string, attribute: string, dataName: string, check: (value: unknown) => string | number | null) {
  return Mark.create({
    name,
    // Formatting of adjacent text: what is typed right after coloured text is coloured too, as in Google Slides.
    inclusive: true,
    addAttributes() {
      return {
        [attribute]: {
          default: null,
          parseHTML: (element: HTMLElement) => check(element.getAttribute(dataName)),
          renderHTML: (attrs: Record<string, unknown>) => {
            const value = check(attrs[attribute]);
            return value === null ? {} : { [dataName]: String(value) };
          },
        },
      };
    },
    parseHTML() {
      return [{ tag: `span[${dataName}]`, getAttrs: (element) => (check((element as HTMLElement).getAttribute(dataName)) === null ? false : null) }];
    },
    renderHTML({ HTMLAttributes }) {
      return ['span', HTMLAttributes, 0];
    },
  });
}

export const FontSize = spanMark('fontSize', 'size', 'data-size', fontSize);
export const TextColor = spanMark('textColor', 'color', 'data-color', textColour);
export const Highlighter = spanMark('highlight', 'color', 'data-highlight', highlight);

/** Sets or clears `attribute` on every formatted block in the selection. */
function setBlockAttribute(attribute: string, value: string | null) {
  return ({ commands }: CommandProps) => FORMATTED_BLOCKS.map((type) => commands.updateAttributes(type, { [attribute]: value })).some(Boolean);
}

export const TextFormatting = Extension.create({
  name: 'textFormatting',

  addGlobalAttributes() {
    return [
      {
        types: [...FORMATTED_BLOCKS],
        attributes: {
          textAlign: {
            default: null,
            parseHTML: (element: HTMLElement) => textAlign(element.getAttribute('data-align')),
            renderHTML: (attrs: Record<string, unknown>) => {
              const value = textAlign(attrs.textAlign);
              return value ? { 'data-align': value } : {};
            },
          },
          lineSpacing: {
            default: null,
            parseHTML: (element: HTMLElement) => lineSpacing(element.getAttribute('data-line-spacing')),
            renderHTML: (attrs: Record<string, unknown>) => {
              const value = lineSpacing(attrs.lineSpacing);
              return value ? { 'data-line-spacing': value } : {};
            },
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      setFontSize:
        (step) =>
        ({ commands }) =>
          fontSize(step) === null ? commands.unsetMark('fontSize') : commands.setMark('fontSize', { size: step }),
      stepFontSize:
        (direction) =>
        ({ editor, commands }) =>
          commands.setFontSize(stepFontSize(editor.getAttributes('fontSize').size, direction)),
      setTextColour:
        (key) =>
        ({ commands }) =>
          textColour(key) === null ? commands.unsetMark('textColor') : commands.setMark('textColor', { color: key }),
      setHighlight:
        (key) =>
        ({ commands }) =>
          highlight(key) === null ? commands.unsetMark('highlight') : commands.setMark('highlight', { color: key }),
      setTextAlign: (align) => setBlockAttribute('textAlign', textAlign(align)),
      setLineSpacing: (spacing) => setBlockAttribute('lineSpacing', lineSpacing(spacing)),
    };
  },

  addKeyboardShortcuts() {
    // Google Slides: Ctrl+Shift+> and Ctrl+Shift+< (ProseMirror names a shifted character by the
    // character, and by its unshifted key as a fallback; both are bound).
    const larger = () => this.editor.commands.stepFontSize(1);
    const smaller = () => this.editor.commands.stepFontSize(-1);
    return { 'Mod->': larger, 'Mod-Shift-.': larger, 'Mod-<': smaller, 'Mod-Shift-,': smaller };
  },
});

/** Everything of the text formatting the schema needs: the three marks and the block attributes. */
export const textFormattingExtensions = () => [FontSize, TextColor, Highlighter, TextFormatting];
