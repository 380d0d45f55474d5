/** Dutch strings, namespace `login`: the same keys as ../en/login.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const login: Translations['login'] = {
  title: 'Inloggen',
  intro: 'Log in met je Tussenstand-account om aan de presentaties te werken.',
  username: 'Gebruikersnaam',
  password: 'Wachtwoord',
  submit: 'Inloggen',
  submitting: 'Bezig met inloggen…',
  wrongCredentials: 'Onjuiste gebruikersnaam of wachtwoord.',
  throttledMinutes_one: 'Te veel mislukte inlogpogingen. Probeer het over {{count}} minuut opnieuw.',
  throttledMinutes_other: 'Te veel mislukte inlogpogingen. Probeer het over {{count}} minuten opnieuw.',
  throttledSeconds_one: 'Te veel mislukte inlogpogingen. Probeer het over {{count}} seconde opnieuw.',
  throttledSeconds_other: 'Te veel mislukte inlogpogingen. Probeer het over {{count}} seconden opnieuw.',
  signedOut: 'Je bent uitgelogd.',
  sessionEnded: 'Je sessie is verlopen. Log opnieuw in.',
};
