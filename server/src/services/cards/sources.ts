import {
  canvasDocName,
  storyBodyDocName,
  type Account,
  type CardSource,
  type Consent,
  type InsightCard,
} from '@mizug/domain';
import { storedText } from '../../collab/stored-text';
import type { Database, Queryable } from '../../db/database';
import * as sessions from '../../db/repositories/method-sessions';
import { findStory, type StoredStory } from '../../db/repositories/stories';
import { findPhoto } from '../../db/repositories/story-photos';
import { findRecording } from '../../db/repositories/story-recordings';
import { AppError } from '../../errors';
import type { CardSourceResource } from '../../policy/card-sources';
import type { Actor } from '../../policy/policy';
import { effectiveConsent, storyResource } from '../../policy/story-resources';
import { contextOf } from '../sessions/context';
import { canvasResource, postResource, sessionResource } from '../sessions/resources';

/** A card's source as it is now: what the policy decides on, its group, and where its text is. */
export interface LoadedSource {
  resource: CardSourceResource;
  initiativeId: string;
  /** The space its words were written in: the group credited with them. */
  groupSpaceId: string;
  /** Its collaborative document (anchors point into it), or null for fixed text. */
  docName: string | null;
  /** Fixed text (a released item), or null to read the document's stored text. */
  fixedText: string | null;
  /** The story quoted, for its teller's credit. */
  story: StoredStory | null;
  /** A post's author as the session shows them; null when it spoke for its group. */
  author: { name: string } | null;
  /** An LS-8 principle's or a PW claim's source tags and confidence, as the post has them. */
  evidence: InsightCard['evidence'];
}

/** Posts that weigh their evidence: their cards carry it. */
const weighsEvidence = new Set(['claim', 'principle']);

const fixedSource = { docName: null, author: null, evidence: null };

/**
 * A photo's caption or a recording's transcript, part of a story. `part` is undefined once its
 * teller removed it, which withdraws it; the card then still knows its story (`storyId`).
 */
async function storyPart(
  db: Queryable,
  kind: 'photo' | 'transcript',
  storyId: string | undefined,
  part: { storyId: string; text: string; consent?: Consent } | undefined,
): Promise<LoadedSource | undefined> {
  const id = part?.storyId ?? storyId;
  const story = id && (await findStory(db, id));
  if (!story) return undefined;
  // The photo's own consent (never wider than the story's) is how its caption is shared.
  const shared = part?.consent ? { ...story, consent: part.consent } : story;
  return {
    resource: { kind, story: storyResource(shared), removed: !part },
    initiativeId: story.initiativeId,
    groupSpaceId: story.spaceId,
    ...fixedSource,
    fixedText: part?.text ?? '',
    story: shared,
  };
}

/**
 * Loads the source a card quotes, as `account` may see it; undefined when there is no such
 * source (or it is the facilitators' notes, which are never quoted).
 */
export async function loadCardSource(
  db: Queryable,
  account: Account,
  actor: Actor,
  source: CardSource,
  /** The story a stored card of a photo or recording quotes, known after its removal. */
  storyId?: string,
): Promise<LoadedSource | undefined> {
  switch (source.kind) {
    case 'photo': {
      const photo = await findPhoto(db, source.id);
      const story = photo && (await findStory(db, photo.storyId));
      const part = photo &&
        story && {
          storyId: story.id,
          text: photo.caption,
          consent: effectiveConsent(photo, story),
        };
      return storyPart(db, 'photo', storyId, part);
    }
    case 'transcript': {
      const recording = await findRecording(db, source.id);
      const part = recording && { storyId: recording.storyId, text: recording.transcript };
      return storyPart(db, 'transcript', storyId, part);
    }
    case 'story': {
      const story = await findStory(db, source.id);
      if (!story) return undefined;
      return {
        resource: { kind: 'story', story: storyResource(story) },
        initiativeId: story.initiativeId,
        groupSpaceId: story.spaceId,
        docName: storyBodyDocName(story.id),
        fixedText: null,
        story,
        author: null,
        evidence: null,
      };
    }
    case 'canvas': {
      const canvas = await sessions.findCanvas(db, source.id);
      const session = canvas && (await sessions.findMethodSession(db, canvas.sessionId));
      if (!canvas || !session || !canvas.spaceId || canvas.purpose !== 'work') return undefined;
      const context = await contextOf(db, session, account, actor);
      return {
        resource: { kind: 'canvas', canvas: canvasResource(context, canvas) },
        initiativeId: session.initiativeId,
        groupSpaceId: canvas.spaceId,
        docName: canvasDocName(canvas.id),
        fixedText: null,
        story: null,
        author: null,
        evidence: null,
      };
    }
    case 'post': {
      const post = await sessions.findContributionById(db, source.id);
      const session = post && (await sessions.findMethodSession(db, post.sessionId));
      if (!post || !session) return undefined;
      const context = await contextOf(db, session, account, actor);
      const resource = postResource(context, post);
      if (!resource) return undefined;
      const author = context.members.find((member) => member.accountId === post.authorId);
      return {
        resource: { kind: 'post', post: resource },
        initiativeId: session.initiativeId,
        // The author's group, or for a facilitator's post the space it is kept in.
        groupSpaceId: post.authorGroupId ?? post.spaceId,
        docName: null,
        fixedText: post.body,
        story: null,
        author: post.onBehalfOf ? null : { name: author?.displayName ?? '' },
        evidence: weighsEvidence.has(post.kind)
          ? { tags: post.sourceTags, confidence: post.confidence }
          : null,
      };
    }
    case 'release': {
      const release = await sessions.findRelease(db, source.id);
      const session = release && (await sessions.findMethodSession(db, release.sessionId));
      const item = release?.items[source.item];
      if (!release || !session || !item) return undefined;
      return {
        resource: {
          kind: 'release',
          session: sessionResource(session),
          groupSpaceId: release.spaceId,
        },
        initiativeId: session.initiativeId,
        groupSpaceId: release.spaceId,
        ...fixedSource,
        fixedText: item.text,
        story: null,
      };
    }
  }
}

/** Like `loadCardSource`, for a source that must be there: otherwise `not_found`. */
export async function requireCardSource(
  db: Queryable,
  account: Account,
  actor: Actor,
  source: CardSource,
  initiativeId: string,
): Promise<LoadedSource> {
  const loaded = await loadCardSource(db, account, actor, source);
  // A photo or recording removed is as unknown as one never added, to someone quoting it now.
  if (
    loaded &&
    (loaded.resource.kind === 'photo' || loaded.resource.kind === 'transcript') &&
    loaded.resource.removed
  )
    throw new AppError('not_found');
  // Another initiative's source is as unknown here as a missing one.
  if (!loaded || loaded.initiativeId !== initiativeId) throw new AppError('not_found');
  return loaded;
}

/** The source's text as its readers read it now. */
export const sourceText = (db: Database, source: LoadedSource) =>
  source.fixedText ?? storedText(db, source.docName!);
