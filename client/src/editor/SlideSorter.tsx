/**
 * The slide sorter (left rail): a listbox of live thumbnails with add, duplicate, delete,
 * undo and redo, drag to reorder (pointer and keyboard through @dnd-kit), and the keyboard
 * commands of sorterKeys.ts. Every change goes through the slide undo stack.
 */
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, rectSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { addSlide, deleteSlide, duplicateSlide, moveSlide, setSlideHidden, type DeckLanguage, type DeckTheme } from '../../../shared/deckModel.ts';
import { heading, paragraph } from '../../../shared/slideContent.ts';
import { Icon } from './Icon.tsx';
import { SortableSlide } from './SortableSlide.tsx';
import { sorterCommand } from './sorterKeys.ts';
import { useSlide } from './useDeckDoc.ts';
import type { Peer } from './usePresence.ts';
import type { SlideUndoApi } from './useSlideUndo.ts';

export interface SlideSorterProps {
  doc: Y.Doc;
  ids: string[];
  selectedId: string | null;
  theme: DeckTheme;
  /** The deck's language: thumbnails draw charts and labels in it. */
  language: DeckLanguage;
  peers: Peer[];
  undo: SlideUndoApi;
  editable: boolean;
  onSelect(id: string): void;
  /** Enter on a slide: go and edit it. */
  onEdit(): void;
  /** A slide was deleted (for the "Undo" notice). */
  onDeleted(number: number): void;
}

export function SlideSorter({ doc, ids, selectedId, theme, language, peers, undo, editable, onSelect, onEdit, onDeleted }: SlideSorterProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const helpId = useId();
  const items = useRef(new Map<string, HTMLLIElement>());
  const [focusRequest, setFocusRequest] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const selectedIndex = selectedId ? ids.indexOf(selectedId) : -1;

  useEffect(() => {
    if (!focusRequest) return;
    const item = items.current.get(focusRequest);
    if (!item) return;
    item.focus();
    item.scrollIntoView({ block: 'nearest' });
    setFocusRequest(null);
  }, [focusRequest, ids]);

  const sensors = useSensors(
    // A small distance first, so a click selects instead of starting a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates, keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] } }),
  );

  const position = (id: string | number | undefined): number => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('editor:sorter.pickedUp', { number: position(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('editor:sorter.movedOver', { number: position(active.id), position: position(over.id), count: ids.length }) : undefined),
    onDragEnd: ({ over }) => (over ? t('editor:sorter.dropped', { position: position(over.id), count: ids.length }) : undefined),
    onDragCancel: ({ active }) => t('editor:sorter.cancelled', { position: position(active.id) }),
  };

  function select(id: string | undefined, focus: boolean) {
    if (!id) return;
    onSelect(id);
    if (focus) setFocusRequest(id);
  }

  function add() {
    const at = selectedIndex < 0 ? ids.length : selectedIndex + 1;
    const id = undo.run(() => addSlide(doc, { layout: 'title-content', content: [heading(2, ''), paragraph('')] }, at));
    if (id) onSelect(id);
  }

  // Hide (skip when presenting, leave out of the PDF) or show the selected slide; undoable like every slide change.
  const selectedSlide = useSlide(doc, selectedId);
  const selectedHidden = selectedSlide?.hidden ?? false;
  function toggleHidden() {
    if (!selectedId || !editable) return;
    undo.run(() => setSlideHidden(doc, selectedId, !selectedHidden));
  }

  function duplicate(focus: boolean) {
    if (!selectedId) return;
    const id = undo.run(() => duplicateSlide(doc, selectedId));
    if (id) select(id, focus);
  }

  function remove(focus: boolean) {
    if (!selectedId) return;
    const index = selectedIndex;
    const next = ids[index + 1] ?? ids[index - 1];
    if (undo.run(() => deleteSlide(doc, selectedId))) {
      onDeleted(index + 1);
      if (next) select(next, focus);
    }
  }

  function move(id: string, to: number, focus: boolean) {
    if (to < 0 || to >= ids.length) return;
    undo.run(() => moveSlide(doc, id, to));
    if (focus) setFocusRequest(id);
  }

  function onKey(event: KeyboardEvent<HTMLLIElement>, id: string): boolean {
    if (dragging) return false;
    const command = sorterCommand(event);
    if (!command) return false;
    const index = ids.indexOf(id);
    event.preventDefault();
    switch (command) {
      case 'previous':
        select(ids[Math.max(0, index - 1)], true);
        break;
      case 'next':
        select(ids[Math.min(ids.length - 1, index + 1)], true);
        break;
      case 'first':
        select(ids[0], true);
        break;
      case 'last':
        select(ids[ids.length - 1], true);
        break;
      case 'moveUp':
        if (editable) move(id, index - 1, true);
        break;
      case 'moveDown':
        if (editable) move(id, index + 1, true);
        break;
      case 'delete':
        if (editable) remove(true);
        break;
      case 'duplicate':
        if (editable) duplicate(true);
        break;
      case 'undo':
        if (editable) undo.undo();
        break;
      case 'redo':
        if (editable) undo.redo();
        break;
      case 'edit':
        onEdit();
        break;
    }
    return true;
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragging(false);
    if (!over || active.id === over.id) return;
    move(String(active.id), ids.indexOf(String(over.id)), false);
  }

  const peersBySlide = useMemo(() => {
    const map = new Map<string, Peer[]>();
    const seen = new Set<string>();
    for (const peer of peers) {
      if (peer.self || !peer.slideId || seen.has(`${peer.userId}:${peer.slideId}`)) continue;
      seen.add(`${peer.userId}:${peer.slideId}`);
      map.set(peer.slideId, [...(map.get(peer.slideId) ?? []), peer]);
    }
    return map;
  }, [peers]);

  return (
    <section className="sorter" aria-labelledby={headingId}>
      <div className="sorter__head">
        <div className="sorter__titlebar">
          <h2 id={headingId} className="sorter__title">
            {t('editor:sorter.label')}
          </h2>
          <div className="sorter__actions" role="group" aria-label={t('editor:sorter.actions')}>
            <button type="button" className="icon-button icon-button--small" aria-label={t('editor:sorter.duplicate')} title={`${t('editor:sorter.duplicate')} (Ctrl+D)`} onClick={() => duplicate(false)} disabled={!editable || !selectedId}>
              <Icon name="copy" />
            </button>
            <button type="button" className="icon-button icon-button--small" aria-label={t('editor:sorter.delete')} title={`${t('editor:sorter.delete')} (Delete)`} onClick={() => remove(false)} disabled={!editable || !selectedId}>
              <Icon name="trash" />
            </button>
            <button
              type="button"
              className="icon-button icon-button--small"
              aria-label={t('editor:sorter.hide')}
              aria-pressed={selectedHidden}
              title={t('editor:sorter.hideHint')}
              onClick={toggleHidden}
              disabled={!editable || !selectedId}
            >
              <Icon name="eyeOff" />
            </button>
            <button type="button" className="icon-button icon-button--small" aria-label={t('editor:sorter.undo')} title={`${t('editor:sorter.undo')} (Ctrl+Z)`} onClick={undo.undo} disabled={!editable || !undo.canUndo}>
              <Icon name="undo" />
            </button>
            <button type="button" className="icon-button icon-button--small" aria-label={t('editor:sorter.redo')} title={`${t('editor:sorter.redo')} (Ctrl+Shift+Z)`} onClick={undo.redo} disabled={!editable || !undo.canRedo}>
              <Icon name="redo" />
            </button>
          </div>
        </div>
        <button type="button" className="sorter__add" onClick={add} disabled={!editable}>
          <Icon name="plus" />
          <span>{t('editor:sorter.add')}</span>
        </button>
      </div>
      <p id={helpId} className="visually-hidden">
        {t('editor:sorter.help')}
      </p>
      {ids.length === 0 ? (
        <p className="sorter__empty">{t('editor:sorter.empty')}</p>
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('editor:sorter.dragInstructions') } }}
          onDragStart={() => setDragging(true)}
          onDragCancel={() => setDragging(false)}
          onDragEnd={onDragEnd}
        >
          <SortableContext items={ids} strategy={rectSortingStrategy} disabled={!editable}>
            <ol className="sorter__list" role="listbox" aria-labelledby={headingId} aria-describedby={helpId}>
              {ids.map((id, index) => (
                <SortableSlide
                  key={id}
                  ref={(node) => {
                    if (node) items.current.set(id, node);
                    else items.current.delete(id);
                  }}
                  doc={doc}
                  id={id}
                  number={index + 1}
                  theme={theme}
                  language={language}
                  selected={id === selectedId}
                  tabbable={id === selectedId || (selectedIndex < 0 && index === 0)}
                  peers={peersBySlide.get(id) ?? []}
                  onSelect={onSelect}
                  onKey={onKey}
                />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
    </section>
  );
}
