/** The schemes a link in a document may use: web pages and e-mail, never `javascript:` or `data:`. */
export const linkProtocols: readonly string[] = ['http:', 'https:', 'mailto:'];

/**
 * Whether `href` may be a link's target: an absolute URL with one of `linkProtocols`. The URL
 * parser reads it as a browser would (so `java\tscript:` or ` javascript:` are caught too).
 */
export function isAllowedLink(href: unknown): boolean {
  if (typeof href !== 'string') return false;
  try {
    return linkProtocols.includes(new URL(href).protocol);
  } catch {
    return false;
  }
}
