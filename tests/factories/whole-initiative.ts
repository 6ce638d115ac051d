import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { Database } from '../../server/src/db/database';
import { appendUpdates, replaceSnapshot } from '../../server/src/db/repositories/collab-documents';

export interface WholeInitiative {
  initiativeId: string;
  handles: string[];
  storyDoc: string;
  photoBytes: Uint8Array;
}

/** A paragraph of rich text added to `base`: the update alone, and the state after it. */
const textUpdate = (text: string, base?: Uint8Array) => {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
  return { update: Y.encodeStateAsUpdate(doc, before), state: Y.encodeStateAsUpdate(doc) };
};

/**
 * An initiative with at least one row in every table a backup holds, straight in the database
 * (the API paths that make them are tested elsewhere; here only what is stored matters).
 * `prefix` keeps handles apart when two initiatives share an instance.
 */
export async function seedWholeInitiative(db: Database, prefix = ''): Promise<WholeInitiative> {
  const id = () => randomUUID();
  const [admin, teller, facilitator] = [id(), id(), id()];
  const handles = ['admin', 'teller', 'facilitator'].map((h) => `${prefix}${h}`);
  const accounts = [admin, teller, facilitator];
  for (const [i, account] of accounts.entries())
    await db.query(
      `INSERT INTO accounts (id, handle, display_name, passphrase_hash, is_instance_admin)
       VALUES ($1, $2, $3, $4, $5)`,
      [account, handles[i], ['דנה', 'مريم', 'Noa'][i], `scrypt$hash-of-${handles[i]}`, i === 0],
    );
  const initiative = id();
  await db.query(
    `INSERT INTO initiatives (id, name, problem, languages, created_by)
     VALUES ($1, 'בדידות', 'Older people living alone', '{he,ar}', $2)`,
    [initiative, admin],
  );
  const [lived, synthesis, peer] = [id(), id(), id()];
  await db.query(
    `INSERT INTO spaces (id, initiative_id, kind, name, knowledge) VALUES
       ($1, $4, 'lived_experience', NULL, NULL), ($2, $4, 'synthesis', NULL, NULL),
       ($3, $4, 'peer', 'קבוצה', 'group')`,
    [lived, synthesis, peer, initiative],
  );
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  await q(
    `INSERT INTO memberships (initiative_id, account_id, role, sector, in_working_group) VALUES
       ($1, $2, 'admin', 'public', true), ($1, $3, 'expert_by_experience', 'community', false),
       ($1, $4, 'facilitator', 'third_sector', true)`,
    [initiative, admin, teller, facilitator],
  );
  await q(
    `INSERT INTO space_members (space_id, account_id, kind) VALUES ($1, $2, 'member'), ($1, $3, 'guarantor'), ($4, $2, 'pending')`,
    [lived, teller, facilitator, peer],
  );
  await q(
    `INSERT INTO invitations (initiative_id, code_hash, role, sector, space_id, created_by, expires_at, max_uses)
     VALUES ($1, $2, 'practitioner', 'public', NULL, $3, now() + interval '1 day', 3)`,
    [initiative, `code-${initiative}`, admin],
  );
  const story = id();
  await q(
    `INSERT INTO stories (id, initiative_id, space_id, teller_id, title, language, tags, audience, credit, pseudonym, quoting)
     VALUES ($1, $2, $3, $4, 'ערב', 'he', '{בדידות,"with, comma"}', 'working_group', 'pseudonym', 'Ruth', 'ask_first')`,
    [story, initiative, lived, teller],
  );
  await q('INSERT INTO story_supporters (story_id, account_id) VALUES ($1, $2)', [
    story,
    facilitator,
  ]);
  const photo = id();
  const photoBytes = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3, 0xff, 0xd9]);
  await q(
    `INSERT INTO story_photos (id, story_id, added_by, mime, bytes, sha256, width, height, alt)
     VALUES ($1, $2, $3, 'image/jpeg', $4, 'abc', 4, 3, 'חלון')`,
    [photo, story, teller, photoBytes],
  );
  const recording = id();
  await q(
    `INSERT INTO story_recordings (id, story_id, added_by, mime, bytes, transcript)
     VALUES ($1, $2, $3, 'audio/webm', $4, 'שלום')`,
    [recording, story, teller, new Uint8Array(2048).map((_, i) => i % 251)],
  );
  await q(
    `INSERT INTO initiative_methods (initiative_id, definition, created_by) VALUES ($1, $2::text::jsonb, $3)`,
    [initiative, JSON.stringify({ name: { he: 'שיטה' }, stages: [1, 2.5, null] }), admin],
  );
  const session = id();
  await q(
    `INSERT INTO method_sessions (id, initiative_id, title, method, owner_id, started_by, owner_story_id)
     VALUES ($1, $2, 'מפגש', '{"stages": []}', $3, $4, $5)`,
    [session, initiative, teller, facilitator, story],
  );
  await q('INSERT INTO session_groups (session_id, space_id) VALUES ($1, $2)', [session, lived]);
  await q(
    'INSERT INTO session_facilitators (session_id, space_id, account_id) VALUES ($1, $2, $3)',
    [session, lived, facilitator],
  );
  await q(
    'INSERT INTO session_representatives (session_id, space_id, account_id, named_by) VALUES ($1, $2, $3, $4)',
    [session, lived, teller, facilitator],
  );
  await q(
    `INSERT INTO session_stages (session_id, stage_id, status) VALUES ($1, 'listen', 'open')`,
    [session],
  );
  await q(
    `INSERT INTO session_stage_events (session_id, stage_id, action, actor_id) VALUES ($1, 'listen', 'opened', $2)`,
    [session, facilitator],
  );
  const canvas = id();
  await q(
    `INSERT INTO stage_canvases (id, session_id, stage_id, space_id, purpose) VALUES ($1, $2, 'listen', $3, 'work')`,
    [canvas, session, lived],
  );
  await q(
    `INSERT INTO stage_validations (session_id, stage_id, space_id, round, decision, decided_by)
     VALUES ($1, 'listen', $2, 1, 'approve', $3)`,
    [session, lived, teller],
  );
  const release = id();
  await q(
    `INSERT INTO stage_releases (id, session_id, stage_id, space_id, decided_by) VALUES ($1, $2, 'listen', $3, $4)`,
    [release, session, lived, teller],
  );
  await q(
    `INSERT INTO stage_release_items (release_id, position, source_stage_id, text) VALUES ($1, 0, 'listen', 'פריט')`,
    [release],
  );
  // The reply is inserted first, so only a parents-first order restores it.
  const [post, reply] = [id(), id()];
  await q(
    `INSERT INTO stage_contributions (id, session_id, stage_id, space_id, author_id, kind, body)
     VALUES ($1, $2, 'listen', $3, $4, 'question', 'למה?')`,
    [post, session, lived, teller],
  );
  await q(
    `INSERT INTO stage_contributions (id, session_id, stage_id, space_id, author_id, kind, body, parent_id)
     VALUES ($1, $2, 'listen', $3, $4, 'answer', 'כי', $5)`,
    [reply, session, lived, facilitator, post],
  );
  await q(
    `INSERT INTO stage_owner_confirmations (session_id, stage_id, round, confirmed_by) VALUES ($1, 'listen', 1, $2)`,
    [session, teller],
  );
  await q(
    `INSERT INTO session_contracts (session_id, version, terms, written_by, decision_rule)
     VALUES ($1, 1, '{"he": "הסכם"}', $2, 'majority')`,
    [session, facilitator],
  );
  await q('INSERT INTO contract_acceptances (session_id, version, account_id) VALUES ($1, 1, $2)', [
    session,
    teller,
  ]);
  await q(
    'INSERT INTO session_writing_team (session_id, account_id, chosen_by) VALUES ($1, $2, $3)',
    [session, teller, facilitator],
  );
  await q(
    `INSERT INTO dependency_declarations (initiative_id, declared_by, other_id, relation) VALUES ($1, $2, $3, 'client_caseworker')`,
    [initiative, teller, facilitator],
  );
  const [parentCode, childCode] = [id(), id()];
  await q(
    `INSERT INTO codes (id, initiative_id, name, colour, created_by) VALUES ($1, $2, '{"he": "אב"}', '#aa0000', $3)`,
    [parentCode, initiative, admin],
  );
  await q(
    `INSERT INTO codes (id, initiative_id, parent_id, name, colour, created_by) VALUES ($1, $2, $3, '{"he": "בן"}', '#00aa00', $4)`,
    [childCode, initiative, parentCode, admin],
  );
  const card = id();
  await q(
    `INSERT INTO insight_cards (id, initiative_id, space_id, source_kind, story_id, quote, anchor_start, anchor_end, created_by)
     VALUES ($1, $2, $3, 'story', $4, 'ציטוט', '\\x0102', '\\x0304', $5)`,
    [card, initiative, synthesis, story, facilitator],
  );
  await q('INSERT INTO codings (code_id, card_id, coded_by) VALUES ($1, $2, $3)', [
    childCode,
    card,
    facilitator,
  ]);
  await q('INSERT INTO quote_requests (card_id, story_id) VALUES ($1, $2)', [card, story]);
  const board = id();
  await q(
    `INSERT INTO boards (id, initiative_id, space_id, session_id, title, created_by) VALUES ($1, $2, $3, $4, 'לוח', $5)`,
    [board, initiative, synthesis, session, facilitator],
  );
  const finding = id();
  await q(
    `INSERT INTO findings (id, board_id, initiative_id, title, position, created_by, final_statement)
     VALUES ($1, $2, $3, 'ממצא', 0, $4, 'נוסח')`,
    [finding, board, initiative, facilitator],
  );
  await q(
    `INSERT INTO finding_rounds (finding_id, round, statement, returned_by) VALUES ($1, 1, 'נוסח', $2)`,
    [finding, facilitator],
  );
  await q(
    `INSERT INTO finding_decisions (finding_id, round, space_id, decision, recorded_by) VALUES ($1, 1, $2, 'approve', $3)`,
    [finding, lived, teller],
  );
  await q(
    `INSERT INTO finding_disagreements (finding_id, space_id, position, recorded_by) VALUES ($1, $2, 'לא', $3)`,
    [finding, lived, teller],
  );
  await q(
    `INSERT INTO finding_quote_approvals (finding_id, card_id, person_id, credit, credit_name, decision, decided_at)
     VALUES ($1, $2, $3, 'pseudonym', 'ורד', 'approved', now())`,
    [finding, card, teller],
  );
  await q('INSERT INTO finding_final_cards (finding_id, card_id, position) VALUES ($1, $2, 0)', [
    finding,
    card,
  ]);
  for (const action of ['initiative.create', 'story.create', 'finding.final'])
    await q(
      `INSERT INTO audit_log (initiative_id, actor_id, action, details, teller_of) VALUES ($1, $2, $3, $4::text::jsonb, $5)`,
      [initiative, teller, action, JSON.stringify({ storyId: story, n: 1 }), story],
    );

  // Documents: one with a snapshot and later updates, one with updates only.
  const storyDoc = `story.${story}.body`;
  const first = textUpdate('ערב אחד ');
  await replaceSnapshot(db, storyDoc, first.state, 0);
  const second = textUpdate('וגם בוקר', first.state);
  await appendUpdates(db, storyDoc, [second.update]);
  await appendUpdates(db, `board.${board}.layout`, [textUpdate('layout').update]);
  await appendUpdates(db, `stage.${canvas}.body`, [textUpdate('canvas').update]);
  await appendUpdates(db, `space.${peer}.notes`, [textUpdate('notes').update]);
  await q(
    `INSERT INTO collab_contributors (doc_name, account_id, last_edit_at) VALUES ($1, $2, now())`,
    [storyDoc, teller],
  );
  await q(
    `INSERT INTO document_versions (doc_name, taken_by, reason, state, contributors)
     VALUES ($1, $2, 'manual', $3, $4::uuid[])`,
    [storyDoc, teller, first.state, [teller]],
  );
  return { initiativeId: initiative, handles, storyDoc, photoBytes };
}
