/**
 * English strings, one i18next namespace per file in ./en/ (namespace = file name). `Translations`
 * (the shape of this object: namespace → strings) is the contract: every file in ./nl/ must provide
 * exactly the same keys as its English twin. Plural forms use i18next's `_one` / `_other` suffixes.
 * Keys are written `namespace:key` in t() calls, e.g. t('viewer:ended').
 */
import { app } from './en/app.ts';
import { header } from './en/header.ts';
import { language } from './en/language.ts';
import { login } from './en/login.ts';
import { decks } from './en/decks.ts';
import { deckDialog } from './en/deckDialog.ts';
import { deck } from './en/deck.ts';
import { connection } from './en/connection.ts';
import { closeReason } from './en/closeReason.ts';
import { layouts } from './en/layouts.ts';
import { editor } from './en/editor.ts';
import { viewer } from './en/viewer.ts';
import { present } from './en/present.ts';
import { speaker } from './en/speaker.ts';
import { share } from './en/share.ts';
import { print } from './en/print.ts';
import { notFound } from './en/notFound.ts';
import { charts } from './en/charts.ts';
import { errors } from './en/errors.ts';
import { research } from './en/research.ts';
import { admin } from './en/admin.ts';
import { templates } from './en/templates.ts';
import { importDeck } from './en/importDeck.ts';
import { exportMenu } from './en/exportMenu.ts';
import { history } from './en/history.ts';
import { time } from './en/time.ts';
import { textFormat } from './en/textFormat.ts';
import { media } from './en/media.ts';

export const en = {
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

export type Translations = typeof en;
export type TranslationNamespace = keyof Translations;

/** Every namespace, in a fixed order (a test checks it matches `en`). */
export const NAMESPACES = [
  'app',
  'header',
  'language',
  'login',
  'decks',
  'deckDialog',
  'deck',
  'connection',
  'closeReason',
  'layouts',
  'editor',
  'viewer',
  'present',
  'speaker',
  'share',
  'print',
  'notFound',
  'charts',
  'errors',
  'research',
  'admin',
  'templates',
  'importDeck',
  'exportMenu',
  'history',
  'time',
  'textFormat',
  'media',
] as const satisfies readonly TranslationNamespace[];
