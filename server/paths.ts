/** Where the server finds the repository's files (templates, the client build). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The repository. This file is server/paths.ts in source (one level down) but is bundled
 * into dist/server/main.js (two levels down), so the depth depends on which one runs.
 */
export const ROOT_DIR = path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '../..') : path.resolve(here, '..');
