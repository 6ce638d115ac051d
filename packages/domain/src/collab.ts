import { z } from 'zod';

/** What a document holds, which decides how the server checks its updates and reads its text. */
export type DocumentContent =
  | 'rich-text'
  /** A synthesis board: card placements and each finding's rich-text parts (`@mizug/editor/board`). */
  | 'board';

/**
 * Every kind of collaborative document, once: a new kind (a board) is one entry here and one in
 * the server's `collab/document-kinds.ts`, which says how to find the resource its policy reads.
 */
export const documentKinds = {
  /** A peer space's notes. */
  space: { content: 'rich-text' },
  /** A story's body. */
  story: { content: 'rich-text' },
  /** A method session's canvas: a group's, the synthesis', or the facilitators' notes. */
  stage: { content: 'rich-text' },
  /** A synthesis board's layout: which card sits in which finding, and the findings' texts. */
  board: { content: 'board' },
} as const satisfies Record<string, { content: DocumentContent }>;
export type DocumentKind = keyof typeof documentKinds;

const kindPattern = Object.keys(documentKinds).join('|');

/**
 * Collaborative documents are named `<kind>.<resource id>.<slot>`, e.g.
 * `space.6f1c….notes`: the kind and id say which resource's policy decides who may open it, the
 * slot tells several documents of one resource apart: `story.<id>.body` is a story's text,
 * `stage.<canvas id>.body` a method session's canvas.
 */
export const docNameSchema = z
  .string()
  .regex(new RegExp(`^(${kindPattern})\\.[0-9a-f-]{36}\\.[a-z0-9-]{1,40}$`))
  .transform((name) => {
    const [kind, resourceId, slot] = name.split('.') as [DocumentKind, string, string];
    return { name, kind, resourceId, slot };
  });
export type DocName = z.infer<typeof docNameSchema>;

export const spaceDocName = (spaceId: string, slot = 'notes') => `space.${spaceId}.${slot}`;
export const canvasDocName = (canvasId: string) => `stage.${canvasId}.body`;
export const boardDocName = (boardId: string) => `board.${boardId}.layout`;

/**
 * Websocket close codes the collaboration server uses; the client shows each in plain words.
 * y-websocket never reconnects after 4400–4499 (permanent), and reconnects after anything else.
 */
export const collabCloseCodes = {
  /** Not signed in, or may not read this document (or it does not exist: the same answer). */
  forbidden: 4403,
  /** Access was withdrawn while connected (removed from the space or initiative). */
  accessRevoked: 4401,
  /** A message that is not the y-websocket protocol. */
  malformed: 4400,
  /** A message, or the document, over its size limit. */
  tooLarge: 4413,
  /** Updates sent faster than the per-connection limit: reconnect (and resync) after a pause. */
  rateLimited: 4029,
  /** The server is shutting down; reconnect. */
  goingAway: 1001,
} as const;

/** Limits shared by the server (enforcing) and the editor (warning before they bite). */
export const collabLimits = {
  maxMessageBytes: 1024 * 1024,
  maxDocumentBytes: 16 * 1024 * 1024,
  /** Messages per second a connection may sustain, and the burst above it. */
  messagesPerSecond: 200,
  messageBurst: 400,
} as const;
