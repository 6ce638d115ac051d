import { textRefusal } from '@mizug/domain/text';
import * as Y from 'yjs';
import { isAllowedLink } from './links';
import { documentSchema, richTextField } from './schema';

const nodeNames = new Set(
  Object.keys(documentSchema.nodes).filter((name) => name !== 'doc' && name !== 'text'),
);
const markNames = new Set(Object.keys(documentSchema.marks));
const attributeNames = new Set(
  Object.values(documentSchema.nodes).flatMap((node) => Object.keys(node.spec.attrs ?? {})),
);

/** Every string a decoded item carries: its text, and the values of its attributes and marks. */
function* itemStrings(item: Y.Item): Generator<string> {
  const content = item.content;
  if (content instanceof Y.ContentString) yield content.str;
  else if (content instanceof Y.ContentFormat) yield* jsonStrings(content.value);
  else if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON)
    for (const value of content.arr) yield* jsonStrings(value);
  if (item.parentSub !== null) yield item.parentSub;
}

function* jsonStrings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const entry of value) yield* jsonStrings(entry);
  else if (value && typeof value === 'object')
    for (const [key, entry] of Object.entries(value)) {
      yield key;
      yield* jsonStrings(entry);
    }
}

/** The text rules of `@mizug/domain` (no NUL, controls, broken characters or overrides). */
export function textItemRefusal(item: Y.Item): string | null {
  for (const text of itemStrings(item)) {
    const rule = textRefusal(text);
    if (rule) return `text breaking ${rule}`;
  }
  return null;
}

/**
 * Why a decoded item does not belong in a rich-text document, or null when it does.
 * `isField` says which root fragments hold rich text (a plain document: only `default`).
 */
export function richTextRefusal(
  item: Y.Item,
  isField: (name: string) => boolean = (name) => name === richTextField,
): string | null {
  if (typeof item.parent === 'string' && !isField(item.parent)) {
    return `a root type "${item.parent}" next to the rich text`;
  }
  const content = item.content;
  // Text lives in a paragraph's text node; strings straight in the fragment are no document.
  if (content instanceof Y.ContentString && typeof item.parent === 'string')
    return 'text outside a paragraph';
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentFormat) {
    if (!markNames.has(content.key)) return `the mark "${content.key}"`;
    // A link's value is its attributes, or null where the link ends.
    const href = (content.value as { href?: unknown } | null)?.href;
    if (content.key === 'link' && content.value !== null && !isAllowedLink(href))
      return 'a link that is not http:, https: or mailto:';
    return null;
  }
  if (content instanceof Y.ContentType) {
    const type = content.type;
    if (type instanceof Y.XmlText) return null;
    if (type instanceof Y.XmlElement && nodeNames.has(type.nodeName)) return null;
    return type instanceof Y.XmlElement ? `the node "${type.nodeName}"` : 'a non-XML shared type';
  }
  // Element attributes are values keyed by the attribute's name.
  if (content instanceof Y.ContentAny && item.parentSub !== null) {
    return attributeNames.has(item.parentSub) ? null : `the attribute "${item.parentSub}"`;
  }
  return `content of type ${content.constructor.name}`;
}

/** The first refusal any check gives an item of `update`, or null. */
export function firstRefusal(
  update: Uint8Array,
  ...checks: ((item: Y.Item) => string | null)[]
): string | null {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    for (const check of checks) {
      const reason = check(struct);
      if (reason) return reason;
    }
  }
  return null;
}

/**
 * Checks a Yjs update of any document against the text rules every text field follows, before
 * the server applies it. Returns what is refused, or null.
 */
export function textUpdateRefusal(update: Uint8Array): string | null {
  return firstRefusal(update, textItemRefusal);
}

/**
 * Checks a Yjs update against the rich-text schema before the server applies it: only the
 * editor's nodes, marks and attributes, in its one fragment, links to the web or e-mail only,
 * and text that follows the text rules. Returns what is refused, or null.
 * (Tiptap refuses the same in the browser; this stops a client that is not Tiptap.)
 */
export function richTextUpdateRefusal(update: Uint8Array): string | null {
  return firstRefusal(update, (item) => richTextRefusal(item), textItemRefusal);
}
