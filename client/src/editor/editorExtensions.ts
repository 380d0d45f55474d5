/**
 * The Tiptap extensions of a slide's content editor and of its speaker-notes editor. Both
 * are bound to a Y.XmlFragment of the deck document; ProseMirror's own history is off, so
 * Ctrl+Z goes to the Collaboration extension's undo, which only undoes this user's typing.
 */
import { Extension, type AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Image from '@tiptap/extension-image';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import StarterKit from '@tiptap/starter-kit';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { ChartBlock } from '../charts/ChartBlock.tsx';
import { safeHref, safeImageSrc } from './safeUrl.ts';

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

/** Images only load from this server's uploads or http(s): a src arriving through the shared document is checked again. */
const SafeImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      src: {
        default: null,
        parseHTML: (element: HTMLElement) => safeImageSrc(element.getAttribute('src')),
        renderHTML: (attributes: Record<string, unknown>) => ({ src: safeImageSrc(attributes.src) ?? '' }),
      },
    };
  },
});

/**
 * Content and notes share one schema: y-prosemirror deletes from the shared document any
 * element its schema cannot represent, so a narrower notes schema would destroy a heading
 * or table that reached the notes some other way.
 */
export function deckExtensions(options: EditorExtensionOptions): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      // A trailing paragraph would be written into the shared document just by opening a
      // slide, once per client that opens it.
      trailingNode: false,
      codeBlock: false,
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        protocols: [],
        isAllowedUri: (url) => safeHref(url) !== null,
        shouldAutoLink: (url) => safeHref(url) !== null,
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
      },
      dropcursor: { color: '#f0b400', width: 3 },
    }),
    Placeholder.configure({ placeholder: ({ node }) => options.placeholder(node.type.name), includeChildren: false }),
    Collaboration.configure({ fragment: options.fragment }),
    CollaborationCaret.configure({ provider: options.provider, user: options.user, render: renderCaret, selectionRender: renderSelection }),
    EditorShortcuts.configure({ onLink: options.onLinkShortcut, onToolbar: options.onToolbarShortcut }),
    SafeImage.configure({ allowBase64: false }),
    TableKit.configure({ table: { resizable: false } }),
    ChartBlock,
  ];
}
