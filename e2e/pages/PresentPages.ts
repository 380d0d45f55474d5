/**
 * Page objects for presenting (Dutch names: the e2e browser runs with locale nl-NL):
 * the presenter `/decks/:id/present`, the speaker view `/decks/:id/speaker` and the
 * attendee view `/v/:token`.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** The slide on screen: the one region named "Dia n van m" that is not hidden. */
const currentSlide = (page: Page): Locator => page.getByRole('region', { name: /^Dia \d+ van \d+$/ });

export class PresenterView {
  readonly startSession: Locator;
  readonly endSession: Locator;
  readonly next: Locator;
  readonly previous: Locator;
  readonly slide: Locator;
  readonly speakerView: Locator;
  readonly laser: Locator;
  readonly overview: Locator;
  readonly fullscreen: Locator;
  readonly exportMenu: Locator;
  readonly connection: Locator;

  constructor(readonly page: Page) {
    this.startSession = page.getByRole('button', { name: 'Sessie starten' });
    this.endSession = page.getByRole('button', { name: 'Sessie beëindigen' });
    this.next = page.getByRole('button', { name: 'Volgende dia', exact: true });
    this.previous = page.getByRole('button', { name: 'Vorige dia', exact: true });
    this.slide = currentSlide(page);
    this.speakerView = page.getByRole('button', { name: 'Sprekersweergave' });
    this.laser = page.getByRole('button', { name: 'Laserpointer' });
    this.overview = page.getByRole('button', { name: 'Overzicht' });
    this.fullscreen = page.getByRole('button', { name: 'Volledig scherm' });
    this.exportMenu = page.getByRole('button', { name: /^Export/ });
    this.connection = page.getByRole('status').filter({ hasText: 'Verbinding:' });
  }

  async goto(deckId: string): Promise<void> {
    await this.page.goto(`/decks/${deckId}/present`);
    await expect(this.connection).toContainText('Verbonden');
    await expect(this.slide).toBeVisible();
  }

  async expectAt(number: number, total: number): Promise<void> {
    await expect(this.slide).toHaveAccessibleName(`Dia ${number} van ${total}`);
  }

  /** Ends the session in the end-session dialog, without keeping the slides available. */
  async end(): Promise<void> {
    await this.endSession.click();
    await this.page.getByRole('dialog', { name: 'Sessie beëindigen' }).getByRole('button', { name: 'Beëindigen', exact: true }).click();
    await expect(this.startSession).toBeVisible();
  }
}

export class SpeakerView {
  readonly next: Locator;
  readonly previous: Locator;
  readonly current: Locator;
  readonly notes: Locator;
  readonly nextSlide: Locator;

  constructor(readonly page: Page) {
    this.next = page.getByRole('button', { name: 'Volgende', exact: true });
    this.previous = page.getByRole('button', { name: 'Vorige', exact: true });
    this.current = page.getByRole('heading', { name: /^Huidige dia \(\d+\)$/ });
    this.notes = page.getByRole('region', { name: 'Notities' });
    this.nextSlide = page.getByRole('region', { name: 'Volgende dia' });
  }

  async expectAt(number: number): Promise<void> {
    await expect(this.current).toHaveText(`Huidige dia (${number})`);
  }
}

export class AttendeeView {
  readonly slide: Locator;
  readonly previous: Locator;
  readonly next: Locator;
  readonly backToLive: Locator;
  readonly waiting: Locator;

  constructor(readonly page: Page) {
    this.slide = currentSlide(page);
    this.previous = page.getByRole('button', { name: 'Vorige dia', exact: true });
    this.next = page.getByRole('button', { name: 'Volgende dia', exact: true });
    this.backToLive = page.getByRole('button', { name: 'Terug naar live' });
    this.waiting = page.getByRole('status').filter({ hasText: 'De presentatie verschijnt hier zodra de presentator begint.' });
  }

  /** At slide `number` of the `shown` slides this session has shown so far (all an attendee has, [AU3]). */
  async expectAt(number: number, shown: number): Promise<void> {
    await expect(this.slide).toHaveAccessibleName(`Dia ${number} van ${shown}`);
  }
}
