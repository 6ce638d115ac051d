/**
 * The part of a body a `Range: bytes=…` header asks for (one range; players ask for one).
 * `undefined`: no usable Range header, send it all; `null`: the range cannot be satisfied.
 * Audio players seek with ranges, and Safari plays nothing without them.
 */
export function requestedRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | undefined {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return undefined;
  // "bytes=-N" asks for the last N bytes.
  const start = first === '' ? Math.max(size - Number(last), 0) : Number(first);
  const end = first === '' || last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start > end || start >= size) return null;
  return { start, end };
}
