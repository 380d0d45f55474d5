/**
 * The embedded default store: one SQLite file in the data directory, in WAL mode.
 *
 * better-sqlite3 is synchronous; a committed statement has returned, so `appendUpdate`
 * resolving means the update is in the WAL. `synchronous = NORMAL` in WAL mode survives a
 * killed process (the WAL is in the OS page cache); only a power cut can lose the last
 * commits. Set SQLITE_SYNCHRONOUS=FULL for that, at a cost in write speed.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SQLITE_MIGRATIONS } from './sqliteSchema.ts';
import { WalCheckpointer } from './walCheckpointer.ts';
import { WriteHealth } from './writeHealth.ts';
import type { StatResponse } from '../../shared/api.ts';
import type { CollectionName, CollectionRecords } from '../../shared/research.ts';
import { SqliteResearch } from './SqliteResearch.ts';
import type {
  AuditRecord,
  DeleteOutcome,
  ImageRecord,
  ResearchValues,
  DeckEventRecord,
  DeckRecord,
  LinkRecord,
  SessionRecord,
  Store,
  StoredVersion,
  VersionRecord,
  StoredDocument,
  UpdateMeta,
  UserRecord,
  UserWithSecret,
} from './Store.ts';
import { bytes, now, toDeck, toEvent, toImage, toLink, toStatSnapshot, toStoredVersion, toUser, toVersion } from './rows.ts';

type Row = Record<string, unknown>;

export interface SqliteStoreOptions {
  /** Directory that holds `tussenstand.db`; ':memory:' for a throwaway database. */
  dataDir: string;
  synchronous?: 'NORMAL' | 'FULL';
  /** How often a worker thread checkpoints the WAL (ms); see walCheckpointer.ts. */
  checkpointIntervalMs?: number;
}

/** A second's worth of commits is a few MB of WAL at most; checkpointing more often only costs fsyncs. */
const DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;
/** After a checkpoint the WAL is reused from the start; this caps the file it leaves on disk. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly stmt: ReturnType<SqliteStore['prepare']>;
  /** The hot path: built once, so each update costs one prepared insert and one update. */
  private readonly exclusive = new Set<string>();
  private readonly appendTx: (deckId: string, update: Uint8Array, meta: UpdateMeta) => number;
  private readonly checkpointer: WalCheckpointer | null = null;
  private readonly writeHealth = new WriteHealth();
  private readonly research: SqliteResearch;

  constructor(options: SqliteStoreOptions) {
    let file = ':memory:';
    if (options.dataDir !== ':memory:') {
      fs.mkdirSync(options.dataDir, { recursive: true });
      file = path.join(options.dataDir, 'tussenstand.db');
    }
    try {
      this.db = new Database(file);
      // Opening is lazy about permissions: the first write pragma is what finds a read-only file.
      this.db.pragma('journal_mode = WAL');
    } catch (err) {
      throw new Error(`cannot open the SQLite store ${file}: ${(err as Error).message}`, { cause: err });
    }
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.research = new SqliteResearch(this.db);
    this.migrateSync();
    if (file !== ':memory:') {
      // Checkpoints run in a worker thread, not inside a commit (walCheckpointer.ts).
      this.db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
      this.db.pragma('wal_autocheckpoint = 0');
      this.checkpointer = new WalCheckpointer({
        file,
        intervalMs: options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
        onFailure: () => {
          if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
        },
      });
    }
    this.stmt = this.prepare();
    this.appendTx = this.db.transaction((deckId: string, update: Uint8Array, meta: UpdateMeta): number => {
      const info = this.stmt.insertUpdate.run(deckId, update);
      this.stmt.touchDeck.run(now(), meta.userId, meta.slideCount, deckId);
      return Number(info.lastInsertRowid);
    });
  }

  private migrateSync(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as Row | undefined;
    let version = row ? Number(row.value) : 0;
    while (version < SQLITE_MIGRATIONS.length) {
      const sql = SQLITE_MIGRATIONS[version]!;
      this.db.transaction(() => {
        this.db.exec(sql);
        version += 1;
        this.db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(version));
      }).immediate();
    }
  }

  private prepare() {
    const db = this.db;
    return {
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      insertUser: db.prepare('INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)'),
      getUser: db.prepare('SELECT * FROM users WHERE id = ?'),
      getUserByName: db.prepare('SELECT * FROM users WHERE username = ?'),
      listUsers: db.prepare('SELECT * FROM users ORDER BY username'),
      countUsers: db.prepare('SELECT COUNT(*) AS n FROM users'),
      insertSession: db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      getSession: db.prepare('SELECT * FROM sessions WHERE token_hash = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      sessionsOfUser: db.prepare('SELECT token_hash FROM sessions WHERE user_id = ?'),
      deleteSessionsOfUser: db.prepare('DELETE FROM sessions WHERE user_id = ?'),
      insertDeck: db.prepare('INSERT INTO decks (id, title, slide_count, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      getDeck: db.prepare('SELECT * FROM decks WHERE id = ?'),
      listLive: db.prepare('SELECT * FROM decks WHERE trashed_at IS NULL ORDER BY updated_at DESC, id'),
      listTrashed: db.prepare('SELECT * FROM decks WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, id'),
      renameDeck: db.prepare('UPDATE decks SET title = ?, updated_at = ?, updated_by = ? WHERE id = ?'),
      trashDeck: db.prepare('UPDATE decks SET trashed_at = ? WHERE id = ?'),
      touchDeck: db.prepare('UPDATE decks SET updated_at = ?, updated_by = COALESCE(?, updated_by), slide_count = ? WHERE id = ?'),
      insertUpdate: db.prepare('INSERT INTO doc_updates (deck_id, data) VALUES (?, ?)'),
      getSnapshot: db.prepare('SELECT data, upto_seq FROM doc_snapshots WHERE deck_id = ?'),
      listUpdates: db.prepare('SELECT seq, data FROM doc_updates WHERE deck_id = ? ORDER BY seq'),
      countUpdates: db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE deck_id = ?'),
      upsertSnapshot: db.prepare(
        'INSERT INTO doc_snapshots (deck_id, data, upto_seq, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(deck_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, created_at = excluded.created_at',
      ),
      deleteUpdatesUpTo: db.prepare('DELETE FROM doc_updates WHERE deck_id = ? AND seq <= ?'),
      insertLink: db.prepare('INSERT INTO links (token, deck_id, label, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)'),
      getLink: db.prepare('SELECT * FROM links WHERE token = ?'),
      listLinks: db.prepare('SELECT * FROM links WHERE deck_id = ? ORDER BY created_at, token'),
      revokeLink: db.prepare('UPDATE links SET revoked_at = ? WHERE deck_id = ? AND token = ? AND revoked_at IS NULL'),
      insertEvent: db.prepare('INSERT INTO deck_events (deck_id, kind, at, user_id, detail) VALUES (?, ?, ?, ?, ?)'),
      listEvents: db.prepare('SELECT * FROM deck_events WHERE deck_id = ? ORDER BY id'),
    };
  }

  async migrate(): Promise<void> {
    this.migrateSync();
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }

  async tryExclusive<T>(key: string, work: () => Promise<T>): Promise<T | null> {
    // One process owns the file: an in-process set of running keys is the whole lock.
    if (this.exclusive.has(key)) return null;
    this.exclusive.add(key);
    try {
      return await work();
    } finally {
      this.exclusive.delete(key);
    }
  }

  async seedOnce(seed: () => Promise<void>): Promise<boolean> {
    // One process owns a SQLite file, so a flag checked before and set after is enough here;
    // the PostgreSQL store takes an advisory lock for the same promise across instances.
    if (this.stmt.getMeta.get('seeded')) return false;
    await seed();
    this.stmt.setMeta.run('seeded', now());
    return true;
  }

  async createUser(user: Omit<UserWithSecret, 'createdAt' | 'disabled'>): Promise<UserRecord> {
    this.stmt.insertUser.run(user.id, user.username, user.displayName, user.role, user.passwordHash, now());
    return toUser(this.stmt.getUser.get(user.id) as Row);
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = this.stmt.getUser.get(id) as Row | undefined;
    return row ? toUser(row) : null;
  }

  async getUserByUsername(username: string): Promise<UserWithSecret | null> {
    const row = this.stmt.getUserByName.get(username) as Row | undefined;
    return row ? { ...toUser(row), passwordHash: row.password_hash as string } : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (this.stmt.listUsers.all() as Row[]).map(toUser);
  }

  async updateUser(id: string, patch: Partial<Pick<UserWithSecret, 'displayName' | 'role' | 'disabled' | 'passwordHash'>>): Promise<UserRecord | null> {
    const columns: Record<string, unknown> = {};
    if (patch.displayName !== undefined) columns.display_name = patch.displayName;
    if (patch.role !== undefined) columns.role = patch.role;
    if (patch.disabled !== undefined) columns.disabled = patch.disabled ? 1 : 0;
    if (patch.passwordHash !== undefined) columns.password_hash = patch.passwordHash;
    const keys = Object.keys(columns);
    if (keys.length > 0) {
      this.db.prepare(`UPDATE users SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(columns), id);
    }
    return this.getUser(id);
  }

  async countUsers(): Promise<number> {
    return (this.stmt.countUsers.get() as Row).n as number;
  }

  async createSession(session: SessionRecord): Promise<void> {
    this.stmt.insertSession.run(session.tokenHash, session.userId, session.createdAt, session.expiresAt);
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.stmt.getSession.get(tokenHash) as Row | undefined;
    if (!row) return null;
    return { tokenHash, userId: row.user_id as string, createdAt: row.created_at as string, expiresAt: row.expires_at as string };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.stmt.deleteSession.run(tokenHash);
  }

  async deleteSessionsOfUser(userId: string): Promise<string[]> {
    return this.db.transaction(() => {
      const hashes = (this.stmt.sessionsOfUser.all(userId) as Row[]).map((r) => r.token_hash as string);
      this.stmt.deleteSessionsOfUser.run(userId);
      return hashes;
    })();
  }

  async createDeck(deck: Pick<DeckRecord, 'id' | 'title' | 'createdBy' | 'slideCount'>, initialUpdate: Uint8Array): Promise<DeckRecord> {
    const at = now();
    this.db.transaction(() => {
      this.stmt.insertDeck.run(deck.id, deck.title, deck.slideCount, at, deck.createdBy, at, deck.createdBy);
      this.stmt.insertUpdate.run(deck.id, initialUpdate);
    })();
    return toDeck(this.stmt.getDeck.get(deck.id) as Row);
  }

  async getDeck(id: string): Promise<DeckRecord | null> {
    const row = this.stmt.getDeck.get(id) as Row | undefined;
    return row ? toDeck(row) : null;
  }

  async listDecks(filter: { trashed: boolean }): Promise<DeckRecord[]> {
    return ((filter.trashed ? this.stmt.listTrashed : this.stmt.listLive).all() as Row[]).map(toDeck);
  }

  async renameDeck(id: string, title: string, userId: string | null): Promise<DeckRecord | null> {
    this.stmt.renameDeck.run(title, now(), userId, id);
    return this.getDeck(id);
  }

  async setDeckTrashed(id: string, trashed: boolean): Promise<DeckRecord | null> {
    this.stmt.trashDeck.run(trashed ? now() : null, id);
    return this.getDeck(id);
  }

  async appendUpdate(deckId: string, update: Uint8Array, meta: UpdateMeta): Promise<number> {
    return this.writeHealth.track(() => this.appendTx(deckId, update, meta));
  }

  get writeProblem(): string | null {
    return this.writeHealth.current;
  }

  async loadDocument(deckId: string): Promise<StoredDocument> {
    return this.db.transaction(() => {
      const snap = this.stmt.getSnapshot.get(deckId) as Row | undefined;
      const updates = (this.stmt.listUpdates.all(deckId) as Row[]).map((r) => ({ seq: r.seq as number, data: bytes(r.data) }));
      return { snapshot: snap ? bytes(snap.data) : null, updates };
    })();
  }

  async countUpdates(deckId: string): Promise<number> {
    return (this.stmt.countUpdates.get(deckId) as Row).n as number;
  }

  async compactDocument(deckId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.writeHealth.track(() =>
      this.db.transaction(() => {
        this.stmt.upsertSnapshot.run(deckId, snapshot, uptoSeq, now());
        this.stmt.deleteUpdatesUpTo.run(deckId, uptoSeq);
      }).immediate(),
    );
  }

  async createLink(link: Omit<LinkRecord, 'createdAt' | 'revokedAt'>): Promise<LinkRecord> {
    this.stmt.insertLink.run(link.token, link.deckId, link.label, now(), link.createdBy, link.expiresAt);
    return toLink(this.stmt.getLink.get(link.token) as Row);
  }

  async getLink(token: string): Promise<LinkRecord | null> {
    const row = this.stmt.getLink.get(token) as Row | undefined;
    return row ? toLink(row) : null;
  }

  async listLinks(deckId: string): Promise<LinkRecord[]> {
    return (this.stmt.listLinks.all(deckId) as Row[]).map(toLink);
  }

  async revokeLink(deckId: string, token: string): Promise<LinkRecord | null> {
    this.stmt.revokeLink.run(now(), deckId, token);
    const link = await this.getLink(token);
    return link && link.deckId === deckId ? link : null;
  }

  async recordDeckEvent(event: Omit<DeckEventRecord, 'id' | 'at'>): Promise<DeckEventRecord> {
    const info = this.stmt.insertEvent.run(event.deckId, event.kind, now(), event.userId, JSON.stringify(event.detail));
    return toEvent(this.db.prepare('SELECT * FROM deck_events WHERE id = ?').get(info.lastInsertRowid) as Row);
  }

  async listDeckEvents(deckId: string): Promise<DeckEventRecord[]> {
    return (this.stmt.listEvents.all(deckId) as Row[]).map(toEvent);
  }

  async createImage(image: Omit<ImageRecord, 'createdAt'>, data: Uint8Array): Promise<ImageRecord> {
    const at = now();
    this.db
      .prepare('INSERT INTO images (id, deck_id, content_type, bytes, sha256, created_at, created_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(image.id, image.deckId, image.contentType, image.bytes, image.sha256, at, image.createdBy, data);
    return { ...image, createdAt: at };
  }

  async getImageData(id: string): Promise<Uint8Array | null> {
    const row = this.db.prepare('SELECT data FROM images WHERE id = ?').get(id) as Row | undefined;
    return row?.data ? bytes(row.data) : null;
  }

  async getImage(id: string): Promise<ImageRecord | null> {
    const row = this.db.prepare('SELECT id, deck_id, content_type, bytes, sha256, created_at, created_by FROM images WHERE id = ?').get(id) as Row | undefined;
    return row ? toImage(row) : null;
  }

  // The research log: SqliteResearch.ts.
  listResearch<C extends CollectionName>(collection: C): Promise<CollectionRecords[C][]> {
    return this.research.list(collection);
  }

  getResearch<C extends CollectionName>(collection: C, id: string): Promise<CollectionRecords[C] | null> {
    return this.research.get(collection, id);
  }

  insertResearch<C extends CollectionName>(collection: C, records: ResearchValues<C>[], userId: string | null, action: 'create' | 'import'): Promise<CollectionRecords[C][]> {
    return this.research.insert(collection, records, userId, action);
  }

  updateResearch<C extends CollectionName>(collection: C, values: ResearchValues<C>, userId: string | null): Promise<CollectionRecords[C] | null> {
    return this.research.update(collection, values, userId);
  }

  deleteResearch(collection: CollectionName, id: string, userId: string | null): Promise<DeleteOutcome> {
    return this.research.delete(collection, id, userId);
  }

  listAudit(options: { limit: number; collection?: CollectionName; recordId?: string }): Promise<AuditRecord[]> {
    return this.research.audit(options);
  }

  async createVersion(version: StoredVersion): Promise<VersionRecord> {
    this.db
      .prepare('INSERT INTO deck_versions (id, deck_id, label, kind, created_at, created_by, state, stats) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(version.id, version.deckId, version.label, version.kind, version.createdAt, version.createdBy, version.state, JSON.stringify(version.stats));
    return toVersion(this.db.prepare('SELECT id, deck_id, label, kind, created_at, created_by FROM deck_versions WHERE id = ?').get(version.id) as Row);
  }

  async listVersions(deckId: string): Promise<VersionRecord[]> {
    return (this.db.prepare('SELECT id, deck_id, label, kind, created_at, created_by FROM deck_versions WHERE deck_id = ? ORDER BY created_at DESC, id').all(deckId) as Row[]).map(toVersion);
  }

  async getVersion(deckId: string, id: string): Promise<StoredVersion | null> {
    const row = this.db.prepare('SELECT * FROM deck_versions WHERE deck_id = ? AND id = ?').get(deckId, id) as Row | undefined;
    return row ? toStoredVersion(row) : null;
  }

  async saveStatSnapshots(snapshots: StatResponse[]): Promise<void> {
    const upsert = this.db.prepare('INSERT INTO stat_snapshots (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
    this.db.transaction(() => {
      for (const s of snapshots) upsert.run(s.key, JSON.stringify(s.value), s.updatedAt);
    })();
  }

  async loadStatSnapshots(): Promise<StatResponse[]> {
    return (this.db.prepare('SELECT key, value, updated_at FROM stat_snapshots ORDER BY key').all() as Row[]).flatMap((row) => toStatSnapshot(row) ?? []);
  }
}
