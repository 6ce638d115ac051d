import { untrack } from 'svelte';
import { getSession } from './session.svelte';

/**
 * Calls `onChanged` whenever who may read what changes in one of the given initiatives (consent,
 * withdrawal, supporters, membership), so the page asks the API again for what it shows. The
 * server sends `changed` on `GET /api/initiatives/:id/events` without saying what changed: the
 * API decides again what this person may see.
 *
 * Call it while a component initialises; the streams close when the component is destroyed or
 * the list of initiatives changes. After a lost connection comes back, the browser reconnects by
 * itself and `onChanged` runs once, for whatever happened meanwhile.
 *
 * `onSession`, when given, runs with a method session's id whenever that session moves on (the
 * server's `session` event: a stage opened, a decision recorded, a post added).
 */
export function onInitiativeChanged(
  initiativeIds: () => readonly string[],
  onChanged: () => void,
  onSession?: (sessionId: string) => void,
) {
  const events = getSession().api.api.initiatives[':initiativeId'].events;
  // A string, so reloading the same initiative does not reopen its stream.
  const watched = $derived(
    initiativeIds()
      .filter((id, index, all) => all.indexOf(id) === index)
      .sort()
      .join(' '),
  );

  $effect(() => {
    const sources = watched
      .split(' ')
      .filter(Boolean)
      .map((initiativeId) => {
        const source = new EventSource(events.$url({ param: { initiativeId } }));
        let opened = false;
        source.addEventListener('changed', () => untrack(onChanged));
        if (onSession)
          source.addEventListener('session', (event) => untrack(() => onSession(event.data)));
        source.addEventListener('open', () => {
          if (opened) untrack(onChanged);
          opened = true;
        });
        return source;
      });
    return () => sources.forEach((source) => source.close());
  });
}
