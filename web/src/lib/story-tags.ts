/**
 * Tags as a teller types them, one text: commas in Latin script and in Arabic script both
 * separate tags; spaces around them and empty ones are dropped.
 */
export function parseTags(text: string): string[] {
  return text
    .split(/[,،]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}
