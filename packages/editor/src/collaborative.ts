import type { AnyExtension } from '@tiptap/core';
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

export interface CollaborativeOptions {
  /**
   * The document's field this editor edits (default `richTextField`). Several editors can share
   * one document, a field each: a board's findings each have a statement, characteristics and
   * open questions.
   */
  field?: string;
  /**
   * Show everyone's carets (default true). Off where several editors share one document: its
   * awareness holds one caret per person, which the editors would take from each other.
   */
  carets?: boolean;
  /** Extensions that stand in for the shared ones of the same name (a node view in the page). */
  replacing?: AnyExtension[];
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
  { field = richTextField, carets = true, replacing = [] }: CollaborativeOptions = {},
) {
  const extensions = documentExtensions.map(
    (extension) => replacing.find((other) => other.name === extension.name) ?? extension,
  );
  return [
    ...extensions,
    Collaboration.configure({ document: doc, field }),
    ...(carets
      ? [
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
        ]
      : []),
  ];
}
