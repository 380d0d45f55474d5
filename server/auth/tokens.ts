/** Random identifiers and secrets. Session tokens are stored only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export const newId = (): string => randomBytes(12).toString('base64url');
export const newSecretToken = (): string => randomBytes(32).toString('base64url');
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
