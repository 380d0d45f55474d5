/** Nederlandse teksten, namespace `media`: afbeeldingen en grafieken op een dia vergroten, uitlijnen en beschrijven. */
import type { Translations } from '../en.ts';

export const media: Translations['media'] = {
  imagePanel: 'Grootte en plaats van de afbeelding',
  chartPanel: 'Grootte en plaats van de grafiek',
  smaller: 'Kleiner',
  larger: 'Groter',
  alignLeft: 'Links',
  alignCenter: 'Midden',
  alignRight: 'Rechts',
  cover: 'Bijsnijden tot dia',
  coverOn: 'De afbeelding vult de dia, bijgesneden tot 16:9.',
  coverOff: 'De afbeelding is niet meer bijgesneden tot de dia.',
  editAlt: 'Beschrijving…',
  widthStatus: 'Breedte {{width}}% van de kolom',
  altMissing: 'Beschrijving ontbreekt',
  addAlt: 'Beschrijving toevoegen',
  altTitle: 'Beschrijving van de afbeelding',
  altHint: 'Wat de afbeelding laat zien, voor wie haar niet kan zien (schermlezers, een voorgelezen pdf).',
  altRequired: 'Schrijf een beschrijving, of markeer de afbeelding als decoratief.',
  decorative: 'Decoratieve afbeelding (schermlezers slaan haar over)',
  save: 'Opslaan',
  savedAlt: 'Beschrijving opgeslagen.',
  savedDecorative: 'Gemarkeerd als decoratieve afbeelding.',
};
