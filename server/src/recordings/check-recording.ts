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

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/**
 * The container of an uploaded recording, decided by its bytes rather than its name or the
 * type the browser claims; anything else is refused.
 */
export function recordingMime(bytes: Uint8Array): RecordingMime {
  if (bytes.byteLength > recordingLimits.maxUploadBytes) {
    throw new RecordingRejected('recording_too_large');
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'audio/webm';
  if (startsWith(bytes, ascii('OggS'))) return 'audio/ogg';
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'audio/mp4';
  throw new RecordingRejected('recording_not_audio');
}
