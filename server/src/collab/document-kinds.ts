import {
  documentKinds,
  type Account,
  type DocName,
  type DocumentContent,
  type DocumentKind,
} from '@mizug/domain';
import { documentText, richTextUpdateRefusal } from '@mizug/editor';
import type * as Y from 'yjs';
import type { Database } from '../db/database';
import { findBoard } from '../db/repositories/boards';
import { findSpace } from '../db/repositories/initiatives';
import { findCanvas, findMethodSession } from '../db/repositories/method-sessions';
import { findStory } from '../db/repositories/stories';
import { loadActor } from '../policy/actor';
import { boardResource } from '../policy/board-resources';
import type { Resource } from '../policy/policy';
import { spaceResource } from '../policy/resources';
import { storyResource } from '../policy/story-resources';
import { contextOf } from '../services/sessions/context';
import { loadSessionBoardResource } from '../services/sessions/boards';
import { canvasResource } from '../services/sessions/resources';
import { presenceNameIn } from '../services/stories/present';
import { boardText, boardUpdateRefusal } from './board-content';

/** The resource whose policy decides who opens a document, and the name its people show. */
export interface DocumentResource {
  resource: Extract<Resource, { kind: 'space' | 'story' | 'canvas' | 'board' }>;
  /** The name `account` shows in the document's presence, or null for nobody. */
  presenceName(account: Account, name: string): string | null;
}

type FindResource = (
  db: Database,
  doc: DocName,
  account: Account,
) => Promise<DocumentResource | undefined>;

const asIs = (_: Account, name: string) => name;

/** How to find each kind's resource: one entry per kind of `documentKinds`. */
const resourceFinders: Record<DocumentKind, FindResource> = {
  async space(db, doc) {
    const space = await findSpace(db, doc.resourceId);
    return space && { resource: spaceResource(space), presenceName: asIs };
  },
  async stage(db, doc, account) {
    const canvas = await findCanvas(db, doc.resourceId);
    const session = canvas && (await findMethodSession(db, canvas.sessionId));
    if (!canvas || !session) return undefined;
    // Whether they may write follows the stage (open or closed) and the contract they accepted.
    const actor = await loadActor(db, account, session.initiativeId);
    const context = await contextOf(db, session, account, actor);
    return { resource: canvasResource(context, canvas), presenceName: asIs };
  },
  async board(db, doc, account) {
    const board = await findBoard(db, doc.resourceId);
    const space = board && (await findSpace(db, board.spaceId));
    if (!board || !space) return undefined;
    // A session's board is written by the writers of the stage using it, as its API says.
    const session = board.sessionId && (await findMethodSession(db, board.sessionId));
    const sessionStage =
      session &&
      (await loadSessionBoardResource(
        db,
        session,
        account,
        await loadActor(db, account, board.initiativeId),
        space.id,
      ));
    return {
      resource: boardResource(board, space, sessionStage || undefined),
      presenceName: asIs,
    };
  },
  async story(db, doc) {
    const story = await findStory(db, doc.resourceId);
    if (!story) return undefined;
    return {
      resource: storyResource(story),
      // The teller appears as they chose to be credited, so presence never unmasks a pseudonym.
      presenceName: (account, name) => presenceNameIn(story, account.id, name),
    };
  },
};

/** How each kind of content is checked before it is applied, and read as text. */
const contentRules: Record<
  DocumentContent,
  { checkUpdate: (update: Uint8Array) => string | null; text: (doc: Y.Doc) => string }
> = {
  // The editor's schema, so a client that is not Tiptap cannot store what Tiptap would refuse.
  'rich-text': { checkUpdate: richTextUpdateRefusal, text: (doc) => documentText(doc) },
  // Placements and the findings' fragments only, each fragment in the editor's schema.
  board: { checkUpdate: boardUpdateRefusal, text: boardText },
};

export const findDocumentResource: FindResource = (db, doc, account) =>
  resourceFinders[doc.kind](db, doc, account);

/** The rules for the content of a document named `<kind>.…` (the name was parsed on connect). */
export function contentRulesOf(docName: string) {
  const kind = docName.slice(0, docName.indexOf('.')) as DocumentKind;
  return contentRules[documentKinds[kind].content];
}
