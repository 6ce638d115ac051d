import type { Account, InsightCard, Space } from '@mizug/domain';
import type { Database, Queryable } from '../../db/database';
import { findCard, listCardsInSpace, type StoredCard } from '../../db/repositories/insight-cards';
import { findSpace, listSpaces } from '../../db/repositories/initiatives';
import { AppError } from '../../errors';
import { loadActor } from '../../policy/actor';
import { authorize } from '../../policy/authorize';
import { can, type Actor } from '../../policy/policy';
import { spaceResource } from '../../policy/resources';
import { cardResource, cardView, type CardResource } from './present';
import { loadCardSource, type LoadedSource } from './sources';

/** A card, its source as it is now and the caller, before any check (callers authorize). */
export async function loadCard(db: Queryable, account: Account, cardId: string) {
  const card = await findCard(db, cardId);
  if (!card) throw new AppError('not_found');
  const actor = await loadActor(db, account, card.initiativeId);
  const spaces = new Map((await listSpaces(db, card.initiativeId)).map((s) => [s.id, s]));
  const source = await loadCardSource(db, account, actor, card.source, card.storyId ?? undefined);
  if (!source) throw new AppError('not_found');
  const resource = cardResource(card, spaces.get(card.spaceId)!, source);
  return { card, actor, source, spaces, resource };
}

/** A card, its source as it is now and the caller, after checking the caller may `action` it. */
export async function cardFor(
  db: Queryable,
  account: Account,
  cardId: string,
  action: 'read' | 'write' | 'manage',
) {
  const found = await loadCard(db, account, cardId);
  authorize(found.actor, action, found.resource);
  return found;
}

export async function readCard(db: Database, account: Account, cardId: string) {
  const { card, actor, source, spaces } = await cardFor(db, account, cardId, 'read');
  return cardView(card, source, spaces, actor);
}

/** The cards made in a space that the caller may read, oldest first. */
export async function listCards(
  db: Database,
  account: Account,
  spaceId: string,
): Promise<InsightCard[]> {
  const space = await findSpace(db, spaceId);
  if (!space) throw new AppError('not_found');
  const actor = await loadActor(db, account, space.initiativeId);
  authorize(actor, 'read', spaceResource(space));
  return (await readableCards(db, account, actor, space)).map(({ view }) => view);
}

/** A card the caller may read, with its source as it is now and the view they get. */
export interface ReadableCard {
  card: StoredCard;
  source: LoadedSource;
  view: InsightCard;
}

/** The cards made in `space` that `actor` may read, oldest first (a board's cards, too). */
export async function readableCards(
  db: Queryable,
  account: Account,
  actor: Actor,
  space: Space,
): Promise<ReadableCard[]> {
  const spaces = new Map((await listSpaces(db, space.initiativeId)).map((s) => [s.id, s]));
  // Cards quoting one source share its lookup.
  const sources = new Map<string, Promise<LoadedSource | undefined>>();
  const readable: ReadableCard[] = [];
  for (const card of await listCardsInSpace(db, space.id)) {
    const key = JSON.stringify(card.source);
    if (!sources.has(key))
      sources.set(key, loadCardSource(db, account, actor, card.source, card.storyId ?? undefined));
    const source = await sources.get(key)!;
    if (source && can(actor, 'read', cardResource(card, space, source) satisfies CardResource))
      readable.push({ card, source, view: cardView(card, source, spaces, actor) });
  }
  return readable;
}
