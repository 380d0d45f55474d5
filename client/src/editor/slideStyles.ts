/**
 * Everything a slide needs to look right anywhere it is drawn: the fonts (shipped with the
 * app, no font CDN), the deck themes and the layouts. Import this module for its side effects.
 */
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-400-italic.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/latin-800.css';
import '@fontsource/source-serif-4/latin-400.css';
import '@fontsource/source-serif-4/latin-400-italic.css';
import '@fontsource/source-serif-4/latin-600.css';
import '@fontsource/source-serif-4/latin-700.css';
import '@fontsource/atkinson-hyperlegible/latin-400.css';
import '@fontsource/atkinson-hyperlegible/latin-400-italic.css';
import '@fontsource/atkinson-hyperlegible/latin-700.css';
import './themes/tussenstand.css';
import './themes/rijk.css';
import './themes/noord.css';
import './themes/grafiet.css';
import './themes/nacht.css';
import './themes/contrast.css';
import './slides.css';
