import * as Y from 'yjs';
import { documentSchema, richTextField } from './schema';

const nodeNames = new Set(
  Object.keys(documentSchema.nodes).filter((name) => name !== 'doc' && name !== 'text'),
);
const markNames = new Set(Object.keys(documentSchema.marks));
const attributeNames = new Set(
  Object.values(documentSchema.nodes).flatMap((node) => Object.keys(node.spec.attrs ?? {})),
);

/** Why a decoded item does not belong in a rich-text document, or null when it does. */
function refusal(item: Y.Item): string | null {
  if (typeof item.parent === 'string' && item.parent !== richTextField) {
    return `a root type "${item.parent}" next to the rich text`;
  }
  const content = item.content;
  if (content instanceof Y.ContentString || content instanceof Y.ContentDeleted) return null;
  if (content instanceof Y.ContentFormat) {
    return markNames.has(content.key) ? null : `the mark "${content.key}"`;
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

/**
 * Checks a Yjs update against the rich-text schema before the server applies it: only the
 * editor's nodes, marks and attributes, in its one fragment. Returns what is refused, or null.
 * (Tiptap refuses the same in the browser; this stops a client that is not Tiptap.)
 */
export function richTextUpdateRefusal(update: Uint8Array): string | null {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const reason = refusal(struct);
    if (reason) return reason;
  }
  return null;
}
