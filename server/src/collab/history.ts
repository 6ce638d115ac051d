import type { Database } from '../db/database';
import {
  documentsEditedSinceLastVersion,
  insertVersion,
  type VersionReason,
} from '../db/repositories/document-versions';
import type { Logger } from '../logger';
import type { CollabPersistence } from './persistence';

/**
 * Versions of collaborative documents: taken on demand, before a restore, and on a schedule for
 * every document edited since its last version. A version is the stored state, which holds
 * every update anyone has seen (storage comes before broadcast).
 */
export class DocumentHistory {
  constructor(
    private readonly db: Database,
    private readonly persistence: CollabPersistence,
    /**
     * Stores what live documents still hold (their latest contributors) before versions are
     * taken: the one named, or all of them.
     */
    private readonly settle: (docName?: string) => Promise<void> = async () => {},
  ) {}

  async take(docName: string, takenBy: string | null, reason: VersionReason) {
    const state = await this.currentState(docName);
    return insertVersion(this.db, { docName, takenBy, reason, state });
  }

  /**
   * What a version taken now keeps, once live documents stored what they hold; for a command
   * that stores the version in its own transaction (loading cannot run inside one on PGlite).
   */
  async currentState(docName: string): Promise<Uint8Array> {
    await this.settle(docName);
    const { state } = await this.persistence.load(docName);
    return state ?? new Uint8Array([0, 0]);
  }

  /** One scheduled round: a version of each document edited since its last one. */
  async takeScheduled(): Promise<number> {
    await this.settle();
    const due = await documentsEditedSinceLastVersion(this.db);
    for (const docName of due) await this.take(docName, null, 'scheduled');
    return due.length;
  }

  /** Runs `takeScheduled` every `intervalMs` until the returned function is called. */
  schedule(intervalMs: number, logger: Logger): () => void {
    const timer = setInterval(() => {
      this.takeScheduled().catch((error: unknown) =>
        logger.error({ err: error }, 'scheduled versions failed'),
      );
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
