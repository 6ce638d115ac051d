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
