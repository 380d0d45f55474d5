/**
 * The image node of a slide. Its `src` is checked again whenever it is drawn (it arrives
 * through the shared document), and an image from another site — which an imported deck
 * may hold, and which this page's Content-Security-Policy does not load — is drawn as a
 * visible box with its description and address instead of an invisible hole. The stored
 * node is untouched either way: src, alt, title, width and height are all kept.
 *
 * The box's words are slide content, so they are in the deck's language: the slide editor
 * tells its editor which (setEditorDeckLanguage) before the view is mounted; an editor that
 * was never told (the speaker notes) uses the UI language.
 */
import Image from '@tiptap/extension-image';
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import i18next from 'i18next';
import type { DeckLanguage } from '../../../shared/deckModel.ts';
import { isUploadedImage, safeImageSrc } from './safeUrl.ts';

/** The deck language of each slide editor; node views read it when they draw. */
const deckLanguages = new WeakMap<Editor, DeckLanguage>();

/** Tells a slide editor its deck's language; call before its view is mounted (a change needs a new editor). */
export function setEditorDeckLanguage(editor: Editor, language: DeckLanguage): void {
  deckLanguages.set(editor, language);
}

/** The placeholder's words (the editor namespace), in `language`, or the UI language without one. */
function remoteImageText(alt: string, language: DeckLanguage | null): { title: string; alt: string } {
  const t = i18next.getFixedT(language, 'editor');
  return {
    title: t('remoteImage.notShown'),
    alt: alt ? t('remoteImage.alt', { alt }) : t('remoteImage.noAlt'),
  };
}

/**
 * The placeholder for a remote image, as DOM (text only, never markup from the document).
 * SlideContentView draws the same structure and classes with React.
 */
export function remoteImageElement(src: string, alt: string, language: DeckLanguage | null = null): HTMLElement {
  const words = remoteImageText(alt, language);
  const box = document.createElement('figure');
  box.className = 'image-remote';
  box.dataset.remoteImage = '';
  const title = document.createElement('span');
  title.className = 'image-remote__title';
  title.textContent = words.title;
  const description = document.createElement('span');
  description.className = 'image-remote__alt';
  description.textContent = words.alt;
  const url = document.createElement('span');
  url.className = 'image-remote__url';
  url.textContent = src;
  box.append(title, description, url);
  return box;
}

function imageDom(node: PmNode, language: DeckLanguage | null): HTMLElement {
  const src = safeImageSrc(node.attrs.src) ?? '';
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
  if (src && !isUploadedImage(src)) return remoteImageElement(src, alt, language);
  const img = document.createElement('img');
  if (src) img.src = src;
  img.alt = alt;
  if (typeof node.attrs.title === 'string') img.title = node.attrs.title;
  img.draggable = false;
  return img;
}

/** Images only load from this server's uploads or http(s): a src arriving through the shared document is checked again. */
export const SafeImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      src: {
        default: null,
        parseHTML: (element: HTMLElement) => safeImageSrc(element.getAttribute('src') ?? element.getAttribute('data-remote-src')),
        // ProseMirror draws a node from this HTML when it has no node view at hand (it does, now
        // and then, while the cursor moves past an image), and copying does too. Another site's
        // address is never a `src` there: the browser would fetch it, and this page's CSP refuses
        // that with a console error. It is kept as data-remote-src, which a paste reads back.
        renderHTML: (attributes: Record<string, unknown>) => {
          const src = safeImageSrc(attributes.src) ?? '';
          return src && !isUploadedImage(src) ? { 'data-remote-src': src } : { src };
        },
      },
    };
  },

  addNodeView() {
    return ({ node, editor }) => {
      let current = node;
      const dom = imageDom(node, deckLanguages.get(editor) ?? null);
      dom.contentEditable = 'false';
      return {
        dom,
        // Same src and description: keep the element; anything else is drawn anew.
        update: (next: PmNode) => {
          if (next.type !== current.type || next.attrs.src !== current.attrs.src || next.attrs.alt !== current.attrs.alt || next.attrs.title !== current.attrs.title) return false;
          current = next;
          return true;
        },
      };
    };
  },
});
