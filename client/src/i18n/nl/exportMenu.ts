/** Dutch strings, namespace `exportMenu`: the same keys as ../en/exportMenu.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const exportMenu: Translations['exportMenu'] = {
  button: 'Exporteren',
  buttonFor: 'Exporteren: {{title}}',
  intro: 'Download de presentatie zoals ze nu is.',
  introVersion: 'Download deze versie zoals ze was, met de cijfers van dat moment.',
  kinds: {
    md: 'Markdown (.md)',
    pptx: 'PowerPoint (.pptx)',
    pdf: 'PDF',
    pdfNotes: 'PDF met sprekersnotities',
    html: 'HTML (webpagina)',
    handout: 'Hand-out (PDF)',
  },
  preparing: 'Bezig met maken: {{kind}}…',
  progress: 'Voortgang: {{kind}}',
  done: '{{kind}} is klaar en wordt gedownload.',
  downloadAgain: 'Opnieuw downloaden',
  failed: 'Het exporteren is mislukt. Probeer het opnieuw.',
  failedBecause: 'Het exporteren is mislukt: {{message}}',
  noBrowser: 'PDF en HTML kunnen op deze server niet worden gemaakt: {{message}}',
  problem: {
    noValue: 'Dia {{slide}}: de grafiek “{{stat}}” heeft geen waarde — geen actuele en geen opgeslagen. Controleer het onderzoekslogboek en probeer het opnieuw.',
    notReady: 'Dia {{slide}} was niet op tijd klaar ({{what}}). Probeer het opnieuw.',
    what: { chart: 'grafiek “{{stat}}”', image: 'een afbeelding', code: 'een codeblok', fit: 'de tekst passend maken', drawn: 'de dia zelf' },
  },
  handout: {
    legend: 'Hand-out',
    perPage: 'Dia’s per pagina',
    perPageOption_one: '{{count}} dia',
    perPageOption_other: '{{count}} dia’s',
    lines: 'Lijnen voor aantekeningen',
    start: 'Hand-out maken',
    cancel: 'Annuleren',
  },
};
