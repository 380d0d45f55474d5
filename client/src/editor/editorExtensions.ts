/**
 * The Tiptap extensions of a slide's content editor and of its speaker-notes editor. Both
 * are bound to a Y.XmlFragment of the deck document; ProseMirror's own history is off, so
 * Ctrl+Z goes to the Collaboration extension's undo, which only undoes this user's typing.
 */
import { Extension, type AnyExtension } from '@tiptap/core';
import { Code } from '@tiptap/extension-code';
import { CodeBlockLowlight } from '@tiptap/extension-code-block-lowlight';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Link } from '@tiptap/extension-link';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { ChartBlock } from '../charts/ChartBlock.tsx';
import { editorLowlight } from '../format/highlight.ts';
import { SafeImage } from './imageNode.ts';
import { StartInText } from './initialSelection.ts';
import { StepReveal } from './stepReveal.ts';
import { ClickToEmptyTitle } from './titleCursor.ts';
import { safeHref } from './safeUrl.ts';
import { textFormattingExtensions } from './textFormatting.ts';

/** Who this editor is in awareness. The caret extension writes it as the whole `user` field, so it carries the id too. */
export interface CaretUser {
  id: string;
  name: string;
  color: string;
}

export interface EditorExtensionOptions {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  user: CaretUser;
  placeholder: (nodeType: string) => string;
  /** Ctrl/Cmd+K: open the link dialog. */
  onLinkShortcut?: () => void;
  /** Alt+F10 (the usual editor convention): move focus to the formatting toolbar. */
  onToolbarShortcut?: () => void;
}

/** The collaborator's caret: a coloured bar with their name; hidden from screen readers, which hear presence elsewhere. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.setAttribute('aria-hidden', 'true');
  const color = typeof user.color === 'string' ? user.color : '#4f5b6d';
  caret.style.setProperty('--caret-color', color);
  const label = document.createElement('span');
  label.className = 'collab-caret__label';
  // textContent, never HTML: the name comes from another user's awareness state.
  label.textContent = typeof user.name === 'string' ? user.name : '';
  caret.append(label);
  return caret;
}

function renderSelection(user: Record<string, unknown>): { nodeName: string; class: string; style: string } {
  const color = typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#4f5b6d';
  return { nodeName: 'span', class: 'collab-selection', style: `background-color: ${color}33` };
}

const EditorShortcuts = Extension.create<{ onLink?: () => void; onToolbar?: () => void }>({
  name: 'editorShortcuts',
  addOptions: () => ({ onLink: undefined, onToolbar: undefined }),
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onLink?.();
        return Boolean(this.options.onLink);
      },
      'Alt-F10': () => {
        this.options.onToolbar?.();
        return Boolean(this.options.onToolbar);
      },
    };
  },
});

/** Links open in a new tab without the opener; these are rendered from the options, never stored per link. */
const LINK_RENDERED = { rel: 'noopener noreferrer nofollow', target: '_blank' };

/**
 * A link stores its href (and a pasted title) only. Tiptap's own link takes the defaults of
 * `target`, `rel` and `class` from the rendered attributes, and y-prosemirror would then
 * write them into every link of a paragraph the moment someone types in it.
 */
const DeckLink = Link.extend({
  // Not exitable: Tiptap's "exit" inserts a space when the cursor is moved right at the end
  // of a paragraph that ends in a link, so merely moving through a slide would change it.
  // Not inclusive instead: what is typed after a link is not part of it.
  exitable: false,
  inclusive: false,
  addAttributes() {
    const stored = { default: null, parseHTML: () => null, renderHTML: () => ({}) };
    return { ...this.parent?.(), target: stored, rel: stored, class: stored };
  },
});

/** Inline code, with the same reasoning as DeckLink: moving the cursor never inserts text. */
const DeckCode = Code.extend({ exitable: false, inclusive: false });

/**
 * The extensions that make up the schema of a slide's content and notes, and how each node
 * is drawn and edited — everything but the collaboration binding, so the schema can be built
 * (and tested, editorSchema.test.ts) without a document or a provider.
 *
 * Content and notes share one schema: y-prosemirror deletes from the shared document any
 * element, mark or attribute its schema cannot represent, so every node, mark and attribute
 * that the deck-file import, the templates, the API or an older version can write into a
 * slide must be declared here, and drawn by SlideContentView (see RENDERED_NODES there).
 */
export function deckContentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      // A trailing paragraph would be written into the shared document just by opening a
      // slide, once per client that opens it.
      trailingNode: false,
      codeBlock: false,
      code: false,
      link: false,
      heading: { levels: [1, 2, 3] },
      dropcursor: { color: '#f0b400', width: 3 },
    }),
    DeckCode,
    DeckLink.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      protocols: [],
      isAllowedUri: (url) => safeHref(url) !== null,
      shouldAutoLink: (url) => safeHref(url) !== null,
      HTMLAttributes: LINK_RENDERED,
    }),
    // `language` is what the deck-file import writes; a language the highlighter does not know stays as it is, unhighlighted.
    CodeBlockLowlight.configure({
      lowlight: editorLowlight,
      defaultLanguage: null,
      HTMLAttributes: { class: 'code-block' },
      // Arrow keys at the edge of a first or last code block would insert a paragraph: moving
      // the cursor must not change a slide. Leave a code block with Enter three times or Ctrl+Enter.
      exitOnArrowUp: false,
      exitOnArrowDown: false,
    }),
    SafeImage.configure({ allowBase64: false }),
    TableKit.configure({ table: { resizable: false } }),
    ChartBlock,
    // Size, colour, highlight, alignment, line spacing (issue #17): allow-listed keys only.
    ...textFormattingExtensions(),
    // A list's `reveal: 'step'` (shown item by item when presenting, shared/stepReveal.ts).
    StepReveal,
  ];
}

export function deckExtensions(options: EditorExtensionOptions): AnyExtension[] {
  return [
    ...deckContentExtensions(),
    // Every empty title and body line keeps its prompt, not only the one with the cursor: a
    // title left for the body would otherwise be blank (slides.css picks which prompts show).
    Placeholder.configure({ placeholder: ({ node }) => options.placeholder(node.type.name), includeChildren: false, showOnlyCurrent: false }),
    ClickToEmptyTitle,
    StartInText,
    Collaboration.configure({ fragment: options.fragment }),
    CollaborationCaret.configure({ provider: options.provider, user: options.user, render: renderCaret, selectionRender: renderSelection }),
    EditorShortcuts.configure({ onLink: options.onLinkShortcut, onToolbar: options.onToolbarShortcut }),
  ];
}
