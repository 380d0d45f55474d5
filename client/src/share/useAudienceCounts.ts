/**
 * Attendees per link label while the share dialog is open. The presenter page has them from
 * the sync connection's awareness (summed over every server instance) and passes them in;
 * the editor and the deck list have no such connection and ask the server every few seconds.
 */
import { useEffect, useState } from 'react';
import { getAudience } from '../api/links.ts';

const POLL_MS = 3000;
const NONE: Record<string, number> = {};

export function useAudienceCounts(deckId: string, given: Record<string, number> | undefined): Record<string, number> {
  const [polled, setPolled] = useState<Record<string, number>>(NONE);
  const polling = given === undefined;

  useEffect(() => {
    if (!polling) return;
    const controller = new AbortController();
    let timer = 0;
    const poll = async () => {
      try {
        setPolled(await getAudience(deckId, { signal: controller.signal }));
      } catch {
        // A missed count is shown at the next poll; the dialog stays usable without one.
      }
      if (!controller.signal.aborted) timer = window.setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [deckId, polling]);

  return given ?? polled;
}
