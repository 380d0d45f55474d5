/**
 * What a link or an image in a slide may point to. Slides are written by one user and shown
 * in everyone's browser (and on the presenter's screen), so anything that could run script
 * — javascript:, data:, vbscript:, or a relative URL that the browser resolves oddly — is
 * refused here, before it reaches an href or src.
 */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/** The URL if it is an absolute http, https or mailto URL; otherwise null. */
export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  // Control characters and whitespace inside a scheme are how filters get bypassed ("java\tscript:").
  // oxlint-disable-next-line no-control-regex
  if (!trimmed || /[\u0000-\u001f\u007f]/.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  const protocol = url.protocol.slice(0, -1).toLowerCase();
  if (!(LINK_PROTOCOLS as readonly string[]).includes(protocol)) return null;
  if ((protocol === 'http' || protocol === 'https') && !url.hostname) return null;
  if (protocol === 'mailto' && !/^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname))) return null;
  return trimmed;
}

export type LinkInput = { ok: true; href: string } | { ok: false; reason: 'empty' | 'protocol' | 'invalid' };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EMAIL = /^[^@\s/:]+@[^@\s/:]+\.[^@\s/:]+$/;
const HOST_LIKE = /^[^\s/:@]+\.[^\s/:@]{2,}(?::\d+)?(?:[/?#].*)?$/;

/**
 * What a user typed into the link dialog, as an href: "rijksoverheid.nl" becomes
 * "https://rijksoverheid.nl" and "naam@riec.nl" a mailto link, as people expect; any other
 * scheme is refused with a reason the dialog can explain.
 */
export function normalizeLinkInput(input: string): LinkInput {
  const value = input.trim();
  if (!value) return { ok: false, reason: 'empty' };
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  // "localhost:8080/x" parses as scheme "localhost"; only treat known-looking schemes as schemes.
  if (scheme && !HOST_LIKE.test(value)) {
    if (!(LINK_PROTOCOLS as readonly string[]).includes(scheme)) return { ok: false, reason: 'protocol' };
    const href = safeHref(value);
    return href ? { ok: true, href } : { ok: false, reason: 'invalid' };
  }
  if (EMAIL.test(value)) {
    const href = safeHref(`mailto:${value}`);
    return href ? { ok: true, href } : { ok: false, reason: 'invalid' };
  }
  if (value.startsWith('//') || !HOST_LIKE.test(value)) return { ok: false, reason: 'invalid' };
  const href = safeHref(`https://${value}`);
  return href ? { ok: true, href } : { ok: false, reason: 'invalid' };
}

/**
 * An image source a slide may load: an uploaded image on this server (`/api/images/<id>`,
 * possibly with a viewer's `?token=`), or an absolute http(s) URL (the CSP decides whether
 * that loads). Everything else, including data: URLs, is dropped.
 */
export function safeImageSrc(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const src = value.trim();
  if (/^\/api\/images\/[A-Za-z0-9_-]{8,64}(?:\?[A-Za-z0-9=&_.-]*)?$/.test(src)) return src;
  const href = safeHref(src);
  return href && /^https?:/i.test(href) ? href : null;
}

/**
 * True for a src (as safeImageSrc returns it) of an image this server stores: the only kind
 * the page's Content-Security-Policy loads. Renderers draw any other image as a placeholder.
 */
export function isUploadedImage(src: string): boolean {
  return src.startsWith('/api/images/');
}
