import { parseBuffer } from 'music-metadata';
import { webmHeaderEnd } from './webm-body';

/** What a browser's MediaRecorder produces: WebM (Chromium, Firefox), Ogg, or MP4 (Safari). */
export type RecordingMime = 'audio/webm' | 'audio/ogg' | 'audio/mp4';

/** A few minutes of Opus at MediaRecorder's usual bit rates fit well within this. */
export const recordingLimits = { maxUploadBytes: 20 * 1024 * 1024 } as const;

export type RecordingRejection = 'recording_too_large' | 'recording_not_audio';

export class RecordingRejected extends Error {
  constructor(readonly reason: RecordingRejection) {
    super(reason);
    this.name = 'RecordingRejected';
  }
}

/** Containers as music-metadata names them (`EBML/webm`, `Ogg`, `M4A/isom/iso2`). */
const containers: [RegExp, RecordingMime][] = [
  [/^EBML\/webm$/, 'audio/webm'],
  [/^Ogg$/, 'audio/ogg'],
  [/^(M4A|mp4|isom|iso\d|mp4\d)(\/|$)/i, 'audio/mp4'],
];
/** The codecs MediaRecorder records speech with. */
const audioCodecs = /^(opus|vorbis|mpeg-4\/aac)$/i;

/**
 * The container of an uploaded recording, decided by parsing it (music-metadata) rather than by
 * its name, the type the browser claims or its first bytes: it must be WebM, Ogg or MP4 holding
 * an Opus, Vorbis or AAC audio track and no video. Anything else (a WebM header followed by a
 * web page, say) is refused.
 */
export async function recordingMime(bytes: Uint8Array): Promise<RecordingMime> {
  if (bytes.byteLength > recordingLimits.maxUploadBytes) {
    throw new RecordingRejected('recording_too_large');
  }
  // A WebM's body is walked here (webm-body.ts); music-metadata reads its header and tracks.
  const isEbml = [0x1a, 0x45, 0xdf, 0xa3].every((byte, index) => bytes[index] === byte);
  const headerEnd = isEbml ? webmHeaderEnd(bytes) : bytes.byteLength;
  if (headerEnd === null) throw new RecordingRejected('recording_not_audio');
  let format;
  try {
    ({ format } = await parseBuffer(bytes.subarray(0, headerEnd), undefined, {
      duration: false,
      skipCovers: true,
    }));
  } catch {
    throw new RecordingRejected('recording_not_audio');
  }
  const mime = containers.find(([pattern]) => pattern.test(format.container ?? ''))?.[1];
  const hasVideo = format.trackInfo.some((track) => track.video !== undefined);
  if (!mime || hasVideo || !audioCodecs.test(format.codec ?? '') || !format.numberOfChannels) {
    throw new RecordingRejected('recording_not_audio');
  }
  return mime;
}
