/** Caret colours that stay legible on the light background. */
const palette = ['#b3261e', '#1d6b3a', '#0b57d0', '#8a4b00', '#7b1fa2', '#00696b', '#a0005c'];

/**
 * The caret colour of one participant in one document, from the document's name and the
 * participant's awareness client id (random for each open document). Never from the account:
 * the same colour in two documents must not tell that one person is in both.
 */
export function presenceColor(docName: string, clientId: number): string {
  let hash = 0;
  for (const char of `${docName}:${clientId}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length]!;
}
