import type { Consent, InsightCard } from '@mizug/domain';
import { expect } from 'vitest';
import type { TestServer } from '../support/test-server';
import { cardWorld, makeCard } from './card-world';
import { toldStory } from './quoted-story';

/** Words each teller says, chosen so a byte search finds them only if they leak. */
export const exportTexts = {
  /** Miriam, under the pseudonym ורד: niqqud, emoji and mixed direction; quoting yes. */
  pseudonymous: 'בְּכָל עֶרֶב 🌙 אני מחכה ל-"the bus that never comes" ליד הבית.',
  pseudonymousQuote: 'אני מחכה ל-"the bus that never comes"',
  /** Salma, anonymous, in Arabic; quoting yes. */
  anonymous: 'كل صباح أمشي إلى السوق وحدي 👣 ثم أعود.',
  anonymousQuote: 'أمشي إلى السوق وحدي 👣',
  /** Miriam, ask me first, not yet answered: its text never leaves. */
  pending: 'סודהממתין בקצה העולם נשאר כאן',
  pendingQuote: 'סודהממתין בקצה',
  /** Salma withdrew this one quote. */
  withdrawn: 'ذكرىمسحوبة لن تخرج أبدا',
  withdrawnQuote: 'ذكرىمسحوبة لن',
};

const pseudonym = (quoting: Consent['quoting']): Consent => ({
  audience: 'working_group',
  credit: 'pseudonym',
  pseudonym: 'ורד',
  quoting,
});
const anonymous: Consent = { audience: 'working_group', credit: 'anonymous', quoting: 'yes' };

/**
 * An initiative with stories quoted in the synthesis as every consent allows: pseudonymous and
 * anonymous tellers, a pending "ask me first" quote, a withdrawn quote, codes on the cards.
 */
export async function exportWorld(server: TestServer) {
  const world = await cardWorld(server);
  const { seed, facilitator } = world;
  const { ebe: miriam, ebe2: salma, practitioner } = seed.people;
  const quote = async (teller: typeof miriam, text: string, words: string, consent: Consent) => {
    const story = await toldStory(server, seed, teller, text, consent);
    const made = await makeCard(practitioner, seed.spaces.synthesis, {
      source: { kind: 'story', id: story.id },
      quote: words,
    });
    expect(made.status).toBe(201);
    return (await made.json()) as InsightCard;
  };
  const cards = {
    pseudonymous: await quote(
      miriam,
      exportTexts.pseudonymous,
      exportTexts.pseudonymousQuote,
      pseudonym('yes'),
    ),
    anonymous: await quote(salma, exportTexts.anonymous, exportTexts.anonymousQuote, anonymous),
    pending: await quote(
      miriam,
      exportTexts.pending,
      exportTexts.pendingQuote,
      pseudonym('ask_first'),
    ),
    withdrawn: await quote(salma, exportTexts.withdrawn, exportTexts.withdrawnQuote, anonymous),
  };
  expect((await salma.call('DELETE', `/api/cards/${cards.withdrawn.id}/quote`)).status).toBe(200);

  const code = async (name: string, parentId: string | null = null) => {
    const response = await facilitator.post(`/api/initiatives/${seed.initiativeId}/codes`, {
      name: { he: name },
      colour: '#336699',
      parentId,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const loneliness = await code('בדידות');
  const transport = await code('תחבורה', loneliness);
  for (const [card, codeIds] of [
    [cards.pseudonymous, [loneliness, transport]],
    [cards.anonymous, [loneliness]],
  ] as const)
    expect((await facilitator.call('PUT', `/api/cards/${card.id}/codes`, { codeIds })).status).toBe(
      200,
    );

  return {
    ...world,
    cards,
    codes: { loneliness, transport },
    /** What no byte of any export may hold: the tellers' names, handles and account ids. */
    secrets: [
      'miriam',
      'מרים',
      'salma',
      'سلمى',
      await miriam.accountId(),
      await salma.accountId(),
      exportTexts.pendingQuote,
      exportTexts.pending,
      exportTexts.withdrawnQuote,
      exportTexts.withdrawn,
    ],
  };
}
