import * as m from '@mizug/i18n/messages';
import { setAriaStrings } from 'svelte-dnd-action';

/**
 * What svelte-dnd-action tells a screen reader during a keyboard drag, in the page's language.
 * The setting is global to the document: the board page sets it when it opens.
 */
export function translateDragAnnouncements() {
  setAriaStrings({
    dragStarted: ({ itemLabel, zoneLabel }) =>
      m.board_aria_drag_started({ item: itemLabel, zone: zoneLabel }),
    movedToPosition: ({ itemLabel, zoneLabel, position, count }) =>
      m.board_aria_moved_to_position({ item: itemLabel, zone: zoneLabel, position, count }),
    movedToZoneEnd: ({ itemLabel, zoneLabel }) =>
      m.board_aria_moved_to_zone_end({ item: itemLabel, zone: zoneLabel }),
    movedToZoneStart: ({ itemLabel, zoneLabel }) =>
      m.board_aria_moved_to_zone_start({ item: itemLabel, zone: zoneLabel }),
    dropped: ({ itemLabel, zoneLabel, position, count }) =>
      m.board_aria_dropped({ item: itemLabel, zone: zoneLabel, position, count }),
    zoneActiveInstruction: m.board_aria_instruction(),
    zoneDragDisabledInstruction: m.board_aria_disabled(),
  });
}
