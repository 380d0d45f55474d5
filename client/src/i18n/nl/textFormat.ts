/** Dutch strings, namespace `textFormat`: the text formatting controls of the slide toolbar (issue #17). */
export const textFormat = {
  group: 'Tekstopmaak',
  size: 'Tekstgrootte',
  sizeStep: '{{percent}} %',
  smaller: 'Kleiner',
  larger: 'Groter',
  colour: 'Tekstkleur',
  colourMenu: 'Tekstkleuren',
  highlight: 'Markeren',
  highlightMenu: 'Markeerkleuren',
  noColour: 'Geen kleur',
  noHighlight: 'Geen markering',
  colours: {
    accent: 'Accent',
    accent2: 'Tweede accent',
    muted: 'Gedempt',
    danger: 'Waarschuwingsrood',
  },
  paragraph: 'Alinea',
  align: {
    left: 'Links uitlijnen',
    center: 'Centreren',
    right: 'Rechts uitlijnen',
    justify: 'Uitvullen',
  },
  lineSpacing: 'Regelafstand',
  lineSpacingDefault: 'Standaard',
};
