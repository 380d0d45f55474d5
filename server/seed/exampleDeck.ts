/**
 * The example bimonthly briefing seeded into a new store, built from the domain brief, so a
 * first user sees a real deck. All people named are invented.
 */
import type * as Y from 'yjs';
import { addSlide, writeMeta } from '../../shared/deckModel.ts';
import { blockquote, bold, bulletList, chart, columnBreak, heading, paragraph } from '../../shared/slideContent.ts';

export const EXAMPLE_DECK_TITLE = 'Tussenstand Spoor 3 — fenomeenonderzoek synthetische drugs';

export function buildExampleDeck(doc: Y.Doc): void {
  writeMeta(doc, { title: EXAMPLE_DECK_TITLE, theme: 'tussenstand', period: 'november 2026', language: 'nl' });
  addSlide(doc, {
    layout: 'title',
    content: [heading(1, 'Tussenstand Spoor 3'), paragraph('Fenomeenonderzoek naar het criminele bedrijfsproces van synthetische drugs'), paragraph('IIPSy · RIEC Noord-Holland · november 2026')],
    notes: [paragraph('Welkom aan het IIPSy-team en het OM. Agenda: stand van het onderzoek, wie we spraken, Damoclesbeleid, werkafspraken en vervolg. Ongeveer 20 minuten plus vragen.')],
  });
  addSlide(doc, {
    layout: 'title-content',
    content: [
      heading(2, 'Stand van het onderzoek'),
      bulletList(
        '52 medewerkers van 25 organisaties hebben bijgedragen, vooral in interviews',
        '15 van de 25 organisaties zijn geen RIEC-partner',
        'Voorlopige analyse van het Damoclesbeleid van alle 34 gemeenten in de eenheid',
        'Bevindingen voeden het Convenant Aanpak Drugslocaties en het Klikdraaiboek Drugslocaties',
      ),
    ],
    notes: [paragraph('Benadruk dat de cijfers live uit het onderzoekslogboek komen: wat hier staat is de stand van vandaag.')],
  });
  addSlide(doc, {
    layout: 'chart-text',
    content: [heading(2, 'Interviews per maand'), chart('interviews.byMonth', 'line'), paragraph('Gesprekken met medewerkers van partners en niet-partners sinds januari 2025.')],
    notes: [paragraph('Laat zien dat het tempo na de zomer van 2025 omhoog ging, toen de private partijen aanhaakten.')],
  });
  addSlide(doc, {
    layout: 'big-number',
    content: [chart('organisations.nonPartner', 'number'), paragraph('van de gesproken organisaties vallen buiten het RIEC-convenant')],
    notes: [paragraph('Dit is de kern van de meerwaarde: waterschappen, private partijen en andere RIEC’s zien een ander deel van het productieproces dan de vaste partners.')],
  });
  addSlide(doc, {
    layout: 'two-columns',
    content: [
      heading(2, 'Wie we spraken'),
      paragraph(bold('RIEC-partners')),
      bulletList('De 34 gemeenten van de eenheid', 'NVWA', 'Koninklijke Marechaussee'),
      columnBreak(),
      paragraph(bold('Buiten het convenant')),
      bulletList('Waterschappen', 'Afvalverwerker en afvalbrengstation', 'Netbeheerder Liander', 'Ontmantelingsbedrijven drugslabs', 'Transportfederatie TLN', 'RIEC’s Den Haag, Zeeland-West-Brabant en Oost-Nederland'),
    ],
    notes: [paragraph('Links de bestaande partners, rechts de nieuwe. Noem dat de waterschappen na de vorige tussenstand zelf contact opnamen.')],
  });
  addSlide(doc, {
    layout: 'section',
    content: [heading(1, 'Damoclesbeleid'), paragraph('Sluiting van panden waar drugs worden aangetroffen')],
    notes: [paragraph('Overgang naar het tweede deel: de vergelijking van het beleid van de 34 gemeenten.')],
  });
  addSlide(doc, {
    layout: 'title-content',
    content: [
      heading(2, 'Damoclesbeleid: voorlopige analyse'),
      bulletList(
        'Beleid van alle 34 gemeenten verzameld en naast elkaar gelegd',
        'Verschillen in termijnen, begunstigingstermijn en omgang met bedrijfspanden',
        'Voorstel: één lijn in de eenheid, afgestemd met het Klikdraaiboek Drugslocaties',
      ),
      chart('damocles.byStatus', 'pie'),
    ],
    notes: [paragraph('Geen gemeenten bij naam noemen in de openbare versie; de vergelijking per gemeente staat in de bijlage voor het OM.')],
  });
  addSlide(doc, {
    layout: 'chart-text',
    content: [
      heading(2, 'Werkafspraken'),
      chart('agreements.byTrack', 'bar'),
      paragraph('Na eerdere tussenstanden maakten leden van Spoor 1 werkafspraken met partners, onder meer met de waterschappen over het melden van dumpingen.'),
    ],
    notes: [paragraph('De grafiek komt live uit het onderzoekslogboek: een nieuwe werkafspraak staat er meteen in.')],
  });
  addSlide(doc, {
    layout: 'quote',
    content: [blockquote('We zagen de vaten al jaren in de sloot liggen, maar wisten niet bij wie we dat moesten melden.'), paragraph('— medewerker waterschap (geanonimiseerd)')],
    notes: [paragraph('Citaat uit interview; naam en organisatie zijn bewust weggelaten.')],
  });
  addSlide(doc, {
    layout: 'title-content',
    content: [
      heading(2, 'Vervolg'),
      bulletList('Resterende interviews met private partijen afronden', 'Damoclesanalyse bespreken met de gemeenten', 'Halfjaarlijkse factsheet IIPSy voorbereiden', 'Volgende tussenstand over twee maanden'),
    ],
    notes: [paragraph('Vraag het OM om input op de conceptlijn voor het Damoclesbeleid vóór de volgende tussenstand.')],
  });
}
