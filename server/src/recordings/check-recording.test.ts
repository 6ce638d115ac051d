import { describe, expect, it } from 'vitest';
import { recordingLimits, recordingMime, RecordingRejected } from './check-recording';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : part,
    ),
  );
const reason = (input: Uint8Array) => {
  try {
    recordingMime(input);
    return 'accepted';
  } catch (error) {
    return (error as RecordingRejected).reason;
  }
};

describe('recordingMime', () => {
  it('names the container of what browsers record, whatever the file was called', () => {
    expect(recordingMime(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f], 'webm'))).toBe('audio/webm');
    expect(recordingMime(bytes('OggS', [0, 2]))).toBe('audio/ogg');
    expect(recordingMime(bytes([0, 0, 0, 0x20], 'ftypM4A '))).toBe('audio/mp4');
  });

  it('refuses a script, a picture or an empty file as not audio', () => {
    expect(reason(bytes('<script>alert(1)</script>'))).toBe('recording_not_audio');
    expect(reason(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('recording_not_audio');
    expect(reason(new Uint8Array())).toBe('recording_not_audio');
  });

  it('refuses a recording over the size limit', () => {
    const large = new Uint8Array(recordingLimits.maxUploadBytes + 1);
    large.set([0x1a, 0x45, 0xdf, 0xa3]);
    expect(reason(large)).toBe('recording_too_large');
  });
});
