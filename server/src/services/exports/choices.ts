import type { Account } from '@mizug/domain';
import { exportFormats, type ExportChoices } from '@mizug/exporters';
import type { Database } from '../../db/database';
import { listSpaces } from '../../db/repositories/initiatives';
import { listMethodSessions } from '../../db/repositories/method-sessions/sessions';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { synthesisOf } from './scope';

/**
 * What `account` may export from an initiative: every format, its method sessions (newest first)
 * and its synthesis findings (board by board), the scopes the export route accepts.
 */
export async function exportChoices(
  db: Database,
  account: Account,
  initiativeId: string,
): Promise<ExportChoices> {
  const actor = await loadActor(db, account, initiativeId);
  authorize(actor, 'read', { kind: 'initiative', initiativeId });
  authorize(actor, 'read', { kind: 'export', initiativeId });
  const spaces = await listSpaces(db, initiativeId);
  const { synthesisBoards, synthesisFindings } = await synthesisOf(
    db,
    account,
    actor,
    initiativeId,
    spaces,
  );
  const boardTitle = new Map(synthesisBoards.map(({ id, title }) => [id, title]));
  return {
    formats: [...exportFormats],
    sessions: (await listMethodSessions(db, initiativeId)).map(({ id, title }) => ({ id, title })),
    findings: synthesisFindings.map(({ id, title, boardId }) => ({
      id,
      title,
      boardTitle: boardTitle.get(boardId) ?? '',
    })),
  };
}
