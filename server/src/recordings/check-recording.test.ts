import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordingLimits, recordingMime, RecordingRejected } from './check-recording';

/** Short recordings as MediaRecorder makes them (WebM written as a live stream, Ogg, MP4). */
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/recordings/${name}`, import.meta.url)));
const text = (words: string) => new TextEncoder().encode(words);
const joined = (...parts: Uint8Array[]) => {
  const bytes = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
};
const reason = async (input: Uint8Array) => {
  try {
    await recordingMime(input);
    return 'accepted';
  } catch (error) {
    return (error as RecordingRejected).reason;
  }
};
const page = text('<html><script>alert(document.cookie)</script></html>'.repeat(20));

describe('recordingMime', () => {
  it('names the container of what browsers record, whatever the file was called', async () => {
    expect(await recordingMime(fixture('voice.webm'))).toBe('audio/webm');
    expect(await recordingMime(fixture('voice.ogg'))).toBe('audio/ogg');
    expect(await recordingMime(fixture('voice.m4a'))).toBe('audio/mp4');
    // Chromium's MediaRecorder, one slice a second: clusters of unknown size.
    expect(await recordingMime(fixture('chromium.webm'))).toBe('audio/webm');
  });

  it('refuses a container header followed by a web page', async () => {
    const webmHeader = fixture('voice.webm').subarray(0, 40);
    // The whole header and tracks of a real recording, then a cluster holding a page.
    const chromium = fixture('chromium.webm');
    const tracksEnd = chromium.indexOf(0x1f, 100);
    const cluster = new Uint8Array([
      0x1f, 0x43, 0xb6, 0x75, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    ]);
    expect(await reason(joined(chromium.subarray(0, tracksEnd), cluster, page))).toBe(
      'recording_not_audio',
    );
    expect(await reason(joined(chromium, page))).toBe('recording_not_audio');
    expect(await reason(joined(webmHeader, page))).toBe('recording_not_audio');
    expect(await reason(joined(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3]), page))).toBe(
      'recording_not_audio',
    );
    expect(await reason(joined(text('OggS'), new Uint8Array([0, 2]), page))).toBe(
      'recording_not_audio',
    );
    expect(await reason(joined(new Uint8Array([0, 0, 0, 0x20]), text('ftypM4A '), page))).toBe(
      'recording_not_audio',
    );
  });

  it('refuses a video, a script, a picture or an empty file as not audio', async () => {
    expect(await reason(fixture('video-only.webm'))).toBe('recording_not_audio');
    expect(await reason(text('<script>alert(1)</script>'))).toBe('recording_not_audio');
    expect(await reason(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('recording_not_audio');
    expect(await reason(new Uint8Array())).toBe('recording_not_audio');
  });

  it('refuses a recording over the size limit', async () => {
    const large = new Uint8Array(recordingLimits.maxUploadBytes + 1);
    large.set(fixture('voice.webm'));
    expect(await reason(large)).toBe('recording_too_large');
  });
});
