/**
 * The image node of a slide. Its `src` is checked again whenever it is drawn (it arrives
 * through the shared document), and an image from another site — which an imported deck
 * may hold, and which this page's Content-Security-Policy does not load — is drawn as a
 * visible box with its description and address instead of an invisible hole. The stored
 * node is untouched either way: src, alt, title, width and height are all kept.
 */
import Image from '@tiptap/extension-image';
import type { Node as PmNode } from '@tiptap/pm/model';
import i18next from 'i18next';
import { isUploadedImage, safeImageSrc } from './safeUrl.ts';

/** The placeholder's words, in the UI language (the editor namespace). */
function remoteImageText(alt: string): { title: string; alt: string } {
  return {
    title: i18next.t('editor:remoteImage.notShown'),
    alt: alt ? i18next.t('editor:remoteImage.alt', { alt }) : i18next.t('editor:remoteImage.noAlt'),
  };
}

/**
 * The placeholder for a remote image, as DOM (text only, never markup from the document).
 * SlideContentView draws the same structure and classes with React.
 */
export function remoteImageElement(src: string, alt: string): HTMLElement {
  const words = remoteImageText(alt);
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

function imageDom(node: PmNode): HTMLElement {
  const src = safeImageSrc(node.attrs.src) ?? '';
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
  if (src && !isUploadedImage(src)) return remoteImageElement(src, alt);
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
        parseHTML: (element: HTMLElement) => safeImageSrc(element.getAttribute('src')),
        renderHTML: (attributes: Record<string, unknown>) => ({ src: safeImageSrc(attributes.src) ?? '' }),
      },
    };
  },

  addNodeView() {
    return ({ node }) => {
      let current = node;
      const dom = imageDom(node);
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
