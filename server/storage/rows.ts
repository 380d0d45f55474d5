/**
 * Database rows (snake_case columns) to records, shared by the SQLite and PostgreSQL stores
 * so both answer the contract with the same shapes. Times are ISO strings in both.
 */
import type { Role, StatResponse } from '../../shared/api.ts';
import type { CollectionName } from '../../shared/research.ts';
import type { AuditRecord, DeckEventRecord, DeckRecord, ImageRecord, LinkRecord, StoredVersion, UserRecord, VersionRecord } from './Store.ts';

export type Row = Record<string, unknown>;

export const now = (): string => new Date().toISOString();

export const bytes = (value: unknown): Uint8Array => {
  const buf = value as Buffer;
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
};

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function toUser(row: Row): UserRecord {
  return {
    id: row.id as string,
    username: row.username as string,
    displayName: row.display_name as string,
    role: row.role as Role,
    disabled: Number(row.disabled) === 1,
    createdAt: row.created_at as string,
  };
}

export function toDeck(row: Row): DeckRecord {
  return {
    id: row.id as string,
    title: row.title as string,
    slideCount: Number(row.slide_count),
    createdAt: row.created_at as string,
    createdBy: text(row.created_by),
    updatedAt: row.updated_at as string,
    updatedBy: text(row.updated_by),
    trashedAt: text(row.trashed_at),
  };
}

export function toLink(row: Row): LinkRecord {
  return {
    token: row.token as string,
    deckId: row.deck_id as string,
    label: row.label as string,
    createdAt: row.created_at as string,
    createdBy: text(row.created_by),
    expiresAt: text(row.expires_at),
    revokedAt: text(row.revoked_at),
  };
}

function json(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  try {
    return JSON.parse(value as string) as Record<string, unknown>;
  } catch {
    return { unreadable: true };
  }
}

export function toEvent(row: Row): DeckEventRecord {
  return {
    id: Number(row.id),
    deckId: row.deck_id as string,
    kind: row.kind as string,
    at: row.at as string,
    userId: text(row.user_id),
    detail: json(row.detail) ?? {},
  };
}

export function toImage(row: Row): ImageRecord {
  return {
    id: row.id as string,
    deckId: row.deck_id as string,
    contentType: row.content_type as string,
    bytes: Number(row.bytes),
    sha256: row.sha256 as string,
    createdAt: row.created_at as string,
    createdBy: text(row.created_by),
  };
}

export function toAudit(row: Row): AuditRecord {
  return {
    id: Number(row.id),
    at: row.at as string,
    userId: text(row.user_id),
    collection: row.collection as CollectionName,
    recordId: row.record_id as string,
    action: row.action as AuditRecord['action'],
    before: json(row.before),
    after: json(row.after),
  };
}

export function toVersion(row: Row): VersionRecord {
  return {
    id: row.id as string,
    deckId: row.deck_id as string,
    label: row.label as string,
    kind: row.kind as VersionRecord['kind'],
    createdAt: row.created_at as string,
    createdBy: text(row.created_by),
  };
}

export function toStoredVersion(row: Row): StoredVersion {
  return { ...toVersion(row), state: bytes(row.state), stats: json(row.stats) ?? {} };
}

/** A stored statistic; a value that no longer parses is left out rather than drawn wrong. */
export function toStatSnapshot(row: Row): StatResponse | null {
  let value: unknown;
  try {
    value = JSON.parse(row.value as string);
  } catch {
    return null;
  }
  const series = Array.isArray(value) && value.every((p) => typeof p === 'object' && p !== null && typeof p.label === 'string' && typeof p.value === 'number');
  if (typeof value !== 'number' && !series) return null;
  return { key: row.key as string, value: value as StatResponse['value'], updatedAt: row.updated_at as string };
}
