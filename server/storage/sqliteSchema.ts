/**
 * SQLite schema migrations, applied in order; `meta.schema_version` records how far a
 * database has come (the meta table itself is created before the first migration).
 * Migrations are only ever appended; PostgreSQL runs the same list (pgSchema.ts). The PostgreSQL schema mirrors these tables column for column.
 */
export const SQLITE_MIGRATIONS: string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'analyst')),
    password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions(user_id);
  CREATE TABLE decks (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    slide_count INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by TEXT REFERENCES users(id),
    trashed_at TEXT
  );
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    deck_id TEXT NOT NULL REFERENCES decks(id),
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_deck ON doc_updates(deck_id, seq);
  CREATE TABLE doc_snapshots (
    deck_id TEXT PRIMARY KEY REFERENCES decks(id),
    data BLOB NOT NULL,
    upto_seq INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE links (
    token TEXT PRIMARY KEY,
    deck_id TEXT NOT NULL REFERENCES decks(id),
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES users(id),
    expires_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX links_deck ON links(deck_id);
  CREATE TABLE deck_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    deck_id TEXT NOT NULL REFERENCES decks(id),
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id TEXT REFERENCES users(id),
    detail TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX deck_events_deck ON deck_events(deck_id, id);
  `,
  `
  CREATE TABLE images (
    id TEXT PRIMARY KEY,
    deck_id TEXT NOT NULL REFERENCES decks(id),
    content_type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES users(id)
  );
  CREATE TABLE research_organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX research_organisations_name ON research_organisations(lower(name));
  CREATE TABLE research_interviews (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES research_organisations(id),
    staff INTEGER NOT NULL,
    track INTEGER NOT NULL,
    topic TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE research_damocles (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES research_organisations(id),
    status TEXT NOT NULL,
    date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE research_agreements (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES research_organisations(id),
    track INTEGER NOT NULL,
    date TEXT NOT NULL,
    subject TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE research_events (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    audience TEXT,
    title TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT REFERENCES users(id),
    collection TEXT NOT NULL,
    record_id TEXT NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
  );
  CREATE INDEX audit_log_record ON audit_log(collection, record_id);
  `,
  `
  ALTER TABLE images ADD COLUMN data BLOB;
  `,
  `
  CREATE TABLE deck_versions (
    id TEXT PRIMARY KEY,
    deck_id TEXT NOT NULL REFERENCES decks(id),
    label TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES users(id),
    state BLOB NOT NULL,
    stats TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX deck_versions_deck ON deck_versions(deck_id, created_at);
  `,
  `
  CREATE TABLE stat_snapshots (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
];
