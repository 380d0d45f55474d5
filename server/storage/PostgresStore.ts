/**
 * The store for several server instances: PostgreSQL through `pg`. Same tables and
 * migrations as SQLite (pgSchema.ts), same row shapes (rows.ts), same contract suite.
 *
 * Instances coordinate through advisory locks: migrations and first-start seeding run under
 * one lock (so N instances starting together migrate and seed once), and compaction of a
 * deck under a per-deck lock (one instance at a time).
 */
import { WriteHealth } from './writeHealth.ts';
import pg from 'pg';
import type { StatResponse } from '../../shared/api.ts';
import type { CollectionName, CollectionRecords } from '../../shared/research.ts';
import { PG_MIGRATIONS } from './pgSchema.ts';
import { PostgresResearch, type Queryable } from './PostgresResearch.ts';
import { bytes, now, toDeck, toEvent, toImage, toLink, toStatSnapshot, toStoredVersion, toUser, toVersion, type Row } from './rows.ts';
import type {
  AuditRecord,
  DeckEventRecord,
  DeckRecord,
  DeleteOutcome,
  ImageRecord,
  LinkRecord,
  ResearchValues,
  SessionRecord,
  Store,
  StoredVersion,
  VersionRecord,
  StoredDocument,
  UpdateMeta,
  UserRecord,
  UserWithSecret,
} from './Store.ts';

/** Advisory lock keys (any fixed numbers; they only have to differ from each other). */
const SCHEMA_LOCK = 727_001;
const SEED_LOCK = 727_002;


/** See checkout(): the failing query reports the problem; the event itself needs no action. */
const ignoreClientError = (): void => {};

/** Turns `?` placeholders into `$1, $2…`, so SQL reads the same as in the SQLite store. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private readonly writeHealth = new WriteHealth();
  readonly pool: pg.Pool;
  private readonly research = new PostgresResearch({
    q: (sql, args, db) => this.q(sql, args, db),
    one: (sql, args, db) => this.one(sql, args, db),
    tx: (work) => this.tx(work),
  });

  constructor(connectionString: string, onError: (err: Error) => void = () => {}) {
    this.pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle client that loses its connection emits here; unhandled, it would end the process.
    this.pool.on('error', onError);
  }

  /**
   * A pooled connection for a multi-statement unit. A checked-out client that loses its
   * connection emits 'error' on itself, not on the pool; unheard, that would end the process.
   * The query in flight fails anyway, which is how the caller learns of it.
   */
  private async checkout(): Promise<pg.PoolClient> {
    const client = await this.pool.connect();
    client.on('error', ignoreClientError);
    const release = client.release.bind(client);
    client.release = (err?: Error | boolean) => {
      client.off('error', ignoreClientError);
      return release(err);
    };
    return client;
  }

  private async q(sql: string, args: unknown[] = [], db: Queryable = this.pool): Promise<Row[]> {
    const result = await db.query(numbered(sql), args);
    return result.rows as Row[];
  }

  private async one(sql: string, args: unknown[] = [], db: Queryable = this.pool): Promise<Row | undefined> {
    return (await this.q(sql, args, db))[0];
  }

  /** Runs `work` in one transaction on one connection. */
  private async tx<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.checkout();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    await this.tx(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await db.query('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      const row = await this.one("SELECT value FROM meta WHERE key = 'schema_version'", [], db);
      let version = row ? Number(row.value) : 0;
      while (version < PG_MIGRATIONS.length) {
        await db.query(PG_MIGRATIONS[version]!);
        version += 1;
      }
      await db.query("INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [String(version)]);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async seedOnce(seed: () => Promise<void>): Promise<boolean> {
    // The lock is held by this transaction while `seed` writes through other connections;
    // an instance starting at the same moment waits here and then finds the flag set.
    return this.tx(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      if (await this.one("SELECT value FROM meta WHERE key = 'seeded'", [], db)) return false;
      await seed();
      await db.query("INSERT INTO meta (key, value) VALUES ('seeded', $1)", [now()]);
      return true;
    });
  }

  async tryExclusive<T>(key: string, work: () => Promise<T>): Promise<T | null> {
    const client = await this.checkout();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
      if (!rows[0]?.locked) return null;
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
      }
    } finally {
      client.release();
    }
  }

  async createUser(user: Omit<UserWithSecret, 'createdAt' | 'disabled'>): Promise<UserRecord> {
    const row = await this.one('INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at) VALUES (?, ?, ?, ?, ?, 0, ?) RETURNING *', [
      user.id,
      user.username,
      user.displayName,
      user.role,
      user.passwordHash,
      now(),
    ]);
    return toUser(row!);
  }

  async getUser(id: string): Promise<UserRecord | null> {
    const row = await this.one('SELECT * FROM users WHERE id = ?', [id]);
    return row ? toUser(row) : null;
  }

  async getUserByUsername(username: string): Promise<UserWithSecret | null> {
    const row = await this.one('SELECT * FROM users WHERE username = ?', [username]);
    return row ? { ...toUser(row), passwordHash: row.password_hash as string } : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.q('SELECT * FROM users ORDER BY username')).map(toUser);
  }

  async updateUser(id: string, patch: Partial<Pick<UserWithSecret, 'displayName' | 'role' | 'disabled' | 'passwordHash'>>): Promise<UserRecord | null> {
    const columns: Record<string, unknown> = {};
    if (patch.displayName !== undefined) columns.display_name = patch.displayName;
    if (patch.role !== undefined) columns.role = patch.role;
    if (patch.disabled !== undefined) columns.disabled = patch.disabled ? 1 : 0;
    if (patch.passwordHash !== undefined) columns.password_hash = patch.passwordHash;
    const keys = Object.keys(columns);
    if (keys.length > 0) await this.q(`UPDATE users SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`, [...Object.values(columns), id]);
    return this.getUser(id);
  }

  async countUsers(): Promise<number> {
    return Number((await this.one('SELECT COUNT(*) AS n FROM users'))!.n);
  }

  async createSession(session: SessionRecord): Promise<void> {
    await this.q('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [session.tokenHash, session.userId, session.createdAt, session.expiresAt]);
  }

  async getSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = await this.one('SELECT * FROM sessions WHERE token_hash = ?', [tokenHash]);
    return row ? { tokenHash, userId: row.user_id as string, createdAt: row.created_at as string, expiresAt: row.expires_at as string } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.q('DELETE FROM sessions WHERE token_hash = ?', [tokenHash]);
  }

  async deleteSessionsOfUser(userId: string): Promise<string[]> {
    return (await this.q('DELETE FROM sessions WHERE user_id = ? RETURNING token_hash', [userId])).map((r) => r.token_hash as string);
  }

  async createDeck(deck: Pick<DeckRecord, 'id' | 'title' | 'createdBy' | 'slideCount'>, initialUpdate: Uint8Array): Promise<DeckRecord> {
    const at = now();
    return this.tx(async (db) => {
      const row = await this.one(
        'INSERT INTO decks (id, title, slide_count, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *',
        [deck.id, deck.title, deck.slideCount, at, deck.createdBy, at, deck.createdBy],
        db,
      );
      await this.q('INSERT INTO doc_updates (deck_id, data) VALUES (?, ?)', [deck.id, Buffer.from(initialUpdate)], db);
      return toDeck(row!);
    });
  }

  async getDeck(id: string): Promise<DeckRecord | null> {
    const row = await this.one('SELECT * FROM decks WHERE id = ?', [id]);
    return row ? toDeck(row) : null;
  }

  async listDecks(filter: { trashed: boolean }): Promise<DeckRecord[]> {
    const sql = filter.trashed
      ? 'SELECT * FROM decks WHERE trashed_at IS NOT NULL ORDER BY trashed_at DESC, id'
      : 'SELECT * FROM decks WHERE trashed_at IS NULL ORDER BY updated_at DESC, id';
    return (await this.q(sql)).map(toDeck);
  }

  async renameDeck(id: string, title: string, userId: string | null): Promise<DeckRecord | null> {
    const row = await this.one('UPDATE decks SET title = ?, updated_at = ?, updated_by = ? WHERE id = ? RETURNING *', [title, now(), userId, id]);
    return row ? toDeck(row) : null;
  }

  async setDeckTrashed(id: string, trashed: boolean): Promise<DeckRecord | null> {
    const row = await this.one('UPDATE decks SET trashed_at = ? WHERE id = ? RETURNING *', [trashed ? now() : null, id]);
    return row ? toDeck(row) : null;
  }

  async appendUpdate(deckId: string, update: Uint8Array, meta: UpdateMeta): Promise<number> {
    return this.writeHealth.track(() => this.tx(async (db) => {
      const row = await this.one('INSERT INTO doc_updates (deck_id, data) VALUES (?, ?) RETURNING seq', [deckId, Buffer.from(update)], db);
      await this.q('UPDATE decks SET updated_at = ?, updated_by = COALESCE(?, updated_by), slide_count = ? WHERE id = ?', [now(), meta.userId, meta.slideCount, deckId], db);
      return Number(row!.seq);
    }));
  }

  get writeProblem(): string | null {
    return this.writeHealth.current;
  }

  async loadDocument(deckId: string): Promise<StoredDocument> {
    // One snapshot-consistent read: a compaction committing in between cannot make an
    // update vanish from both the snapshot and the log.
    const client = await this.checkout();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snap = await this.one('SELECT data FROM doc_snapshots WHERE deck_id = ?', [deckId], client);
      const updates = (await this.q('SELECT seq, data FROM doc_updates WHERE deck_id = ? ORDER BY seq', [deckId], client)).map((r) => ({ seq: Number(r.seq), data: bytes(r.data) }));
      await client.query('COMMIT');
      return { snapshot: snap ? bytes(snap.data) : null, updates };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async countUpdates(deckId: string): Promise<number> {
    return Number((await this.one('SELECT COUNT(*) AS n FROM doc_updates WHERE deck_id = ?', [deckId]))!.n);
  }

  async compactDocument(deckId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await this.tx(async (db) => {
      await this.q(
        'INSERT INTO doc_snapshots (deck_id, data, upto_seq, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (deck_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, created_at = excluded.created_at',
        [deckId, Buffer.from(snapshot), uptoSeq, now()],
        db,
      );
      // Only rows the snapshot was built from: one committed later (even with a lower seq,
      // as sequences are handed out before commit) was not visible to the replay, and is
      // not visible to this delete either.
      await this.q('DELETE FROM doc_updates WHERE deck_id = ? AND seq <= ?', [deckId, uptoSeq], db);
    });
  }

  async createLink(link: Omit<LinkRecord, 'createdAt' | 'revokedAt'>): Promise<LinkRecord> {
    const row = await this.one('INSERT INTO links (token, deck_id, label, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *', [
      link.token,
      link.deckId,
      link.label,
      now(),
      link.createdBy,
      link.expiresAt,
    ]);
    return toLink(row!);
  }

  async getLink(token: string): Promise<LinkRecord | null> {
    const row = await this.one('SELECT * FROM links WHERE token = ?', [token]);
    return row ? toLink(row) : null;
  }

  async listLinks(deckId: string): Promise<LinkRecord[]> {
    return (await this.q('SELECT * FROM links WHERE deck_id = ? ORDER BY created_at, token', [deckId])).map(toLink);
  }

  async revokeLink(deckId: string, token: string): Promise<LinkRecord | null> {
    await this.q('UPDATE links SET revoked_at = ? WHERE deck_id = ? AND token = ? AND revoked_at IS NULL', [now(), deckId, token]);
    const link = await this.getLink(token);
    return link && link.deckId === deckId ? link : null;
  }

  async recordDeckEvent(event: Omit<DeckEventRecord, 'id' | 'at'>): Promise<DeckEventRecord> {
    const row = await this.one('INSERT INTO deck_events (deck_id, kind, at, user_id, detail) VALUES (?, ?, ?, ?, ?) RETURNING *', [
      event.deckId,
      event.kind,
      now(),
      event.userId,
      JSON.stringify(event.detail),
    ]);
    return toEvent(row!);
  }

  async listDeckEvents(deckId: string): Promise<DeckEventRecord[]> {
    return (await this.q('SELECT * FROM deck_events WHERE deck_id = ? ORDER BY id', [deckId])).map(toEvent);
  }

  async getImageData(id: string): Promise<Uint8Array | null> {
    const row = await this.one('SELECT data FROM images WHERE id = ?', [id]);
    return row?.data ? bytes(row.data) : null;
  }

  async createImage(image: Omit<ImageRecord, 'createdAt'>, data: Uint8Array): Promise<ImageRecord> {
    const row = await this.one('INSERT INTO images (id, deck_id, content_type, bytes, sha256, created_at, created_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, deck_id, content_type, bytes, sha256, created_at, created_by', [
      image.id,
      image.deckId,
      image.contentType,
      image.bytes,
      image.sha256,
      now(),
      image.createdBy,
      Buffer.from(data),
    ]);
    return toImage(row!);
  }

  async getImage(id: string): Promise<ImageRecord | null> {
    const row = await this.one('SELECT id, deck_id, content_type, bytes, sha256, created_at, created_by FROM images WHERE id = ?', [id]);
    return row ? toImage(row) : null;
  }

  // The research log: PostgresResearch.ts.
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
    const row = await this.one(
      'INSERT INTO deck_versions (id, deck_id, label, kind, created_at, created_by, state, stats) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id, deck_id, label, kind, created_at, created_by',
      [version.id, version.deckId, version.label, version.kind, version.createdAt, version.createdBy, Buffer.from(version.state), JSON.stringify(version.stats)],
    );
    return toVersion(row!);
  }

  async listVersions(deckId: string): Promise<VersionRecord[]> {
    return (await this.q('SELECT id, deck_id, label, kind, created_at, created_by FROM deck_versions WHERE deck_id = ? ORDER BY created_at DESC, id', [deckId])).map(toVersion);
  }

  async getVersion(deckId: string, id: string): Promise<StoredVersion | null> {
    const row = await this.one('SELECT * FROM deck_versions WHERE deck_id = ? AND id = ?', [deckId, id]);
    return row ? toStoredVersion(row) : null;
  }

  async saveStatSnapshots(snapshots: StatResponse[]): Promise<void> {
    if (snapshots.length === 0) return;
    await this.tx(async (db) => {
      for (const s of snapshots) {
        await this.q('INSERT INTO stat_snapshots (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at', [s.key, JSON.stringify(s.value), s.updatedAt], db);
      }
    });
  }

  async loadStatSnapshots(): Promise<StatResponse[]> {
    return (await this.q('SELECT key, value, updated_at FROM stat_snapshots ORDER BY key')).flatMap((row) => toStatSnapshot(row) ?? []);
  }
}
