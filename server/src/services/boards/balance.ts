import { knowledgeTypes, type VoiceBalance } from '@mizug/domain';
import type { ReadableCard } from '../cards/read';

const wordsIn = (quote: string) => quote.split(/\s+/u).filter((word) => word.length > 0).length;

/** Whose voice a card carries: its story's teller, its post's author, or else its group. */
function voiceOf({ source }: ReadableCard): string {
  if (source.story) return `teller:${source.story.tellerId}`;
  if (source.author && source.resource.kind === 'post')
    return `author:${source.resource.post.authorId}`;
  return `group:${source.groupSpaceId}`;
}

/**
 * The evidence behind a finding or a board by knowledge type: its cards, their words and the
 * distinct people (or groups) quoted, as counts only. Withdrawn cards are evidence no more.
 */
export function voiceBalance(cards: readonly ReadableCard[]): VoiceBalance {
  const standing = cards.filter(({ view }) => !view.withdrawn);
  const byKnowledgeType = knowledgeTypes
    .map((knowledgeType) => {
      const ofType = standing.filter(({ view }) => view.knowledgeType === knowledgeType);
      return {
        knowledgeType,
        cards: ofType.length,
        words: ofType.reduce((sum, { card }) => sum + wordsIn(card.quote), 0),
        people: new Set(ofType.map(voiceOf)).size,
      };
    })
    .filter((entry) => entry.cards > 0);
  return {
    byKnowledgeType,
    livedExperienceMissing:
      standing.length > 0 &&
      !byKnowledgeType.some((entry) => entry.knowledgeType === 'lived_experience'),
  };
}
