/** Dutch strings, namespace `templates`: the same keys as ../en/templates.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const templates: Translations['templates'] = {
  open: 'Nieuw uit sjabloon',
  title: 'Nieuwe presentatie uit een sjabloon',
  intro: 'De grafieken van het sjabloon tonen meteen de cijfers uit het onderzoekslog.',
  template: 'Sjabloon',
  period: 'Periode',
  periodHint: 'Wordt in de dia’s ingevuld, bijvoorbeeld “januari 2027”.',
  periodRequired: 'Vul een periode in.',
  titleLabel: 'Titel',
  titleHint: 'Voorgesteld op basis van sjabloon en periode; je kunt hem aanpassen.',
  titleRequired: 'Vul een titel in.',
  suggestedTitle: '{{template}} — {{period}}',
  chooseTemplate: 'Kies een sjabloon.',
  create: 'Presentatie maken',
  creating: 'Bezig met maken…',
  cancel: 'Annuleren',
  loading: 'De sjablonen worden geladen…',
  loadFailed: 'De sjablonen konden niet worden geladen.',
  none: 'Er staan geen sjablonen op deze server.',
  retry: 'Opnieuw proberen',
};
