import { AppError } from '../errors';
import { can, type Action, type Actor, type Resource } from './policy';

/**
 * Throws unless `can` allows. What the actor may not even see is 404, exactly as if it did not
 * exist, so a denial never tells an outsider that an initiative, a peer space or a story is there; an
 * action refused on something the actor can see is 403.
 */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  if (can(actor, action, resource)) return;
  if (resource.kind === 'instance') throw new AppError('forbidden');
  const seesInitiative = can(actor, 'read', {
    kind: 'initiative',
    initiativeId: resource.initiativeId,
  });
  // What someone would create does not exist yet: only the initiative's visibility counts.
  const seesResource =
    action === 'create' ||
    !['space', 'story', 'session', 'canvas', 'post', 'card', 'board', 'finding'].includes(
      resource.kind,
    ) ||
    can(actor, 'read', resource);
  throw new AppError(seesInitiative && seesResource ? 'forbidden' : 'not_found');
}
