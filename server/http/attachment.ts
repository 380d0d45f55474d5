/** The Content-Disposition of a download, for every route that sends a file. */
import { fileBaseName } from '../../shared/fileNames.ts';

/** A download header: the name by the one file-name rule (shared/fileNames.ts), as UTF-8. */
export const attachment = (name: string): string => {
  const dot = name.lastIndexOf('.');
  const safe = dot > 0 ? `${fileBaseName(name.slice(0, dot))}${name.slice(dot)}` : fileBaseName(name);
  return `attachment; filename*=UTF-8''${encodeURIComponent(safe)}`;
};
