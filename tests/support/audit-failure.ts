import type { Database, Queryable } from '../../server/src/db/database';

/**
 * A database whose audit inserts fail while `failing` is set, to show that a command whose audit
 * entry cannot be stored leaves nothing behind. Pass `db` to `startTestServer`.
 */
export function withFailingAudit(real: Database) {
  const control = { failing: false, db: real };
  const guard = (queryable: Queryable): Queryable => ({
    query(text, params) {
      if (control.failing && /insert\s+into\s+audit_log/i.test(text))
        return Promise.reject(new Error('audit insert refused by the test'));
      return queryable.query(text, params);
    },
    exec: (script) => queryable.exec(script),
  });
  control.db = {
    ...real,
    ...guard(real),
    kind: real.kind,
    transaction: (work) => real.transaction((tx) => work(guard(tx))),
    close: () => real.close(),
  };
  return control;
}
