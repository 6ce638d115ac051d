import type { WordUseFinding } from '@mizug/domain';
import type { Database } from '../../db/database';

/**
 * The findings holding or citing each of these cards, by card id.
 * TODO(boards-api): read them from the boards' findings once its repositories are on main.
 */
export async function findingsOfCards(
  _db: Database,
  _initiativeId: string,
  _cardIds: readonly string[],
): Promise<Map<string, WordUseFinding[]>> {
  return new Map();
}
