import type { ExportBundle, ExportFinding, ExportLocale } from '../bundle';

/**
 * The findings report as one language-neutral document: every format (Markdown, DOCX, PDF) lays
 * out these blocks and nothing else. Every string in it is plain text (user words included):
 * each writer escapes it for its own format.
 */
export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; label?: string }
  | { kind: 'quote'; text: string; credit: string }
  /** `references`: ids a reader looks up, kept whole on one line. */
  | { kind: 'list'; items: string[]; references?: boolean }
  | { kind: 'chart'; caption: string; rows: { label: string; value: number; note: string }[] }
  | { kind: 'table'; header: string[]; rows: string[][] };

export interface ReportDocument {
  language: ExportLocale;
  direction: 'rtl' | 'ltr';
  title: string;
  blocks: ReportBlock[];
}

/** Words the report is written in, translated by the caller (the server, with its messages). */
export interface ReportWords {
  title(p: { initiative: string }): string;
  exported(p: { date: string; origin: string }): string;
  consentNote(): string;
  findings(): string;
  noFindings(): string;
  status(p: { status: string }): string;
  statusWord(status: string): string;
  statement(): string;
  characteristics(): string;
  openQuestions(): string;
  evidence(): string;
  noEvidence(): string;
  withheld(p: { count: number }): string;
  withheldItem(p: { source: string; card: string }): string;
  sourceKind(kind: string): string;
  credit(credit: string): string;
  knowledgeType(type: string): string;
  balance(): string;
  balanceRow(p: { cards: number; words: number; people: number }): string;
  livedExperienceMissing(): string;
  disagreements(): string;
  noDisagreements(): string;
  validation(): string;
  noValidation(): string;
  columnGroup(): string;
  columnRound(): string;
  columnReturned(): string;
  columnDecision(): string;
  columnComments(): string;
  decision(decision: string | null): string;
  credits(): string;
  creditsIntro(): string;
  creditsAnonymous(p: { count: number }): string;
  creditsGroups(p: { groups: string }): string;
  creditsNone(): string;
  returns(): string;
  returnsIntro(): string;
  columnFirstReturn(): string;
  columnLastReturn(): string;
  columnFindings(): string;
  notYetReturned(): string;
  returnsMissing(p: { groups: string }): string;
  plain(): string;
  plainIntro(): string;
  plainVoices(p: { count: number }): string;
  plainApproved(p: { approved: number; total: number }): string;
  plainDisagreements(p: { count: number }): string;
  plainClosing(): string;
}

const rtl = new Set<ExportLocale>(['he', 'ar']);

/** A date as the report's readers read it (UTC, so every copy of one export says the same). */
const dateIn = (locale: ExportLocale) => {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return (iso: string) => format.format(new Date(iso));
};

/** The statement's last standing decision of each group (the newest round it decided in). */
function latestDecisions(finding: ExportFinding) {
  const latest = new Map<string, string | null>();
  for (const entry of finding.validation) latest.set(entry.groupId, entry.decision);
  return latest;
}

/** The findings report of a bundle, in the bundle's language. */
export function reportDocument(bundle: ExportBundle, words: ReportWords): ReportDocument {
  const date = dateIn(bundle.language);
  const groups = new Map(bundle.groups.map((group) => [group.id, group.name]));
  const groupName = (id: string) => groups.get(id) ?? '—';
  const users = new Map(bundle.users.map((user) => [user.id, user]));
  const sources = new Map(bundle.sources.map((source) => [source.id, source]));
  const codings = new Map(bundle.codings.map((coding) => [coding.cardId, coding]));
  const withheld = new Map(bundle.withheld.map((entry) => [entry.cardId, entry]));
  const creditOf = (sourceId: string) => {
    const source = sources.get(sourceId)!;
    const user = users.get(source.userId)!;
    const kind = `${words.sourceKind(source.ref.kind)}, ${groupName(source.groupId)}`;
    if (user.credit === 'anonymous' || user.name === null)
      return `${words.credit('anonymous')} · ${kind}`;
    return `${user.name} (${words.credit(user.credit)}) · ${kind}`;
  };

  const title = words.title({ initiative: bundle.initiative.name });
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'paragraph',
      text: words.exported({ date: date(bundle.exportedAt), origin: bundle.origin }),
    },
    { kind: 'paragraph', text: words.consentNote() },
    { kind: 'heading', level: 2, text: words.findings() },
  ];
  if (!bundle.findings.length) blocks.push({ kind: 'paragraph', text: words.noFindings() });

  for (const finding of bundle.findings) {
    blocks.push(
      { kind: 'heading', level: 3, text: finding.title },
      { kind: 'paragraph', text: words.status({ status: words.statusWord(finding.status) }) },
    );
    for (const [label, text] of [
      [words.statement(), finding.statement],
      [words.characteristics(), finding.characteristics],
      [words.openQuestions(), finding.openQuestions],
    ] as const)
      if (text.trim()) blocks.push({ kind: 'paragraph', label, text });

    blocks.push({ kind: 'paragraph', label: words.evidence(), text: '' });
    if (!finding.cardIds.length) blocks.push({ kind: 'paragraph', text: words.noEvidence() });
    for (const cardId of finding.cardIds) {
      const coding = codings.get(cardId)!;
      const cited = finding.citations.indexOf(cardId);
      blocks.push({
        kind: 'quote',
        text: cited === -1 ? coding.quote : `[${cited + 1}] ${coding.quote}`,
        credit: creditOf(coding.sourceId),
      });
    }
    if (finding.withheldCardIds.length)
      blocks.push(
        { kind: 'paragraph', text: words.withheld({ count: finding.withheldCardIds.length }) },
        {
          kind: 'list',
          references: true,
          items: finding.withheldCardIds.map((cardId) =>
            words.withheldItem({
              source: words.sourceKind(withheld.get(cardId)?.source.kind ?? 'story'),
              card: cardId,
            }),
          ),
        },
      );

    const most = Math.max(1, ...finding.balance.byKnowledgeType.map(({ words }) => words));
    blocks.push({
      kind: 'chart',
      caption: words.balance(),
      rows: finding.balance.byKnowledgeType.map((entry) => ({
        label: words.knowledgeType(entry.knowledgeType),
        value: entry.words / most,
        note: words.balanceRow(entry),
      })),
    });
    if (finding.balance.livedExperienceMissing)
      blocks.push({ kind: 'paragraph', text: words.livedExperienceMissing() });

    blocks.push({ kind: 'paragraph', label: words.disagreements(), text: '' });
    blocks.push(
      finding.disagreements.length
        ? {
            kind: 'list',
            items: finding.disagreements.map(
              (entry) =>
                `${groupName(entry.groupId)} (${date(entry.recordedAt)}): ${entry.position}`,
            ),
          }
        : { kind: 'paragraph', text: words.noDisagreements() },
    );

    blocks.push({ kind: 'paragraph', label: words.validation(), text: '' });
    blocks.push(
      finding.validation.length
        ? {
            kind: 'table',
            header: [
              words.columnGroup(),
              words.columnRound(),
              words.columnReturned(),
              words.columnDecision(),
              words.columnComments(),
            ],
            rows: finding.validation.map((entry) => [
              groupName(entry.groupId),
              String(entry.round),
              date(entry.returnedAt),
              entry.decidedAt
                ? `${words.decision(entry.decision)} (${date(entry.decidedAt)})`
                : words.decision(entry.decision),
              entry.comments.join(' / '),
            ]),
          }
        : { kind: 'paragraph', text: words.noValidation() },
    );
  }

  blocks.push(...creditBlock(bundle, words, groupName), ...returns(bundle, words, groupName, date));
  blocks.push(...plainLanguage(bundle, words));
  return {
    language: bundle.language,
    direction: rtl.has(bundle.language) ? 'rtl' : 'ltr',
    title,
    blocks,
  };
}

/**
 * The MK-8 credit block of the whole report: every exported quote's person as they chose (a name
 * or pseudonym once), anonymous people as a count, groups by name.
 */
function creditBlock(
  bundle: ExportBundle,
  words: ReportWords,
  groupName: (id: string) => string,
): ReportBlock[] {
  const named = new Map<string, string>();
  const groupIds = new Set<string>();
  for (const finding of bundle.findings) {
    for (const person of finding.credits.people)
      named.set(
        `${person.credit}:${person.name}`,
        `${person.name} (${words.credit(person.credit)})`,
      );
    for (const id of finding.credits.groupIds) groupIds.add(id);
  }
  // Anonymous people across the whole report: each exported anonymous user once.
  const quoted = new Set(bundle.codings.map(({ sourceId }) => sourceId));
  const anonymousUsers = new Set(
    bundle.sources
      .filter(({ id }) => quoted.has(id))
      .map(({ userId }) => userId)
      .filter((userId) => bundle.users.find(({ id }) => id === userId)?.credit === 'anonymous'),
  );
  const anonymous = Math.max(
    anonymousUsers.size,
    ...bundle.findings.map((f) => f.credits.anonymous),
  );
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: words.credits() },
    { kind: 'paragraph', text: words.creditsIntro() },
  ];
  if (!named.size && !anonymous && !groupIds.size)
    return [...blocks, { kind: 'paragraph', text: words.creditsNone() }];
  if (named.size) blocks.push({ kind: 'list', items: [...named.values()] });
  if (anonymous)
    blocks.push({ kind: 'paragraph', text: words.creditsAnonymous({ count: anonymous }) });
  if (groupIds.size)
    blocks.push({
      kind: 'paragraph',
      text: words.creditsGroups({ groups: [...groupIds].map(groupName).join(', ') }),
    });
  return blocks;
}

/** MK-10: when each group received the findings, so the return is seen to come first. */
function returns(
  bundle: ExportBundle,
  words: ReportWords,
  groupName: (id: string) => string,
  date: (iso: string) => string,
): ReportBlock[] {
  const byGroup = new Map<string, { first: string; last: string; findings: Set<string> }>();
  const deciding = new Set<string>();
  for (const finding of bundle.findings)
    for (const entry of finding.validation) {
      deciding.add(entry.groupId);
      const seen = byGroup.get(entry.groupId) ?? {
        first: entry.returnedAt,
        last: entry.returnedAt,
        findings: new Set<string>(),
      };
      if (entry.returnedAt < seen.first) seen.first = entry.returnedAt;
      if (entry.returnedAt > seen.last) seen.last = entry.returnedAt;
      seen.findings.add(finding.id);
      byGroup.set(entry.groupId, seen);
    }
  const notYet = bundle.groups
    .filter(({ id, kind }) => kind !== 'synthesis' && !byGroup.has(id))
    .map(({ id }) => id);
  const rows = [...byGroup.entries()].map(([groupId, seen]) => [
    groupName(groupId),
    date(seen.first),
    date(seen.last),
    String(seen.findings.size),
  ]);
  for (const groupId of notYet) rows.push([groupName(groupId), words.notYetReturned(), '—', '0']);
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: words.returns() },
    { kind: 'paragraph', text: words.returnsIntro() },
    {
      kind: 'table',
      header: [
        words.columnGroup(),
        words.columnFirstReturn(),
        words.columnLastReturn(),
        words.columnFindings(),
      ],
      rows,
    },
  ];
  if (notYet.length || !deciding.size)
    blocks.push({
      kind: 'paragraph',
      text: words.returnsMissing({
        groups: notYet.length ? notYet.map(groupName).join(', ') : '—',
      }),
    });
  return blocks;
}

/** The plain-language version for the participants (MK-10): short sentences, their words. */
function plainLanguage(bundle: ExportBundle, words: ReportWords): ReportBlock[] {
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 2, text: words.plain() },
    { kind: 'paragraph', text: words.plainIntro() },
  ];
  for (const finding of bundle.findings) {
    blocks.push({ kind: 'heading', level: 3, text: finding.title });
    if (finding.statement.trim()) blocks.push({ kind: 'paragraph', text: finding.statement });
    const voices = finding.balance.byKnowledgeType.reduce((sum, { people }) => sum + people, 0);
    const latest = latestDecisions(finding);
    const sentences = [words.plainVoices({ count: voices })];
    if (latest.size)
      sentences.push(
        words.plainApproved({
          approved: [...latest.values()].filter((decision) => decision === 'approve').length,
          total: latest.size,
        }),
      );
    if (finding.disagreements.length)
      sentences.push(words.plainDisagreements({ count: finding.disagreements.length }));
    blocks.push({ kind: 'list', items: sentences });
  }
  blocks.push({ kind: 'paragraph', text: words.plainClosing() });
  return blocks;
}
