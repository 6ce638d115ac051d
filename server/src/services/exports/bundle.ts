import type { Account, Code, Space } from '@mizug/domain';
import {
  exportableText,
  exportBundleSchema,
  quoteRange,
  type ExportBundle,
  type ExportCoding,
  type ExportScope,
  type ExportSource,
  type ExportUser,
  type WithheldQuote,
} from '@mizug/exporters';
import * as m from '@mizug/i18n/messages';
import type { Locale } from '@mizug/i18n/runtime';
import type { Database } from '../../db/database';
import { listCodes } from '../../db/repositories/codes';
import { findInitiative, listSpaces } from '../../db/repositories/initiatives';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { cardSourceReadResource } from '../../policy/card-sources';
import { can } from '../../policy/policy';
import { version } from '../../version';
import { readableCards, type ReadableCard } from '../cards/read';
import { sourceText } from '../cards/sources';
import { findingReportParts } from './report-parts';
import { codesInScope, scopeFilter, synthesisOf } from './scope';

const builtInSpaceName: Record<Space['kind'], (i: object, o: { locale: Locale }) => string> = {
  lived_experience: m.space_lived_experience,
  practitioners: m.space_practitioners,
  synthesis: m.space_synthesis,
  peer: m.space_peer,
};

/** The word for each kind of source, shared by the bundle, the CSV and the report. */
export const sourceKindWord = {
  story: m.export_source_story,
  photo: m.export_source_photo,
  transcript: m.export_source_transcript,
  canvas: m.export_source_canvas,
  post: m.export_source_post,
  release: m.export_source_release,
} as const;

/** A code's name in the export's language, or in the first language it has. */
const inLanguage = (texts: Code['name'], locale: Locale) =>
  texts[locale] ?? texts.he ?? texts.ar ?? texts.en ?? null;

/** Code names made unique (QualCoder drops a duplicate with its codings): a number is added. */
function uniqueNames(codes: readonly Code[], locale: Locale) {
  const taken = new Set<string>();
  return new Map(
    codes.map((code) => {
      const base = exportableText(inLanguage(code.name, locale) ?? '').trim() || '—';
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
      taken.add(name);
      return [code.id, name];
    }),
  );
}

/** The Mizug source a card quotes, as one key (a released item is one item of its release). */
const sourceKey = ({ card }: ReadableCard) =>
  `${card.source.kind}:${card.source.id}:${card.source.kind === 'release' ? card.source.item : ''}`;

const sourceRef = ({ card }: ReadableCard): ExportSource['ref'] =>
  card.source.kind === 'release'
    ? { kind: 'release', id: card.source.id, item: card.source.item }
    : { kind: card.source.kind, id: card.source.id };

/**
 * The export bundle of an initiative, as `account` may export it. Consent by construction:
 * - only the synthesis space's cards and findings (a peer space's own work is never exported;
 *   what a group released, or a teller shared with the working group, is quoted there);
 * - a card only when its words may leave (not withdrawn; quoting needs no asking, or approved);
 *   an "ask me first" quote not yet answered is listed by reference, without its text;
 * - a source's whole text only when its words need no asking and the exporter may read it all;
 *   otherwise the source is the quote alone;
 * - people as their card credits them; export-made ids, never an account id or handle.
 * `scope` narrows it to one session's or one finding's cards, findings, sources and codes.
 */
export async function buildExportBundle(
  db: Database,
  account: Account,
  initiativeId: string,
  {
    scope = { kind: 'initiative' },
    exportedAt = new Date(),
  }: { scope?: ExportScope; exportedAt?: Date } = {},
): Promise<ExportBundle> {
  const actor = await loadActor(db, account, initiativeId);
  authorize(actor, 'read', { kind: 'initiative', initiativeId });
  authorize(actor, 'read', { kind: 'export', initiativeId });
  const initiative = (await findInitiative(db, initiativeId, account.id))!;
  const locale = initiative.languages[0] ?? 'en';
  const spaces = await listSpaces(db, initiativeId);
  const spaceName = (space: Space) =>
    exportableText(space.name ?? builtInSpaceName[space.kind]({}, { locale }));

  const { synthesis, synthesisBoards, synthesisFindings } = await synthesisOf(
    db,
    account,
    actor,
    initiativeId,
    spaces,
  );
  const inScope = await scopeFilter(db, initiativeId, scope, synthesisBoards, synthesisFindings);

  const cards: ReadableCard[] = [];
  for (const space of synthesis)
    for (const entry of await readableCards(db, account, actor, space))
      if (!inScope.cardIds || inScope.cardIds.has(entry.card.id)) cards.push(entry);

  const users = new Map<string, ExportUser>();
  const userFor = (entry: ReadableCard): string => {
    const { source, view } = entry;
    // A teller credited otherwise on another story is another user: an anonymous story is
    // never linked to the same teller's name or pseudonym.
    const key = source.story
      ? `teller:${source.story.tellerId}:${view.credit.credit}:${view.credit.name ?? ''}`
      : view.credit.credit === 'group'
        ? `group:${source.groupSpaceId}`
        : `author:${source.groupSpaceId}:${view.credit.name}`;
    if (!users.has(key)) {
      const group = view.credit.credit === 'group' ? view.group : null;
      users.set(key, {
        id: crypto.randomUUID(),
        credit: view.credit.credit,
        name:
          view.credit.credit === 'anonymous'
            ? null
            : group
              ? spaceName(spaces.find(({ id }) => id === group.spaceId)!)
              : exportableText(view.credit.name ?? ''),
        groupId: group?.spaceId ?? null,
      });
    }
    return users.get(key)!.id;
  };

  const sources = new Map<string, ExportSource>();
  const codings: ExportCoding[] = [];
  const withheld: WithheldQuote[] = [];
  const fullTexts = new Map<string, Promise<string>>();
  for (const entry of cards) {
    const { card, source, view } = entry;
    if (view.withdrawn) continue;
    if (view.quoteConsent === 'pending') {
      withheld.push({
        cardId: card.id,
        source: sourceRef(entry),
        groupId: source.groupSpaceId,
        consent: 'pending',
      });
      continue;
    }
    if (!view.exportable || view.quote === null) continue;
    const consent = view.quoteConsent === 'approved' ? 'approved' : 'not_needed';
    const quote = exportableText(view.quote);
    const key = sourceKey(entry);
    const kindName = sourceKindWord[card.source.kind]({}, { locale });
    const baseName = exportableText(source.story ? `${kindName}: ${source.story.title}` : kindName);
    const userId = userFor(entry);
    // The whole text only for words that need no asking and that this exporter may read whole.
    const whole =
      consent === 'not_needed' && can(actor, 'read', cardSourceReadResource(source.resource));
    let placed: { source: ExportSource; start: number; end: number } | null = null;
    if (whole) {
      if (!fullTexts.has(key))
        fullTexts.set(
          key,
          Promise.resolve(sourceText(db, source)).then((text) => exportableText(text)),
        );
      const text = await fullTexts.get(key)!;
      const range = quoteRange(text, quote);
      if (range) {
        if (!sources.has(key))
          sources.set(key, {
            id: crypto.randomUUID(),
            ref: sourceRef(entry),
            name: baseName,
            groupId: source.groupSpaceId,
            userId,
            text,
            excerpt: false,
          });
        placed = { source: sources.get(key)!, ...range };
      }
    }
    if (!placed) {
      const excerpt: ExportSource = {
        id: crypto.randomUUID(),
        ref: sourceRef(entry),
        name: m.export_source_excerpt({ source: baseName }, { locale }),
        groupId: source.groupSpaceId,
        userId,
        text: quote,
        excerpt: true,
      };
      sources.set(`excerpt:${card.id}`, excerpt);
      placed = { source: excerpt, start: 0, end: [...quote].length };
    }
    codings.push({
      cardId: card.id,
      sourceId: placed.source.id,
      start: placed.start,
      end: placed.end,
      quote,
      codeIds: view.codeIds,
      knowledgeType: view.knowledgeType,
      consent,
      createdAt: view.createdAt,
    });
  }

  const exported = new Set(codings.map(({ cardId }) => cardId));
  const held = new Set(withheld.map(({ cardId }) => cardId));
  const findings: ExportBundle['findings'] = [];
  for (const finding of synthesisFindings) {
    if (inScope.findingIds && !inScope.findingIds.has(finding.id)) continue;
    findings.push({
      id: finding.id,
      title: exportableText(finding.title),
      status: finding.status,
      statement: exportableText(finding.statement),
      characteristics: exportableText(finding.characteristics),
      openQuestions: exportableText(finding.openQuestions),
      cardIds: finding.cards.map(({ id }) => id).filter((id) => exported.has(id)),
      withheldCardIds: finding.cards.map(({ id }) => id).filter((id) => held.has(id)),
      ...(await findingReportParts(db, account, finding)),
    });
  }

  const allCodes = await listCodes(db, initiativeId);
  const codes =
    scope.kind === 'initiative'
      ? allCodes
      : codesInScope(
          allCodes,
          codings.flatMap(({ codeIds }) => codeIds),
        );
  const codeNames = uniqueNames(codes, locale);
  const groupIds = new Set([
    ...[...sources.values()].map(({ groupId }) => groupId),
    ...withheld.map(({ groupId }) => groupId),
    // The groups a finding credits, that decided on it or whose position it keeps.
    ...findings.flatMap((finding) => [
      ...finding.credits.groupIds,
      ...finding.validation.map(({ groupId }) => groupId),
      ...finding.disagreements.map(({ groupId }) => groupId),
    ]),
  ]);
  return exportBundleSchema.parse({
    format: 'mizug-export',
    version: 1,
    origin: `Mizug ${version}`,
    exportedAt: exportedAt.toISOString(),
    language: locale,
    initiative: { id: initiative.id, name: exportableText(initiative.name) },
    scope,
    groups: spaces
      .filter(({ id }) => groupIds.has(id))
      .map((space) => ({ id: space.id, kind: space.kind, name: spaceName(space) })),
    users: [...users.values()],
    sources: [...sources.values()],
    codes: codes.map((code) => ({
      id: code.id,
      parentId: code.parentId,
      name: codeNames.get(code.id)!,
      description: (() => {
        const description = inLanguage(code.description, locale);
        return description === null ? null : exportableText(description);
      })(),
      colour: code.colour.toLowerCase(),
    })),
    codings,
    findings,
    withheld,
  } satisfies ExportBundle);
}
