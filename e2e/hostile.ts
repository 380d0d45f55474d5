/**
 * Hostile input for the injection tests (e2e/injection.spec.ts, test/security/*): payloads
 * that would set `window.__pwned` if any view ever ran them, and the checks a view must pass.
 *
 * The URL checks are plain functions so a unit test can prove they catch what they should
 * (test/security/exportInjection.test.ts); the DOM audit runs in the page and returns raw
 * findings that the same functions judge.
 */

/** Every payload sets this global: a view that runs one leaves it defined. */
export const PWNED = '__pwned';

export const PAYLOAD = {
  img: `<img src=x onerror="window.__pwned=1">`,
  script: `<script>window.__pwned=2</script>`,
  svg: `"><svg onload=window.__pwned=3>`,
  /** A deck title that tries to close <title> in any HTML that embeds it unescaped. */
  title: `</title><script>window.__pwned=4</script> Briefing`,
  iframe: `<iframe src="javascript:window.__pwned=5"></iframe>`,
} as const;

/** Link targets that must never become a live href. */
export const HOSTILE_HREFS = [
  'javascript:window.__pwned=11',
  'JaVaScRiPt:window.__pwned=12',
  ' \tjava\nscript:window.__pwned=13',
  '&#106;avascript:window.__pwned=14',
  'data:text/html,<script>window.__pwned=15</script>',
  'vbscript:window.__pwned=16',
] as const;

/** A link that is allowed: a positive control for the link checks and the popup listener. */
export const SAFE_HREF = 'https://example.org/veilig';

const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** What a browser would make of a URL attribute's scheme: entities decoded, whitespace and controls gone, lower case. */
export function normaliseUrl(value: string): string {
  let out = value;
  // Twice: "&amp;#106;" is "&#106;" after one pass.
  for (let i = 0; i < 2; i++) {
    out = out
      .replace(/&#x([0-9a-f]+);?/gi, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
      .replace(/&#(\d+);?/g, (_m, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
      .replace(/&([a-z]+);/gi, (m, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? m);
  }
  try {
    out = decodeURIComponent(out);
  } catch {
    // not percent-encoded: keep it
  }
  // oxlint-disable-next-line no-control-regex
  return out.replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff]+/g, '').toLowerCase();
}

const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/;

/**
 * True when a URL in `href`/`src`/`action` could run script or render attacker HTML:
 * javascript:, vbscript:, any data: except an image in an img's src, livescript:, mocha:.
 */
export function isDangerousUrl(value: string, kind: 'href' | 'src' = 'href'): boolean {
  const url = normaliseUrl(value);
  if (/^(javascript|vbscript|livescript|mocha):/.test(url)) return true;
  if (url.startsWith('data:')) return !(kind === 'src' && SAFE_DATA_IMAGE.test(url));
  return false;
}

/** Raw findings from one document, judged by `problems`. */
export interface DomAudit {
  pwned: unknown;
  /** `tag[attr]=value` for every on* attribute anywhere. */
  handlers: string[];
  /** Text of every <script> whose text mentions the payload global. */
  scripts: string[];
  /** Every URL-bearing attribute: a/area href, img/source/iframe/embed src, object data, form action, svg (xlink:)href. */
  urls: { tag: string; attr: string; value: string }[];
  /** Elements that should never come out of slide content. */
  frames: string[];
  /** CSP violations recorded by the init script (see CSP_LISTENER). */
  csp: { directive: string; blocked: string; sample: string }[];
}

/** Collects a DomAudit in the page (passed to page.evaluate; no closures over Node values). */
export function collectAudit(): DomAudit {
  const w = window as unknown as Record<string, unknown>;
  const all = Array.from(document.querySelectorAll('*'));
  const handlers: string[] = [];
  const urls: DomAudit['urls'] = [];
  for (const el of all) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) handlers.push(`${el.localName}[${name}]=${attr.value}`);
      if (/^(href|src|action|formaction|data|xlink:href|srcdoc|poster|background)$/.test(name)) urls.push({ tag: el.localName, attr: name, value: attr.value });
    }
  }
  const scripts = Array.from(document.querySelectorAll('script'))
    .map((s) => s.textContent ?? '')
    .filter((text) => text.includes('__pwned'));
  const frames = Array.from(document.querySelectorAll('iframe, object, embed, frame')).map((el) => el.outerHTML.slice(0, 200));
  return { pwned: w['__pwned'], handlers, scripts, urls, frames, csp: (w['__cspViolations'] as DomAudit['csp'] | undefined) ?? [] };
}

/** What is wrong with a document, as readable lines (empty: nothing). */
export function problems(audit: DomAudit): string[] {
  const out: string[] = [];
  if (audit.pwned !== undefined) out.push(`window.__pwned = ${String(audit.pwned)}: a payload ran`);
  for (const h of audit.handlers) if (/pwned|alert|msgbox/i.test(h)) out.push(`event handler from a payload: ${h}`);
  for (const s of audit.scripts) out.push(`script element with payload text: ${s.slice(0, 120)}`);
  for (const u of audit.urls) {
    const kind = u.tag === 'img' && u.attr === 'src' ? 'src' : 'href';
    if (u.attr === 'srcdoc' || isDangerousUrl(u.value, kind)) out.push(`dangerous ${u.tag}[${u.attr}]: ${u.value.slice(0, 120)}`);
  }
  for (const f of audit.frames) if (/pwned|javascript:/i.test(f)) out.push(`frame from a payload: ${f}`);
  for (const v of audit.csp) if (v.directive.startsWith('script-src')) out.push(`CSP blocked script (${v.directive}): ${v.blocked} ${v.sample}`);
  return out;
}

/** Init script: records CSP violations so a blocked payload still fails the test. */
export const CSP_LISTENER = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({ directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample || '' });
  }, true);
})();`;

/** A page that fails every check: the unit test and the detector self-test use it. */
export const KNOWN_BAD_HTML = [
  '<p>bad</p>',
  '<a id="js" href="JaVa&#x09;ScRiPt:window.__pwned=1">js</a>',
  '<a id="ent" href="&#106;avascript:void 0">ent</a>',
  '<a id="vb" href="vbscript:msgbox(1)">vb</a>',
  '<a id="data" href="data:text/html,<script>alert(1)</script>">data</a>',
  '<img id="img" src="x" onerror="window.__pwned=1">',
  '<script>window.__pwned = 1</script>',
].join('\n');

/** CSV cells that spreadsheet programs would run as formulas or DDE commands. */
export const FORMULA_CELLS = [
  '=HYPERLINK("javascript:window.__pwned=40","klik")',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '+cmd|\' /C calc\'!A0',
  '-2+3+cmd|\' /C calc\'!A0',
] as const;
