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
 *
 * Size, alignment and fit (shared/mediaSize.ts) are node attributes too: `width` (a share of
 * the column, 10–100), `align`, `fit` ('cover': the slide's full-bleed picture) and
 * `decorative` (an empty description meant as such). The node view draws the image in
 * `div.node-image > div.node-image__frame > img`, the structure SlideContentView draws, with
 * two corner handles (shown when selected) and, while the image has no description and is not
 * decorative, a badge "Beschrijving ontbreekt" with a button that asks for one (MediaPanel).
 */
import Image from '@tiptap/extension-image';
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import i18next from 'i18next';
import type { DeckLanguage } from '../../../shared/deckModel.ts';
import { altMissing, imageFit, isDecorative, mediaAlign, mediaWidth } from '../../../shared/mediaSize.ts';
import { naturalWidthStyle } from './mediaStyle.ts';
import { handleElements, setNodeAttrs, startResize, type HandleCorner } from './mediaResize.ts';
import { isUploadedImage, safeImageSrc } from './safeUrl.ts';

/** Sent on the editor's DOM when the badge's button asks for a description; MediaPanel opens its dialog. */
export const ALT_REQUEST_EVENT = 'media-alt-request';

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

/** The wrapper's data attributes and the frame's width from the node's attributes (validated). */
export function applyMediaAttrs(wrapper: HTMLElement, frame: HTMLElement, attrs: Record<string, unknown>): void {
  const width = mediaWidth(attrs.width);
  const align = mediaAlign(attrs.align);
  const fit = imageFit(attrs.fit);
  const toggle = (name: string, value: string | null) => (value === null ? wrapper.removeAttribute(name) : wrapper.setAttribute(name, value));
  toggle('data-width', width === null ? null : String(width));
  toggle('data-align', align);
  toggle('data-fit', fit);
  frame.style.width = width === null || fit ? '' : `${width}%`;
}

function badgeElement(onAsk: () => void): HTMLElement {
  const badge = document.createElement('div');
  badge.className = 'media-badge';
  badge.dataset.altBadge = '';
  const label = document.createElement('span');
  label.className = 'media-badge__label';
  label.textContent = i18next.t('media:altMissing');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'media-badge__button';
  button.textContent = i18next.t('media:addAlt');
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onAsk();
  });
  badge.append(label, button);
  return badge;
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
      // A share of the column (10–100), not pixels: a pasted <img width="300"> does not set it.
      width: {
        default: null,
        parseHTML: (element: HTMLElement) => mediaWidth(element.getAttribute('data-width')),
        renderHTML: (attributes: Record<string, unknown>) => {
          const width = mediaWidth(attributes.width);
          return width === null ? {} : { 'data-width': String(width) };
        },
      },
      align: {
        default: null,
        parseHTML: (element: HTMLElement) => mediaAlign(element.getAttribute('data-align')),
        renderHTML: (attributes: Record<string, unknown>) => {
          const align = mediaAlign(attributes.align);
          return align === null ? {} : { 'data-align': align };
        },
      },
      fit: {
        default: null,
        parseHTML: (element: HTMLElement) => imageFit(element.getAttribute('data-fit')),
        renderHTML: (attributes: Record<string, unknown>) => (imageFit(attributes.fit) ? { 'data-fit': 'cover' } : {}),
      },
      // null unless marked (a default of false would be written into every image just by opening its slide).
      decorative: {
        default: null,
        parseHTML: (element: HTMLElement) => (element.getAttribute('data-decorative') === 'true' ? true : null),
        renderHTML: (attributes: Record<string, unknown>) => (isDecorative(attributes.decorative) ? { 'data-decorative': 'true' } : {}),
      },
    };
  },

  addNodeView() {
    return ({ node, editor, getPos }) => {
      let current = node;
      const wrapper = document.createElement('div');
      wrapper.className = 'node-image';
      wrapper.contentEditable = 'false';
      const frame = document.createElement('div');
      frame.className = 'node-image__frame';
      const picture = imageDom(node, deckLanguages.get(editor) ?? null);
      if (picture instanceof HTMLImageElement) {
        const natural = () => {
          const value = naturalWidthStyle(picture.naturalWidth);
          if (value) frame.style.setProperty('--image-natural', value);
        };
        if (picture.complete) natural();
        picture.addEventListener('load', natural);
      }
      const position = (): number | null => {
        const pos = typeof getPos === 'function' ? getPos() : undefined;
        return typeof pos === 'number' ? pos : null;
      };
      const handles = handleElements();
      for (const handle of handles) {
        handle.addEventListener('pointerdown', (event) => {
          const pos = position();
          if (pos === null || !editor.isEditable) return;
          startResize(event, {
            frame,
            column: wrapper,
            corner: handle.dataset.mediaHandle as HandleCorner,
            align: mediaAlign(current.attrs.align),
            onCommit: (width) => setNodeAttrs(editor, pos, { width }),
          });
        });
      }
      const badge = badgeElement(() => {
        const pos = position();
        if (pos === null) return;
        editor.commands.setNodeSelection(pos);
        editor.view.dom.dispatchEvent(new CustomEvent(ALT_REQUEST_EVENT, { detail: { pos } }));
      });
      frame.append(picture, ...handles, badge);
      wrapper.append(frame);
      const draw = (attrs: Record<string, unknown>) => {
        applyMediaAttrs(wrapper, frame, attrs);
        badge.hidden = !altMissing(attrs);
        if (altMissing(attrs)) wrapper.dataset.altMissing = '';
        else delete wrapper.dataset.altMissing;
      };
      draw(node.attrs);
      return {
        dom: wrapper,
        // Handles and the badge's button are the node view's own: ProseMirror leaves their events alone.
        stopEvent: (event: Event) => event.target instanceof Element && Boolean(event.target.closest('[data-media-handle], .media-badge__button')),
        ignoreMutation: () => true,
        // Same picture: keep the element and redraw size, alignment and description in place.
        update: (next: PmNode) => {
          if (next.type !== current.type || next.attrs.src !== current.attrs.src || next.attrs.title !== current.attrs.title) return false;
          if (next.attrs.alt !== current.attrs.alt) {
            if (picture instanceof HTMLImageElement) picture.alt = typeof next.attrs.alt === 'string' ? next.attrs.alt : '';
            else return false;
          }
          current = next;
          draw(next.attrs);
          return true;
        },
      };
    };
  },
});
