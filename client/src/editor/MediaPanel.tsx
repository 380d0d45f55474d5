/**
 * The small panel beside a selected image or chart on the canvas: "Kleiner"/"Groter" (one size
 * step, also Alt+Shift+ArrowLeft/Right with the block selected), left/centre/right alignment
 * (aria-pressed), and for images "Bijsnijden tot dia" (the slide's full-bleed picture) and the
 * description. It sits below the block, or above it when there is no room below, or under the
 * slide when the block fills it (then, on a stage with little room, over the slide's bottom
 * edge at most): never over the block otherwise. Each change is announced (role=status).
 *
 *   <MediaPanel editor={editor} body={editorDom} stage={stageElement} />
 */
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { imageFit, isDecorative, MAX_MEDIA_WIDTH, mediaAlign, mediaWidth, MEDIA_ALIGNS, MIN_MEDIA_WIDTH, stepMediaWidth, type MediaAlign } from '../../../shared/mediaSize.ts';
import { AltFields, altToStore, type AltValue } from './ImageDialog.tsx';
import { ALT_REQUEST_EVENT } from './imageNode.ts';
import { drawnShare, setNodeAttrs } from './mediaResize.ts';
import { ModalDialog } from './ModalDialog.tsx';

const MEDIA_NODES = new Set(['image', 'chart']);
const GAP = 8;

interface Selected {
  pos: number;
  kind: 'image' | 'chart';
  attrs: Record<string, unknown>;
}

function selectedMedia(editor: Editor): Selected | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || !MEDIA_NODES.has(selection.node.type.name)) return null;
  return { pos: selection.from, kind: selection.node.type.name as 'image' | 'chart', attrs: selection.node.attrs };
}

/** The share the block is drawn at now: the stored one, or measured (an image at its natural size). */
function currentShare(editor: Editor, selected: Selected): number {
  const stored = mediaWidth(selected.attrs.width);
  if (stored !== null) return stored;
  const dom = editor.view.nodeDOM(selected.pos);
  const frame = dom instanceof HTMLElement ? dom.querySelector<HTMLElement>('.node-image__frame') : null;
  return dom instanceof HTMLElement && frame ? drawnShare(frame, dom) : MAX_MEDIA_WIDTH;
}

export function MediaPanel({ editor, body, stage }: { editor: Editor | null; body: HTMLElement | null; stage: HTMLElement | null }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<Selected | null>(null);
  const [status, setStatus] = useState('');
  const [altDialog, setAltDialog] = useState<{ pos: number; value: AltValue } | null>(null);
  const [style, setStyle] = useState<CSSProperties>({ visibility: 'hidden' });
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!editor) return;
    const read = () => setSelected(editor.isEditable ? selectedMedia(editor) : null);
    read();
    editor.on('transaction', read);
    return () => {
      editor.off('transaction', read);
    };
  }, [editor]);

  const resize = useCallback(
    (target: Selected, direction: -1 | 1) => {
      if (!editor) return;
      const width = stepMediaWidth(currentShare(editor, target), direction);
      setNodeAttrs(editor, target.pos, { width });
      setStatus(t('media:widthStatus', { width }));
    },
    [editor, t],
  );

  // Alt+Shift+ArrowLeft/Right on the canvas (or in the panel) with a block selected: one size step.
  useEffect(() => {
    if (!editor || !body) return;
    const dom = body;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
      const target = editor.isEditable ? selectedMedia(editor) : null;
      if (!target || imageFit(target.attrs.fit)) return;
      event.preventDefault();
      event.stopPropagation();
      resize(target, event.key === 'ArrowLeft' ? -1 : 1);
    };
    const onAltRequest = (event: Event) => {
      const pos = (event as CustomEvent<{ pos: number }>).detail.pos;
      const node = editor.state.doc.nodeAt(pos);
      if (node?.type.name === 'image') setAltDialog({ pos, value: { alt: typeof node.attrs.alt === 'string' ? node.attrs.alt : '', decorative: isDecorative(node.attrs.decorative) } });
    };
    dom.addEventListener('keydown', onKey, true);
    dom.addEventListener(ALT_REQUEST_EVENT, onAltRequest);
    return () => {
      dom.removeEventListener('keydown', onKey, true);
      dom.removeEventListener(ALT_REQUEST_EVENT, onAltRequest);
    };
  }, [editor, body, resize]);

  // Below the block, or above it, or under the slide: measured against the stage after each change.
  useLayoutEffect(() => {
    if (!editor || !selected || !stage || !panel.current) return;
    const place = () => {
      const dom = editor.view.nodeDOM(selected.pos);
      const slide = stage.querySelector('.slide');
      if (!(dom instanceof HTMLElement) || !slide || !panel.current) return;
      const box = (dom.querySelector('.node-image__frame') ?? dom).getBoundingClientRect();
      const area = stage.getBoundingClientRect();
      const slideBox = slide.getBoundingClientRect();
      const height = panel.current.offsetHeight;
      const width = panel.current.offsetWidth;
      let top: number;
      if (box.bottom + GAP + height <= slideBox.bottom) top = box.bottom + GAP;
      else if (box.top - GAP - height >= slideBox.top) top = box.top - GAP - height;
      // A block as tall as the slide (a full-bleed picture): under the slide, within the stage.
      else top = Math.min(Math.max(box.bottom, slideBox.bottom) + GAP, area.bottom - height - 2);
      const left = Math.min(Math.max(area.left, box.left), area.right - width);
      setStyle({ top: top - area.top, left: Math.max(0, left - area.left) });
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [editor, selected, stage]);

  if (!editor || (!selected && !altDialog)) return null;
  const set = (attrs: Record<string, unknown>, announce: string) => {
    if (!selected) return;
    setNodeAttrs(editor, selected.pos, attrs);
    setStatus(announce);
  };
  const width = selected ? mediaWidth(selected.attrs.width) : null;
  const align: MediaAlign = (selected && mediaAlign(selected.attrs.align)) ?? 'left';
  const cover = selected?.kind === 'image' && imageFit(selected.attrs.fit) === 'cover';
  const labels: Record<MediaAlign, string> = { left: t('media:alignLeft'), center: t('media:alignCenter'), right: t('media:alignRight') };
  return (
    <>
      {selected && (
        <div ref={panel} className="media-panel" style={style} role="group" aria-label={selected.kind === 'image' ? t('media:imagePanel') : t('media:chartPanel')} data-media-panel="">
          <div className="media-panel__group">
            <button type="button" className="icon-button media-panel__button" aria-keyshortcuts="Alt+Shift+ArrowLeft" disabled={cover || width === MIN_MEDIA_WIDTH} onClick={() => resize(selected, -1)}>
              {t('media:smaller')}
            </button>
            <button type="button" className="icon-button media-panel__button" aria-keyshortcuts="Alt+Shift+ArrowRight" disabled={cover || width === MAX_MEDIA_WIDTH} onClick={() => resize(selected, 1)}>
              {t('media:larger')}
            </button>
          </div>
          <div className="media-panel__group">
            {MEDIA_ALIGNS.map((value) => (
              <button key={value} type="button" className="icon-button media-panel__button" aria-pressed={align === value} disabled={cover} onClick={() => set({ align: value === 'left' ? null : value }, labels[value])}>
                {labels[value]}
              </button>
            ))}
          </div>
          {selected.kind === 'image' && (
            <div className="media-panel__group">
              <button type="button" className="icon-button media-panel__button" aria-pressed={cover} onClick={() => set({ fit: cover ? null : 'cover' }, cover ? t('media:coverOff') : t('media:coverOn'))}>
                {t('media:cover')}
              </button>
              <button
                type="button"
                className="icon-button media-panel__button"
                onClick={() => setAltDialog({ pos: selected.pos, value: { alt: typeof selected.attrs.alt === 'string' ? selected.attrs.alt : '', decorative: isDecorative(selected.attrs.decorative) } })}
              >
                {t('media:editAlt')}
              </button>
            </div>
          )}
        </div>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {altDialog && <AltDialog initial={altDialog.value} onClose={() => setAltDialog(null)} onSave={(value) => {
        setNodeAttrs(editor, altDialog.pos, { alt: value.alt, decorative: value.decorative || null });
        setAltDialog(null);
        setStatus(value.decorative ? t('media:savedDecorative') : t('media:savedAlt'));
      }} />}
    </>
  );
}

function AltDialog({ initial, onSave, onClose }: { initial: AltValue; onSave(value: AltValue): void; onClose(): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [asked, setAsked] = useState(false);
  return (
    <ModalDialog
      title={t('media:altTitle')}
      onClose={onClose}
      onSubmit={() => {
        const stored = altToStore(value);
        if (stored) onSave(stored);
        else setAsked(true);
      }}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('editor:image.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('media:save')}
          </button>
        </>
      }
    >
      <AltFields value={value} onChange={setValue} missing={asked && altToStore(value) === null} />
    </ModalDialog>
  );
}
