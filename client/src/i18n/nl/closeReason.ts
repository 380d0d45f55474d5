/** Dutch strings, namespace `closeReason`: the same keys as ../en/closeReason.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const closeReason: Translations['closeReason'] = {
  NO_CREDENTIALS: 'Je sessie is verlopen. Log opnieuw in om verder te gaan.',
  FORBIDDEN: 'Je hebt geen toegang tot deze presentatie.',
  NO_SUCH_DECK: 'Deze presentatie bestaat niet meer of staat in de prullenbak.',
  LINK_REVOKED: 'Deze link is ingetrokken.',
  LINK_EXPIRED: 'Deze link is verlopen.',
  MALFORMED: 'De server kon een bericht van deze pagina niet lezen. Laad de pagina opnieuw.',
  FRAME_TOO_LARGE: 'Een wijziging was te groot om te versturen. Laad de pagina opnieuw.',
  DECK_DAMAGED: 'De opgeslagen gegevens van deze presentatie zijn beschadigd. Neem contact op met een beheerder.',
  RATE_LIMITED: 'Te veel wijzigingen in korte tijd. Laad de pagina opnieuw.',
  unknown: 'De server heeft de verbinding gesloten.',
};
