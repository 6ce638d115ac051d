import type { ExportBundle } from './bundle';
import { exportableText, quoteRange } from './text';

const uuid = () => crypto.randomUUID();

/** Texts a QDA importer gets wrong when it counts in UTF-16 units or bytes. */
export const trickyTexts = {
  niqqud: 'בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם\nוְהָאָרֶץ הָיְתָה תֹהוּ',
  arabic: 'قالت: نحن نعرف الطريق إلى العيادة، لكن لا أحد يسألنا.',
  emoji: 'We walked 🚶🏽‍♀️ three hours 👩‍👩‍👧 to get water 💧, every day.',
  mixed: 'אמרה לי "the clinic is closed" ואז הלכה ‏مغلق‏ again 😔.',
  formula: '=HYPERLINK("http://evil.example","click")',
};

/** A bundle as the server would build it, quoting each tricky text once. */
export function sampleBundle(): ExportBundle {
  const group = { id: uuid(), kind: 'peer', name: 'חוויה חיה' };
  const named = { id: uuid(), credit: 'name' as const, name: 'Dana Levi', groupId: null };
  const anonymous = { id: uuid(), credit: 'anonymous' as const, name: null, groupId: null };
  const parent = {
    id: uuid(),
    parentId: null,
    name: 'גישה',
    description: 'Access',
    colour: '#aa3300',
  };
  const child = {
    id: uuid(),
    parentId: parent.id,
    name: 'مياه',
    description: null,
    colour: '#0055ff',
  };
  const quotes: Record<keyof typeof trickyTexts, string> = {
    niqqud: 'אֱלֹהִים אֵת',
    arabic: 'لا أحد يسألنا',
    emoji: 'to get water 💧',
    mixed: '"the clinic is closed" ואז הלכה ‏مغلق‏ again 😔',
    formula: '=HYPERLINK("http://evil.example","click")',
  };
  const sources = Object.entries(trickyTexts).map(([key, text], index) => ({
    id: uuid(),
    ref: { kind: 'story' as const, id: uuid() },
    name: `story ${key}`,
    groupId: group.id,
    userId: index % 2 ? anonymous.id : named.id,
    text: exportableText(text),
    excerpt: false,
  }));
  const codings = Object.keys(trickyTexts).map((key, index) => {
    const source = sources[index]!;
    const quote = quotes[key as keyof typeof trickyTexts];
    return {
      cardId: uuid(),
      sourceId: source.id,
      ...quoteRange(source.text, quote)!,
      quote,
      codeIds: index % 2 ? [child.id] : [parent.id, child.id],
      knowledgeType: 'lived_experience',
      consent: 'not_needed' as const,
      createdAt: '2026-12-01T10:00:00.000Z',
    };
  });
  return {
    format: 'mizug-export',
    version: 1,
    origin: 'Mizug 0.1.0',
    exportedAt: '2026-12-07T12:00:00.000Z',
    language: 'he',
    initiative: { id: uuid(), name: 'מים לכולם' },
    groups: [group],
    users: [named, anonymous],
    sources,
    codes: [parent, child],
    codings,
    findings: [
      {
        id: uuid(),
        title: 'הדרך למים',
        status: 'final',
        statement: 'People walk far [1].',
        characteristics: '',
        openQuestions: '',
        cardIds: codings.slice(0, 3).map(({ cardId }) => cardId),
        withheldCardIds: [uuid()],
        citations: [codings[0]!.cardId],
        balance: {
          byKnowledgeType: [{ knowledgeType: 'lived_experience', cards: 3, words: 12, people: 2 }],
          livedExperienceMissing: false,
        },
        disagreements: [
          { groupId: group.id, position: 'לא תמיד רחוק', recordedAt: '2026-12-03T10:00:00.000Z' },
        ],
        validation: [
          {
            groupId: group.id,
            round: 1,
            returnedAt: '2026-12-02T10:00:00.000Z',
            decision: 'approve',
            comments: [],
            decidedAt: '2026-12-02T12:00:00.000Z',
          },
        ],
        credits: { people: [{ credit: 'name', name: 'Dana Levi' }], anonymous: 1, groupIds: [] },
      },
    ],
    withheld: [],
  };
}
