/** The Content-Disposition of a download, for every route that sends a file. */

/** `attachment` with the name as UTF-8, without characters a file system refuses, at most 100 characters. */
export const attachment = (name: string): string => `attachment; filename*=UTF-8''${encodeURIComponent(name.replace(/[\\/:*?"<>|]+/g, '').slice(0, 100) || 'deck')}`;
