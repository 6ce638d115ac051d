/**
 * The EBML structure of a WebM recording's body, checked element by element. music-metadata
 * reads the header and tracks, but (11.x, the last for Node 20) fails on the clusters of unknown
 * size that Chromium's MediaRecorder writes; this walk reads those clusters and refuses anything
 * that is not made of WebM's own elements (a web page behind a real header, say).
 */

const EBML = 0x1a45dfa3;
const SEGMENT = 0x18538067;
const CLUSTER = 0x1f43b675;
/** Segment children: SeekHead, Info, Tracks, Cues, Tags, Chapters, Attachments, Void. */
const segmentChildren = new Set([
  0x114d9b74, 0x1549a966, 0x1654ae6b, 0x1c53bb6b, 0x1254c367, 0x1043a770, 0x1941a469, 0xec,
]);
/** Cluster children: Timestamp, SimpleBlock, BlockGroup, Position, PrevSize, Void. */
const clusterChildren = new Set([0xe7, 0xa3, 0xa0, 0xa7, 0xab, 0xec]);

interface Element {
  id: number;
  /** Null for an element of unknown size (it runs until a sibling or parent starts). */
  size: number | null;
  /** Where its content starts. */
  start: number;
}

/** Reads one element header at `at`, or null when the bytes do not hold one. */
function readElement(bytes: Uint8Array, at: number): Element | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const idLength = Math.clz32(first) - 23;
  if (idLength > 4 || at + idLength > bytes.length) return null;
  let id = 0;
  for (let i = 0; i < idLength; i++) id = id * 256 + bytes[at + i]!;
  const sizeAt = at + idLength;
  const sizeFirst = bytes[sizeAt];
  if (sizeFirst === undefined || sizeFirst === 0) return null;
  const sizeLength = Math.clz32(sizeFirst) - 23;
  if (sizeAt + sizeLength > bytes.length) return null;
  let size = sizeFirst & (0xff >> sizeLength);
  let unknown = size === 0xff >> sizeLength;
  for (let i = 1; i < sizeLength; i++) {
    const byte = bytes[sizeAt + i]!;
    size = size * 256 + byte;
    unknown &&= byte === 0xff;
  }
  return { id, size: unknown ? null : size, start: sizeAt + sizeLength };
}

/**
 * Where the first cluster of a well-formed WebM starts (what music-metadata should read is before
 * it), or null when the body is not WebM's elements throughout.
 */
export function webmHeaderEnd(bytes: Uint8Array): number | null {
  const header = readElement(bytes, 0);
  if (header?.id !== EBML || header.size === null) return null;
  const segment = readElement(bytes, header.start + header.size);
  if (segment?.id !== SEGMENT) return null;
  const end = segment.size === null ? bytes.length : segment.start + segment.size;
  if (end > bytes.length) return null;
  let firstCluster: number | null = null;
  let inCluster = false;
  let at = segment.start;
  while (at < end) {
    const element = readElement(bytes, at);
    if (!element) return null;
    if (element.id === CLUSTER) {
      firstCluster ??= at;
      // A cluster's children follow its header, whether its size is known or not.
      inCluster = true;
      at = element.start;
      continue;
    }
    const allowed =
      segmentChildren.has(element.id) || (inCluster && clusterChildren.has(element.id));
    if (!allowed || element.size === null || element.start + element.size > end) return null;
    if (segmentChildren.has(element.id) && element.id !== 0xec) inCluster = false;
    at = element.start + element.size;
  }
  return firstCluster ?? end;
}
