/**
 * What an audience link receives: a Y.Doc the server keeps beside each open deck, in the deck
 * model's shape (meta, slideOrder, slides, presentation) so the attendee page reads it with
 * the same functions, but holding only what an audience may read ([AU1]):
 *
 *   meta          title, theme, language; footer, marking, date, numbers, logo (deckChrome.ts)
 *   slideOrder    the ids of the slides this session has shown, in deck order
 *   slides        for each of those: id, layout, content (notes stay an empty fragment), and
 *                 its position in the deck when the deck shows slide numbers; of a step list
 *                 (shared/stepReveal.ts) only the items the session has put on screen ([AU12])
 *   presentation  state, active, slideId, fragment, startedAt, endedAt, keepUntil (not who presents)
 *
 * It is built by copying named parts of the deck document into a separate document — an
 * allow-list — never by filtering the deck's own updates: speaker notes, the presenter's
 * `shown` bookkeeping and whatever editor-only data later features add to the deck (review
 * comments, owners) simply have no way in. Attendees' sockets are never sent a byte of the
 * deck document itself.
 *
 * Updating is incremental, so an edit on a shown slide costs attendees about the size of
 * the change (mirrorBlocks.ts: typing in a paragraph sends the keystroke). Deleted content is garbage-collected (the document has `gc` on), so a sentence
 * an editor removed from a shown slide is not in what a later attendee receives ([AU5]).
 */
import { CHROME_KEYS, readChrome } from '../../shared/deckChrome.ts';
import * as Y from 'yjs';
import { audienceState, deckTypes, readMeta, readPresentation, shownSlideIds, shownSteps, slideIds, type AudienceState, type SlideLayout } from '../../shared/deckModel.ts';
import { liveStatKeys } from '../../shared/chartBlock.ts';
import { hasStepList, revealedCopy } from '../../shared/stepReveal.ts';
import { mirrorChildren } from './mirrorBlocks.ts';

export class AudienceDocument {
  readonly doc = new Y.Doc({ gc: true });
  /** The fingerprints of the blocks each mirrored slide holds now. */
  private readonly mirrored = new Map<string, string[]>();
  /** Slides whose layout or content changed since the last refresh. */
  private readonly dirtySlides = new Set<string>();
  /** How many steps of each mirrored slide the audience has been given ([AU12]). */
  private readonly revealed = new Map<string, number>();
  /** Order, meta, presentation or the set of slides changed: what is visible must be worked out again. */
  private structureChanged = true;
  private statKeys = new Set<string>();
  private currentState: AudienceState = 'waiting';
  private keepUntil: number | null = null;

  constructor(private readonly source: Y.Doc) {
    const { slides, order, meta, presentation } = deckTypes(source);
    // Observers only mark what changed; the copying happens in refresh(), after the change
    // is stored ([AU8]).
    slides.observeDeep((events) => {
      for (const event of events) {
        const [slideId, part] = event.path as [string | undefined, string | undefined];
        if (slideId === undefined) this.structureChanged = true;
        else if (part === undefined || part === 'content') this.dirtySlides.add(slideId);
        // Changes inside a slide's notes (or anything else beside its content) are not the audience's.
      }
    });
    const markStructure = (): void => {
      this.structureChanged = true;
    };
    order.observe(markStructure);
    meta.observe(markStructure);
    presentation.observeDeep(markStructure);
  }

  get state(): AudienceState {
    return this.currentState;
  }

  /** Live statistics that the charts on the slides the audience may read show. */
  get liveStatKeys(): ReadonlySet<string> {
    return this.statKeys;
  }

  /** When the kept slides stop being readable (null unless the state is `kept`). */
  get keptUntil(): number | null {
    return this.keepUntil;
  }

  /**
   * Brings the audience document up to date with the deck and returns the update that made
   * (null if nothing changed for the audience). `now` decides whether kept slides have expired.
   */
  refresh(now: number = Date.now()): Uint8Array | null {
    const pending = this.structureChanged || this.dirtySlides.size > 0;
    const expiring = this.keepUntil !== null && now >= this.keepUntil;
    if (!pending && !expiring) return null;
    // Edits on slides the audience does not have (the common case before they are shown) cost nothing more.
    if (!this.structureChanged && !expiring && ![...this.dirtySlides].some((id) => this.mirrored.has(id))) {
      this.dirtySlides.clear();
      return null;
    }
    const updates: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array): void => void updates.push(update);
    this.doc.on('update', onUpdate);
    try {
      this.doc.transact(() => this.copy(now));
    } finally {
      this.doc.off('update', onUpdate);
    }
    this.structureChanged = false;
    this.dirtySlides.clear();
    if (updates.length === 0) return null;
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  private copy(now: number): void {
    const source = this.source;
    const target = deckTypes(this.doc);
    const presentation = readPresentation(source);
    const state = audienceState(presentation, now);
    this.currentState = state;
    this.keepUntil = state === 'kept' ? Date.parse(presentation.keepUntil!) : null;

    const meta = readMeta(source);
    for (const [key, value] of [['title', meta.title], ['theme', meta.theme], ['language', meta.language]] as const) {
      if (target.meta.get(key) !== value) target.meta.set(key, value);
    }
    // What every slide carries (footer, marking, date, numbers, logo): part of each slide shown.
    const chrome = readChrome(source);
    for (const key of CHROME_KEYS) if (target.meta.get(key) !== chrome[key]) target.meta.set(key, chrome[key]);

    // The slides the audience may read: those this session has shown (and, while live, the
    // one on screen even if a client moved there without recording it), in deck order.
    let visible: string[] = [];
    if (state === 'live' || state === 'kept') {
      const shown = shownSlideIds(source);
      if (state === 'live' && presentation.slideId !== null) shown.add(presentation.slideId);
      visible = slideIds(source).filter((id) => shown.has(id));
    }
    const visibleSet = new Set(visible);

    for (const id of target.slides.keys()) {
      if (!visibleSet.has(id)) {
        target.slides.delete(id);
        this.mirrored.delete(id);
        this.revealed.delete(id);
      }
    }
    // A shown slide's position in the deck, only when the deck prints slide numbers: it says
    // how many slides come before, which attendees otherwise do not learn.
    const positions = new Map(slideIds(source).map((id, i) => [id, i + 1]));
    // The steps of each shown slide put on screen so far (the slide on screen: at least where it is now).
    const steps = shownSteps(source);
    if (state === 'live' && presentation.slideId !== null) steps.set(presentation.slideId, Math.max(steps.get(presentation.slideId) ?? 0, presentation.fragment));
    for (const id of visible) {
      const from = deckTypes(source).slides.get(id)!;
      let to = target.slides.get(id);
      if (!(to instanceof Y.Map)) {
        to = new Y.Map<unknown>();
        to.set('id', id);
        to.set('content', new Y.XmlFragment());
        to.set('notes', new Y.XmlFragment());
        target.slides.set(id, to);
        this.mirrored.set(id, []);
        this.dirtySlides.add(id);
      }
      const number = chrome.slideNumbers ? positions.get(id) : undefined;
      if (to.get('number') !== number) {
        if (number === undefined) to.delete('number');
        else to.set('number', number);
      }
      const revealed = steps.get(id) ?? 0;
      if (this.revealed.get(id) !== revealed) {
        this.revealed.set(id, revealed);
        this.dirtySlides.add(id);
      }
      if (!this.dirtySlides.has(id)) continue;
      const layout = from.get('layout') as SlideLayout | undefined;
      if (to.get('layout') !== layout) to.set('layout', layout ?? 'title-content');
      const content = from.get('content');
      if (!(content instanceof Y.XmlFragment)) continue;
      if (!hasStepList(content)) {
        this.mirrored.set(id, mirrorChildren(content, to.get('content') as Y.XmlFragment, this.mirrored.get(id) ?? []));
        continue;
      }
      // A step list's items not yet on screen have no way in: the copy is made from a scratch
      // copy of the content without them ([AU12]).
      const copy = revealedCopy(content, revealed);
      try {
        this.mirrored.set(id, mirrorChildren(copy.fragment, to.get('content') as Y.XmlFragment, this.mirrored.get(id) ?? []));
      } finally {
        copy.doc.destroy();
      }
    }

    const order = target.order.toArray();
    if (order.length !== visible.length || order.some((id, i) => id !== visible[i])) {
      target.order.delete(0, target.order.length);
      target.order.insert(0, visible);
    }

    const live = state === 'live';
    const fields: Record<string, unknown> = {
      state,
      active: live,
      slideId: live && presentation.slideId !== null && visibleSet.has(presentation.slideId) ? presentation.slideId : null,
      fragment: live ? presentation.fragment : 0,
      startedAt: presentation.startedAt,
      endedAt: presentation.endedAt,
      keepUntil: state === 'kept' ? presentation.keepUntil : null,
    };
    for (const [key, value] of Object.entries(fields)) if (target.presentation.get(key) !== value) target.presentation.set(key, value);

    this.statKeys = liveStatKeys(this.doc);
  }

  /** Whether a slide the audience may read shows the image at `path` (its images are theirs, no others, [AU1]). */
  showsImage(path: string): boolean {
    // The deck's logo is on every slide shown: readable while any slide is.
    const logo = readChrome(this.doc).logo;
    if (logo && (path === logo || path.startsWith(`${logo}?`)) && deckTypes(this.doc).order.length > 0) return true;
    const visit = (node: Y.XmlFragment | Y.XmlElement): boolean =>
      node.toArray().some((child) => {
        if (!(child instanceof Y.XmlElement)) return false;
        const src = child.getAttribute('src');
        if (typeof src === 'string' && (src === path || src.startsWith(`${path}?`))) return true;
        return visit(child);
      });
    for (const slide of deckTypes(this.doc).slides.values()) {
      const content = slide.get('content');
      if (content instanceof Y.XmlFragment && visit(content)) return true;
    }
    return false;
  }

  destroy(): void {
    this.doc.destroy();
  }
}
