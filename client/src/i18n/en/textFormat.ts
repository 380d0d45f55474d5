/** English strings, namespace `textFormat`: the text formatting controls of the slide toolbar (issue #17). */
export const textFormat = {
  group: 'Text formatting',
  size: 'Font size',
  sizeStep: '{{percent}} %',
  smaller: 'Decrease font size',
  larger: 'Increase font size',
  colour: 'Text colour',
  colourMenu: 'Text colours',
  highlight: 'Highlight',
  highlightMenu: 'Highlight colours',
  noColour: 'No colour',
  noHighlight: 'No highlight',
  colours: {
    accent: 'Accent',
    accent2: 'Second accent',
    muted: 'Muted',
    danger: 'Warning red',
  },
  paragraph: 'Paragraph',
  align: {
    left: 'Align left',
    center: 'Centre',
    right: 'Align right',
    justify: 'Justify',
  },
  lineSpacing: 'Line spacing',
  lineSpacingDefault: 'Default',
};
