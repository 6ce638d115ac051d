import type { Database, Queryable } from '../db/database';
import { appendAudit } from '../db/repositories/audit';
import type { DomainEvents, EventBus } from '../events';

export type AuditInput = Parameters<typeof appendAudit>[1];

/** What a command's work gets: the transaction, its audit log, and events to send after commit. */
export interface CommandScope {
  tx: Queryable;
  /** Appends an audit entry inside the transaction: the change and its entry commit together. */
  audit(entry: AuditInput): Promise<void>;
  /** Queues a domain event; it is sent only once the transaction has committed. */
  emit<Name extends keyof DomainEvents>(name: Name, ...args: DomainEvents[Name]): void;
}

export interface CommandDeps {
  db: Database;
  events: EventBus;
}

/**
 * Every state change runs here: its writes and audit entries in one transaction, its events after
 * the commit, so no listener reacts to a change that was rolled back and no change goes unaudited.
 */
export async function runCommand<T>(
  { db, events }: CommandDeps,
  work: (scope: CommandScope) => Promise<T>,
): Promise<T> {
  const queued: Array<() => void> = [];
  const result = await db.transaction((tx) =>
    work({
      tx,
      audit: (entry) => appendAudit(tx, entry),
      emit: (name, ...args) =>
        queued.push(() =>
          (events.emit as (n: typeof name, ...a: typeof args) => boolean)(name, ...args),
        ),
    }),
  );
  for (const send of queued) send();
  return result;
}
