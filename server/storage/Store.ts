/**
 * The storage contract. SQLite implements it for one machine; PostgreSQL will implement it
 * for scale-out. Both are checked by the same contract suite (storeContract.ts).
 *
 * Methods are async even where SQLite is synchronous, so callers are written for a network
 * database from the start. Times are ISO-8601 strings in UTC.
 */
import type { StatResponse, UserInfo } from '../../shared/api.ts';
import type { VersionKind } from '../../shared/deckFilesApi.ts';
import type { CollectionName, CollectionRecords } from '../../shared/research.ts';

/** A user as every layer sees it; the password hash travels only in UserWithSecret. */
export type UserRecord = UserInfo;

export interface UserWithSecret extends UserRecord {
  passwordHash: string;
}

export interface SessionRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface DeckRecord {
  id: string;
  title: string;
  slideCount: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  trashedAt: string | null;
}

export interface LinkRecord {
  token: string;
  deckId: string;
  label: string;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface DeckEventRecord {
  id: number;
  deckId: string;
  kind: string;
  at: string;
  userId: string | null;
  detail: Record<string, unknown>;
}

export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
}

export interface StoredDocument {
  snapshot: Uint8Array | null;
  /** Updates written after the snapshot, in the order they were committed. */
  updates: StoredUpdate[];
}

/** What an update changed about the deck's listing (who edited, how many slides now). */
export interface UpdateMeta {
  userId: string | null;
  slideCount: number;
}

export interface ImageRecord {
  id: string;
  deckId: string;
  contentType: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  createdBy: string | null;
}

export interface AuditRecord {
  id: number;
  at: string;
  userId: string | null;
  collection: CollectionName;
  recordId: string;
  action: 'create' | 'update' | 'delete' | 'import';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** A research record as written: its id and the validated fields of its collection. */
export type ResearchValues<C extends CollectionName> = Omit<CollectionRecords[C], 'createdAt' | 'updatedAt'>;

export interface VersionRecord {
  id: string;
  deckId: string;
  label: string;
  /** 'manual' (made by hand), 'session' (a live session started), 'auto' (while editing), 'restore' (before a restore). */
  kind: VersionKind;
  createdAt: string;
  createdBy: string | null;
}

export interface StoredVersion extends VersionRecord {
  /** The deck's document as it was (a Yjs update). */
  state: Uint8Array;
  /** The statistics its live charts showed then: key → value. */
  stats: Record<string, unknown>;
}

export type DeleteOutcome = 'deleted' | 'missing' | 'referenced';

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /**
   * Why the last document write failed ("database or disk is full"), or null once a write
   * has succeeded again. /healthz answers 503 with it, so a load balancer and the operator
   * see a store that refuses writes even while reads still work.
   */
  readonly writeProblem: string | null;
  /** Creates or upgrades the schema. Safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /**
   * Runs `work` only if no other instance is running work under the same key right now
   * (compaction of one deck); returns null when it was skipped.
   */
  tryExclusive<T>(key: string, work: () => Promise<T>): Promise<T | null>;

  /** Runs `seed` only if the store has never been seeded; returns whether it ran. */
  seedOnce(seed: () => Promise<void>): Promise<boolean>;

  createUser(user: Omit<UserWithSecret, 'createdAt' | 'disabled'>): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | null>;
  getUserByUsername(username: string): Promise<UserWithSecret | null>;
  listUsers(): Promise<UserRecord[]>;
  updateUser(id: string, patch: Partial<Pick<UserWithSecret, 'displayName' | 'role' | 'disabled' | 'passwordHash'>>): Promise<UserRecord | null>;
  countUsers(): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user; returns the token hashes that were ended. */
  deleteSessionsOfUser(userId: string): Promise<string[]>;

  /** Creates the deck row and stores its first document update in one transaction. */
  createDeck(deck: Pick<DeckRecord, 'id' | 'title' | 'createdBy' | 'slideCount'>, initialUpdate: Uint8Array): Promise<DeckRecord>;
  getDeck(id: string): Promise<DeckRecord | null>;
  listDecks(filter: { trashed: boolean }): Promise<DeckRecord[]>;
  renameDeck(id: string, title: string, userId: string | null): Promise<DeckRecord | null>;
  setDeckTrashed(id: string, trashed: boolean): Promise<DeckRecord | null>;

  /** Commits one document update; resolves only once it is durable. Returns its sequence number. */
  appendUpdate(deckId: string, update: Uint8Array, meta: UpdateMeta): Promise<number>;
  loadDocument(deckId: string): Promise<StoredDocument>;
  countUpdates(deckId: string): Promise<number>;
  /**
   * Replaces every update up to and including `uptoSeq` by `snapshot`, atomically. Updates
   * with a higher sequence number (written while the snapshot was built) are kept.
   */
  compactDocument(deckId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;

  createLink(link: Omit<LinkRecord, 'createdAt' | 'revokedAt'>): Promise<LinkRecord>;
  getLink(token: string): Promise<LinkRecord | null>;
  listLinks(deckId: string): Promise<LinkRecord[]>;
  revokeLink(deckId: string, token: string): Promise<LinkRecord | null>;

  recordDeckEvent(event: Omit<DeckEventRecord, 'id' | 'at'>): Promise<DeckEventRecord>;
  listDeckEvents(deckId: string): Promise<DeckEventRecord[]>;

  /** Image bytes live in the database, so every instance can serve every image. */
  createImage(image: Omit<ImageRecord, 'createdAt'>, data: Uint8Array): Promise<ImageRecord>;
  getImage(id: string): Promise<ImageRecord | null>;
  getImageData(id: string): Promise<Uint8Array | null>;

  listResearch<C extends CollectionName>(collection: C): Promise<CollectionRecords[C][]>;
  getResearch<C extends CollectionName>(collection: C, id: string): Promise<CollectionRecords[C] | null>;
  /** Inserts every record or none (one transaction), each with an audit entry. */
  insertResearch<C extends CollectionName>(collection: C, records: ResearchValues<C>[], userId: string | null, action: 'create' | 'import'): Promise<CollectionRecords[C][]>;
  updateResearch<C extends CollectionName>(collection: C, values: ResearchValues<C>, userId: string | null): Promise<CollectionRecords[C] | null>;
  /** 'referenced' when other records still point at it (an organisation with interviews). */
  deleteResearch(collection: CollectionName, id: string, userId: string | null): Promise<DeleteOutcome>;
  listAudit(options: { limit: number; collection?: CollectionName; recordId?: string }): Promise<AuditRecord[]>;

  createVersion(version: StoredVersion): Promise<VersionRecord>;
  listVersions(deckId: string): Promise<VersionRecord[]>;
  getVersion(deckId: string, id: string): Promise<StoredVersion | null>;

  /**
   * The last computed value of each statistic, with the time it was computed: what a chart
   * is drawn from when no current value can be had (StatsHub keeps it; an export marks it).
   */
  saveStatSnapshots(snapshots: StatResponse[]): Promise<void>;
  loadStatSnapshots(): Promise<StatResponse[]>;
}
