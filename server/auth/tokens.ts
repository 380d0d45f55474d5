/** Random identifiers and secrets. Session tokens are stored only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

/**
 * A random id (16 url-safe characters) that never starts with `-` or `_`: ids appear on
 * command lines (`npm run deck -- export <id>`), where a leading dash reads as an option.
 */
export function newId(): string {
  for (;;) {
    const id = randomBytes(12).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}
export const newSecretToken = (): string => randomBytes(32).toString('base64url');
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
