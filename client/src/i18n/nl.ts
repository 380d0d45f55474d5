/** Dutch strings: the same namespaces and keys as en.ts (the types enforce it), one file per namespace in ./nl/. */
import type { Translations } from './en.ts';
import { app } from './nl/app.ts';
import { header } from './nl/header.ts';
import { language } from './nl/language.ts';
import { login } from './nl/login.ts';
import { decks } from './nl/decks.ts';
import { deckDialog } from './nl/deckDialog.ts';
import { deck } from './nl/deck.ts';
import { connection } from './nl/connection.ts';
import { closeReason } from './nl/closeReason.ts';
import { layouts } from './nl/layouts.ts';
import { editor } from './nl/editor.ts';
import { viewer } from './nl/viewer.ts';
import { present } from './nl/present.ts';
import { speaker } from './nl/speaker.ts';
import { share } from './nl/share.ts';
import { print } from './nl/print.ts';
import { notFound } from './nl/notFound.ts';
import { charts } from './nl/charts.ts';
import { errors } from './nl/errors.ts';
import { research } from './nl/research.ts';
import { admin } from './nl/admin.ts';
import { templates } from './nl/templates.ts';
import { importDeck } from './nl/importDeck.ts';
import { exportMenu } from './nl/exportMenu.ts';
import { history } from './nl/history.ts';
import { time } from './nl/time.ts';
import { textFormat } from './nl/textFormat.ts';
import { media } from './nl/media.ts';

export const nl: Translations = {
  app,
  header,
  language,
  login,
  decks,
  deckDialog,
  deck,
  connection,
  closeReason,
  layouts,
  editor,
  viewer,
  present,
  speaker,
  share,
  print,
  notFound,
  charts,
  errors,
  research,
  admin,
  templates,
  importDeck,
  exportMenu,
  history,
  time,
  textFormat,
  media,
};
