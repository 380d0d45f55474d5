/**
 * One link, ready to hand out: its address as selectable text, a copy button that says
 * when it worked, and a QR code (SVG, drawn by qrcode.react as React elements) for the
 * room's screen.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QRCodeSVG } from 'qrcode.react';
import type { LinkInfo } from '../../../shared/api.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/** The clipboard API exists only in secure contexts (https, localhost); elsewhere the selection is copied. */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no permission, or the page lost focus): try the selection below.
  }
  if (!input) return false;
  input.focus();
  input.select();
  // execCommand is deprecated but the only way to copy on a plain-http page.
  // oxlint-disable-next-line typescript/no-deprecated
  return document.execCommand?.('copy') ?? false;
}

export function LinkShareBox({ link, label }: { link: LinkInfo; label: string }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const [qr, setQr] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { heading: useId(), input: useId(), qr: useId(), qrHint: useId() };

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = window.setTimeout(() => setCopy('idle'), 4000);
    return () => window.clearTimeout(timer);
  }, [copy]);

  return (
    <section className="share-box" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="share-box__heading">
        {t('share:linkHeading', { label })}
      </h3>
      <div className="field">
        <label htmlFor={ids.input}>{t('share:url')}</label>
        <div className="share-box__row">
          <input ref={inputRef} id={ids.input} className="share-box__url" type="text" readOnly value={link.href} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="button" onClick={() => void copyText(link.href, inputRef.current).then((ok) => setCopy(ok ? 'copied' : 'failed'))}>
            {t('share:copy')}
          </button>
        </div>
        <p className={`share-box__copied${copy === 'failed' ? ' share-box__copied--failed' : ''}`} role="status">
          {copy === 'copied' ? t('share:copied') : copy === 'failed' ? t('share:copyFailed') : ''}
        </p>
      </div>
      <button type="button" className="button" aria-expanded={qr} aria-controls={ids.qr} onClick={() => setQr((v) => !v)}>
        {qr ? t('share:hideQr') : t('share:showQr')}
      </button>
      <div id={ids.qr} className="share-box__qr" hidden={!qr}>
        {qr && (
          <>
            {/* Dark on white with a quiet zone: what phone cameras read best, whatever the theme. */}
            <QRCodeSVG value={link.href} size={256} level="M" marginSize={4} role="img" aria-label={t('share:qrLabel', { label })} aria-describedby={ids.qrHint} className="share-box__qr-code" />
            <p id={ids.qrHint} className="field__hint">
              {t('share:qrHint')}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
