/**
 * Version history. A version is the deck's document as it was, plus the values its live
 * charts showed then, so an old version shows the figures as presented. Versions are made by
 * hand, when a live session starts, now and then while a deck is edited, and before every
 * restore; restoring makes the live deck equal to a version as a new change (history is
 * never rewritten, and open editors update at once).
 */
import * as Y from 'yjs';
import { CHART_NODE, type FrozenReason } from '../../shared/chartBlock.ts';
import { deckTypes, listSlides } from '../../shared/deckModel.ts';
import { newId } from '../auth/tokens.ts';
import type { StatsHub } from '../stats/StatsHub.ts';
import type { Store, StoredVersion, VersionRecord } from '../storage/Store.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';

function chartElements(node: Y.XmlFragment | Y.XmlElement, out: Y.XmlElement[] = []): Y.XmlElement[] {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === CHART_NODE) out.push(child);
    else chartElements(child, out);
  }
  return out;
}

/** A copy of `state` whose live charts show the values in `stats`, frozen at `at`. */
export function freezeCharts(state: Uint8Array, stats: Record<string, unknown>, at: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  doc.transact(() => {
    for (const slide of listSlides(doc)) {
      for (const chart of chartElements(slide.content)) {
        const key = chart.getAttribute('statKey');
        if (typeof chart.getAttribute('frozenValue') === 'string' || typeof key !== 'string' || !(key in stats)) continue;
        chart.setAttribute('frozenValue', JSON.stringify(stats[key]));
        chart.setAttribute('frozenAt', at);
        chart.setAttribute('frozenReason', 'presented' satisfies FrozenReason);
      }
    }
  });
  const frozen = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return frozen;
}

/** Makes `target` equal to `source` in content and metadata, as new changes on `target`. */
export function replaceDeckContent(target: Y.Doc, source: Y.Doc): void {
  const to = deckTypes(target);
  const from = deckTypes(source);
  target.transact(() => {
    for (const key of Array.from(to.meta.keys())) if (!from.meta.has(key)) to.meta.delete(key);
    for (const [key, value] of from.meta.entries()) if (to.meta.get(key) !== value) to.meta.set(key, value);
    to.order.delete(0, to.order.length);
    for (const key of Array.from(to.slides.keys())) to.slides.delete(key);
    for (const slide of listSlides(source)) {
      const copy = new Y.Map<unknown>();
      copy.set('id', slide.id);
      copy.set('layout', slide.layout);
      const content = new Y.XmlFragment();
      const notes = new Y.XmlFragment();
      copy.set('content', content);
      copy.set('notes', notes);
      to.slides.set(slide.id, copy);
      content.insert(0, slide.content.toArray().map((n) => n.clone() as Y.XmlElement));
      notes.insert(0, slide.notes.toArray().map((n) => n.clone() as Y.XmlElement));
    }
    to.order.insert(0, listSlides(source).map((s) => s.id));
  });
}

export class VersionService {
  /** When each deck last got an automatic version (in this process). */
  private readonly lastAuto = new Map<string, number>();
  private readonly creatingAuto = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly registry: RoomRegistry,
    private readonly stats: StatsHub,
    /** Minimum time between automatic versions of one deck while it is edited. */
    private readonly autoEveryMs: number,
  ) {}

  async create(deckId: string, label: string, kind: VersionRecord['kind'], userId: string | null): Promise<VersionRecord> {
    const state = await this.registry.read(deckId, (doc) => Y.encodeStateAsUpdate(doc));
    await this.stats.ready;
    const keys = new Set<string>();
    const probe = new Y.Doc();
    Y.applyUpdate(probe, state);
    for (const slide of listSlides(probe)) for (const chart of chartElements(slide.content)) if (typeof chart.getAttribute('statKey') === 'string') keys.add(chart.getAttribute('statKey') as string);
    probe.destroy();
    const stats: Record<string, unknown> = {};
    for (const key of keys) {
      const current = this.stats.get(key);
      if (current) stats[key] = current.value;
    }
    const version: StoredVersion = { id: newId(), deckId, label, kind, createdAt: new Date().toISOString(), createdBy: userId, state, stats };
    if (kind === 'auto') this.lastAuto.set(deckId, Date.now());
    return this.store.createVersion(version);
  }

  /** The version's document with its charts showing the figures of that moment. */
  frozenState(version: StoredVersion): Uint8Array {
    return freezeCharts(version.state, version.stats, version.createdAt);
  }

  /** Restores a version as a new change, after saving the current state as a version of its own. */
  async restore(deckId: string, version: StoredVersion, userId: string | null): Promise<VersionRecord> {
    const backup = await this.create(deckId, `before restoring “${version.label}”`, 'restore', userId);
    const source = new Y.Doc();
    Y.applyUpdate(source, version.state);
    try {
      await this.registry.change(deckId, (doc) => replaceDeckContent(doc, source), userId);
    } finally {
      source.destroy();
    }
    return backup;
  }

  /** Called after edits: makes an automatic version when the last one is old enough. */
  noteEdited(deckId: string): void {
    const last = this.lastAuto.get(deckId);
    if (last === undefined) {
      // First edit seen by this process: count from now, so a restart does not version at once.
      this.lastAuto.set(deckId, Date.now());
      return;
    }
    if (Date.now() - last < this.autoEveryMs || this.creatingAuto.has(deckId)) return;
    this.creatingAuto.add(deckId);
    this.lastAuto.set(deckId, Date.now());
    void this.create(deckId, 'automatic', 'auto', null)
      .catch(() => {})
      .finally(() => this.creatingAuto.delete(deckId));
  }
}
