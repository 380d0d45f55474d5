/**
 * What a store remembers of its failed document writes, for /healthz (Store.writeProblem).
 *
 * A failure is reported until a document write succeeds again, or until a minute passes
 * without another failure: an instance taken out of a load balancer's rotation receives no
 * writes, so "until the next success" alone would keep it out for ever after the disk was
 * freed. Editors whose change failed retry within seconds (4503 is transient), so a problem
 * that persists keeps being reported.
 */
const FORGET_AFTER_MS = 60_000;

export class WriteHealth {
  private problem: string | null = null;
  private failedAt = 0;

  get current(): string | null {
    if (this.problem !== null && Date.now() - this.failedAt > FORGET_AFTER_MS) this.problem = null;
    return this.problem;
  }

  /** Runs a document write (synchronous or a promise), remembering whether it worked. */
  track<T>(write: () => T): T {
    let result: T;
    try {
      result = write();
    } catch (err) {
      this.failed(err);
      throw err;
    }
    if (!(result instanceof Promise)) {
      this.succeeded();
      return result;
    }
    return result.then(
      (value: unknown) => {
        this.succeeded();
        return value;
      },
      (err: unknown) => {
        this.failed(err);
        throw err;
      },
    ) as T;
  }

  succeeded(): void {
    this.problem = null;
  }

  failed(err: unknown): void {
    this.problem = err instanceof Error ? err.message : String(err);
    this.failedAt = Date.now();
  }
}
