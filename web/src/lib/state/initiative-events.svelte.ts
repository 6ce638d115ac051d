import { invalidate } from '$app/navigation';
import { getSignIn } from './sign-in.svelte';
import {
  boardData,
  boardLists,
  cardList,
  codeList,
  initiativeData,
  sessionData,
  sessionList,
} from './dependencies';

/**
 * Reloads what the page shows whenever it may have changed in one of the given initiatives: the
 * server sends `changed` on `GET /api/initiatives/:id/events` (consent, withdrawal, supporters,
 * membership) without saying what changed, so every load that declared `initiativeData(id)` asks
 * the API again what this person may see. `session` (a stage opened, a decision recorded, a post
 * added) invalidates that session's view and the initiative's list of sessions; `cards` (a
 * card made, removed, coded or its source withdrawn) that space's cards and the codebook's
 * counts; `codebook` the codebook.
 *
 * Call it while a component initialises; the streams close when the component is destroyed or
 * the list of initiatives changes. `board` (a board made; a finding made, returned, decided; a
 * card of the board withdrawn) invalidates that board's view and the lists of boards. After a lost connection comes back, the browser reconnects by
 * itself and the initiative's data reloads once, for whatever happened meanwhile.
 */
export function reloadOnChanges(initiativeIds: () => readonly string[]) {
  const events = getSignIn().api.api.initiatives[':initiativeId'].events;
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
        const changed = () => void invalidate(initiativeData(initiativeId));
        source.addEventListener('changed', changed);
        source.addEventListener('session', (event) => {
          void invalidate(sessionData(event.data));
          void invalidate(sessionList(initiativeId));
          // A session starting makes its boards, which its spaces list.
          void invalidate(boardLists(initiativeId));
        });
        source.addEventListener('board', (event) => {
          void invalidate(boardData(event.data));
          // The board may be new (a session's, made as its stage opened): its space lists it.
          void invalidate(boardLists(initiativeId));
        });
        source.addEventListener('cards', (event) => {
          void invalidate(cardList(event.data));
          void invalidate(codeList(initiativeId));
        });
        source.addEventListener('codebook', () => {
          void invalidate(codeList(initiativeId));
        });
        source.addEventListener('open', () => {
          if (opened) changed();
          opened = true;
        });
        return source;
      });
    return () => sources.forEach((source) => source.close());
  });
}
