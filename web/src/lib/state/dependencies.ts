/**
 * The names loads declare with `depends()` and server-sent changes `invalidate()`; one place, so
 * a load and the event that makes it stale cannot spell them differently.
 */

/** Who is signed in; sign-in and sign-out invalidate it. */
export const ACCOUNT: Dependency = 'mizug:account';

/** `depends()` takes names with a scheme, as a URL has. */
type Dependency = `mizug:${string}`;

/** Anything shown of one initiative: its home, stories, spaces, a story or session in it. */
export const initiativeData = (initiativeId: string): Dependency =>
  `mizug:initiative:${initiativeId}`;

/** The list of an initiative's method sessions, which changes whenever one moves on. */
export const sessionList = (initiativeId: string): Dependency => `mizug:sessions:${initiativeId}`;

/** One method session's view. */
export const sessionData = (sessionId: string): Dependency => `mizug:session:${sessionId}`;

/** One story's own data (its photos and recordings), reloaded after a change made here. */
export const storyData = (storyId: string): Dependency => `mizug:story:${storyId}`;

/** An initiative's methods (built-in and adapted); a new adaptation invalidates it. */
export const methodList = (initiativeId: string): Dependency => `mizug:methods:${initiativeId}`;

/** An initiative's codebook; each change to a code invalidates it. */
export const codeList = (initiativeId: string): Dependency => `mizug:codes:${initiativeId}`;

/** One synthesis board: its findings, their status, decisions and disagreements, its cards. */
export const boardData = (boardId: string): Dependency => `mizug:board:${boardId}`;

/**
 * Every list of boards shown of one initiative (a space's): a `board` event names only the board,
 * which may be new, so each of them looks again.
 */
export const boardLists = (initiativeId: string): Dependency => `mizug:board-lists:${initiativeId}`;

/** A space's list of synthesis boards. */
export const boardList = (spaceId: string): Dependency => `mizug:boards:${spaceId}`;
/** The insight cards made in one space; `cards` events from the server invalidate it. */
export const cardList = (spaceId: string): Dependency => `mizug:cards:${spaceId}`;
