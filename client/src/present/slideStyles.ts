/**
 * Everything a slide needs to look as it does in the editor: the editor's fonts, themes and
 * layouts (one list, in editor/slideStyles.ts), plus the live-presentation additions.
 */
import '../editor/slideStyles.ts';
import './live.css';
