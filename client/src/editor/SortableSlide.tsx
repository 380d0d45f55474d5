/**
 * One slide in the sorter: an option of the slides listbox that can be dragged (pointer or
 * keyboard, via @dnd-kit/sortable). Its accessible name is the slide number, its title and
 * who else is on it; the drawn thumbnail inside is presentational.
 */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useCallback, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { DeckLanguage, DeckTheme } from '../../../shared/deckModel.ts';
import { initials } from './userColor.ts';
import { SlideThumbnail } from './SlideThumbnail.tsx';
import { fragmentToTree, slideTitle } from './slideTree.ts';
import { useSlide, useSlideVersion } from './useDeckDoc.ts';
import type { Peer } from './usePresence.ts';

export interface SortableSlideProps {
  doc: Y.Doc;
  id: string;
  number: number;
  theme: DeckTheme;
  language: DeckLanguage;
  selected: boolean;
  /** The one option reachable with Tab (the selected one, or the first when none is). */
  tabbable: boolean;
  /** People (other than you) on this slide. */
  peers: Peer[];
  onSelect(id: string): void;
  /** Runs first; returns true when it handled the key (then dragging does not see it). */
  onKey(event: KeyboardEvent<HTMLLIElement>, id: string): boolean;
  ref?: Ref<HTMLLIElement>;
}

export function SortableSlide({ doc, id, number, theme, language, selected, tabbable, peers, onSelect, onKey, ref }: SortableSlideProps) {
  const { t } = useTranslation();
  const slide = useSlide(doc, id);
  const version = useSlideVersion(doc, id);
  const nodes = useMemo(() => (slide ? fragmentToTree(slide.content) : []), [slide, version]);
  const title = slideTitle(nodes);
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  // A listbox option may not carry aria-pressed (dnd-kit sets it for its default button role).
  const { 'aria-pressed': _pressed, 'aria-roledescription': _roleDescription, ...sortableAttributes } = attributes;

  // Past the fit's floor (slideFit.ts) the thumbnail says so, as the canvas does: findable from the sorter.
  const [overfull, setOverfull] = useState(false);
  const onOverfull = useCallback((value: boolean) => setOverfull(value), []);

  const name = [
    title ? t('editor:sorter.slide', { number, title }) : t('editor:sorter.untitled', { number }),
    slide?.hidden ? t('editor:sorter.hidden') : '',
    overfull ? t('editor:sorter.overfull') : '',
    peers.length ? t('editor:sorter.here', { names: peers.map((p) => p.name).join(', ') }) : '']
    .filter(Boolean)
    .join('. ');

  if (!slide) return null;
  return (
    <li
      ref={(node) => {
        setNodeRef(node);
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      {...sortableAttributes}
      {...listeners}
      role="option"
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={`sorter__item${selected ? ' sorter__item--selected' : ''}${isDragging ? ' sorter__item--dragging' : ''}${slide.hidden ? ' sorter__item--hidden' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      onClick={() => onSelect(id)}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !selected) onSelect(id);
      }}
      onKeyDown={(event) => {
        if (onKey(event, id)) return;
        listeners?.onKeyDown?.(event);
      }}
    >
      {/* The name comes from this text; the drawing is hidden from assistive technology. */}
      <span className="visually-hidden">{name}</span>
      <span className="sorter__number" aria-hidden="true">
        {number}
      </span>
      <span className="sorter__thumb" aria-hidden="true">
        <SlideThumbnail nodes={nodes} theme={theme} layout={slide.layout} language={language} number={number} onOverfull={onOverfull} />
        {overfull && <span className="sorter__overfull">{t('editor:sorter.overfullBadge')}</span>}
        {peers.length > 0 && (
          <span className="sorter__peers">
            {peers.slice(0, 3).map((peer) => (
              <span key={peer.clientId} className="sorter__peer" style={{ backgroundColor: peer.color }} title={peer.name}>
                {initials(peer.name)}
              </span>
            ))}
          </span>
        )}
      </span>
    </li>
  );
}
