import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import type * as Y from 'yjs';
import { documentExtensions, richTextField } from './schema';

/** The part of a y-websocket (or compatible) provider that carets need. */
interface AwarenessProvider {
  awareness: unknown;
}

export interface CaretUser {
  /** Null for someone who stays anonymous here (the server decides the name, not the client). */
  name: string | null;
  color: string;
}

/**
 * The document's extensions bound to a shared Yjs document, with everyone's carets shown;
 * `anonymousName` labels the caret of someone whose name is withheld.
 */
export function collaborativeExtensions(
  doc: Y.Doc,
  provider: AwarenessProvider,
  user: CaretUser,
  anonymousName: string,
) {
  return [
    ...documentExtensions,
    Collaboration.configure({ document: doc, field: richTextField }),
    CollaborationCaret.configure({
      provider,
      user,
      render: (other: Record<string, unknown>) => {
        const caret = document.createElement('span');
        caret.classList.add('collaboration-carets__caret');
        caret.style.borderColor = String(other.color);
        const label = document.createElement('span');
        label.classList.add('collaboration-carets__label');
        label.style.backgroundColor = String(other.color);
        label.textContent = typeof other.name === 'string' ? other.name : anonymousName;
        caret.append(label);
        return caret;
      },
    }),
  ];
}
