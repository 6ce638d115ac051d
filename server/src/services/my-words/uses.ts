import {
  storyBodyDocName,
  type Account,
  type MyWords,
  type Space,
  type StoryUses,
  type WordUseCard,
} from '@mizug/domain';
import { storedText } from '../../collab/stored-text';
import type { Database } from '../../db/database';
import {
  listCardsQuoting,
  listCardsQuotingPostsBy,
  type StoredCard,
} from '../../db/repositories/insight-cards';
import { listSpaces } from '../../db/repositories/initiatives';
import { findStory, listStories, type StoredStory } from '../../db/repositories/stories';
import { findContributionById } from '../../db/repositories/method-sessions';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { can, type Actor } from '../../policy/policy';
import { storyResource } from '../../policy/story-resources';
import { cardWithdrawn, creditOf, isExportable, quoteConsentOf } from '../cards/present';
import { loadCardSource, type LoadedSource } from '../cards/sources';
import { quoteInContext } from './context';
import { findingsOfCards } from './findings';

/** What one initiative's uses are read against: its spaces and the findings of these cards. */
async function useContext(db: Database, initiativeId: string, cards: readonly StoredCard[]) {
  const spaces = new Map((await listSpaces(db, initiativeId)).map((s) => [s.id, s]));
  const findings = await findingsOfCards(db, initiativeId, cards);
  return { spaces, findings };
}

type UseContext = Awaited<ReturnType<typeof useContext>>;

/** A card as the person it quotes sees it: their own words always, in their passage. */
function useOf(card: StoredCard, source: LoadedSource, text: string, at: UseContext): WordUseCard {
  const space = at.spaces.get(card.spaceId)!;
  const group = at.spaces.get(source.groupSpaceId)!;
  const withdrawn = cardWithdrawn(card, source, space);
  const quoteConsent = quoteConsentOf(card, source);
  const ref = (s: Space) => ({ id: s.id, kind: s.kind, name: s.name });
  return {
    cardId: card.id,
    quote: card.quote,
    context: quoteInContext(text, card.quote),
    space: ref(space),
    group: ref(group),
    quoteConsent,
    withdrawn,
    exportable: isExportable(withdrawn, quoteConsent),
    createdAt: card.createdAt.toISOString(),
    findings: (at.findings.get(card.id) ?? []).map((finding) => {
      // Asked about another credit than the words carry now: it is the new one to approve.
      const credit = creditOf(source);
      const { approval } = finding;
      if (
        !approval ||
        (approval.credit.credit === credit.credit && approval.credit.name === credit.name)
      )
        return finding;
      return { ...finding, approval: { credit, decision: 'pending' as const } };
    }),
  };
}

async function storyUses(
  db: Database,
  account: Account,
  actor: Actor,
  story: StoredStory,
  cards: readonly StoredCard[],
  at: UseContext,
): Promise<StoryUses> {
  const source = (await loadCardSource(db, account, actor, { kind: 'story', id: story.id }))!;
  const text = await storedText(db, storyBodyDocName(story.id));
  const uses = [];
  for (const card of cards) {
    if (card.storyId !== story.id) continue;
    if (card.source.kind === 'story') {
      uses.push(useOf(card, source, text, at));
      continue;
    }
    // A photo's caption or a recording's transcript: quoted in its own words.
    const part = await loadCardSource(db, account, actor, card.source, story.id);
    if (part) uses.push(useOf(card, part, part.fixedText ?? '', at));
  }
  return {
    story: { id: story.id, title: story.title, withdrawn: story.withdrawnAt !== null },
    cards: uses,
  };
}

/**
 * `GET /api/stories/:storyId/uses`: every card quoting the story and every finding holding or
 * citing one, for its teller alone; to anyone else the story is not there (404).
 */
export async function readStoryUses(
  db: Database,
  account: Account,
  storyId: string,
): Promise<StoryUses> {
  const story = await findStory(db, storyId);
  if (!story) throw new AppError('not_found');
  const actor = await loadActor(db, account, story.initiativeId);
  if (!can(actor, 'manage', storyResource(story))) throw new AppError('not_found');
  const cards = await listCardsQuoting(db, { storyIds: [story.id], postIds: [] });
  return storyUses(
    db,
    account,
    actor,
    story,
    cards,
    await useContext(db, story.initiativeId, cards),
  );
}

/**
 * `GET /api/initiatives/:id/my-words`: the caller's stories (each, quoted or not) and their
 * session posts that were quoted, with every card and finding using them.
 */
export async function readMyWords(
  db: Database,
  account: Account,
  initiativeId: string,
): Promise<MyWords> {
  const actor = await loadActor(db, account, initiativeId);
  authorize(actor, 'read', { kind: 'initiative', initiativeId });
  const stories = (await listStories(db, initiativeId)).filter((s) => s.tellerId === account.id);
  const storyCards = await listCardsQuoting(db, {
    storyIds: stories.map((s) => s.id),
    postIds: [],
  });
  const postCards = await listCardsQuotingPostsBy(db, initiativeId, account.id);
  const at = await useContext(db, initiativeId, [...storyCards, ...postCards]);

  const posts = new Map<string, MyWords['posts'][number]>();
  const sources = new Map<string, LoadedSource>();
  for (const card of postCards) {
    const id = card.source.id;
    if (!posts.has(id)) {
      const post = await findContributionById(db, id);
      const source = await loadCardSource(db, account, actor, card.source);
      if (!post || !source) continue;
      const excerpt = post.body.length > 80 ? `${post.body.slice(0, 80)}…` : post.body;
      const withdrawn = post.withdrawnAt !== null;
      posts.set(id, { post: { id, sessionId: post.sessionId, excerpt, withdrawn }, cards: [] });
      sources.set(id, source);
    }
    posts.get(id)!.cards.push(useOf(card, sources.get(id)!, sources.get(id)!.fixedText!, at));
  }
  return {
    stories: await Promise.all(
      stories.map((story) => storyUses(db, account, actor, story, storyCards, at)),
    ),
    posts: [...posts.values()],
  };
}
