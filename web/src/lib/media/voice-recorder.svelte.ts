/**
 * Where a recording is: `unsupported` (no MediaRecorder, or not a secure page), `refused` (the
 * person or the browser said no to the microphone), `no_microphone`, or `failed` (anything else).
 */
export type RecorderState =
  | 'idle'
  | 'asking'
  | 'recording'
  | 'recorded'
  | 'unsupported'
  | 'refused'
  | 'no_microphone'
  | 'failed';

/** Containers the server accepts, best first: Chromium and Firefox record WebM, Safari MP4. */
const containers = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'];

const problemOf = (error: unknown): RecorderState => {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'refused';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no_microphone';
  return 'failed';
};

/**
 * One voice recording made with the browser's MediaRecorder: asks for the microphone, counts
 * the seconds, stops by itself at `maxSeconds`, and keeps the result for listening before it is
 * sent. The microphone is released as soon as the recording stops.
 */
export class VoiceRecorder {
  state = $state<RecorderState>('idle');
  /** Seconds since the recording started. */
  elapsed = $state(0);
  /** Whether it stopped because it reached `maxSeconds`. */
  stoppedAtLimit = $state(false);
  /** The recording and an address for the page to play it from, once stopped. */
  recording = $state.raw<{ blob: Blob; url: string } | null>(null);

  #recorder: MediaRecorder | null = null;
  #stream: MediaStream | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;
  #destroyed = false;

  /** @param maxSeconds longest recording; ten minutes of Opus stay far under the server's 20 MB. */
  constructor(readonly maxSeconds = 600) {}

  /** MediaRecorder and the microphone API exist (browsers offer them on secure pages only). */
  static supported(): boolean {
    return typeof MediaRecorder !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  }

  /**
   * Says beforehand what `start` would run into, where the browser can tell without asking:
   * no recorder, the microphone already refused for this site, or no microphone at all.
   */
  async check() {
    if (!VoiceRecorder.supported()) return void (this.state = 'unsupported');
    try {
      const permission = await navigator.permissions.query({
        name: 'microphone' as PermissionName,
      });
      if (permission.state === 'denied') this.state = 'refused';
    } catch {
      // Firefox cannot be asked about the microphone: `start` finds out.
    }
    try {
      const devices = await navigator.mediaDevices.enumerateDevices();
      if (!devices.some((device) => device.kind === 'audioinput')) this.state = 'no_microphone';
    } catch {
      // Unknown until `start` asks.
    }
  }

  async start() {
    if (!VoiceRecorder.supported()) return void (this.state = 'unsupported');
    this.discard();
    this.state = 'asking';
    try {
      this.#stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      this.state = problemOf(error);
      return;
    }
    if (this.#destroyed) return this.#release();
    const mimeType = containers.find((type) => MediaRecorder.isTypeSupported(type));
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(this.#stream, mimeType ? { mimeType } : undefined);
    } catch {
      this.#release();
      this.state = 'failed';
      return;
    }
    const chunks: Blob[] = [];
    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    });
    recorder.addEventListener('error', () => {
      this.#release();
      this.state = 'failed';
    });
    recorder.addEventListener('stop', () => {
      this.#release();
      if (this.#destroyed || this.state === 'failed') return;
      const blob = new Blob(chunks, { type: recorder.mimeType || chunks[0]?.type || '' });
      this.recording = { blob, url: URL.createObjectURL(blob) };
      this.state = 'recorded';
    });
    this.#recorder = recorder;
    // A slice every second: a long recording is not held in one piece until the end.
    recorder.start(1000);
    const startedAt = performance.now();
    this.elapsed = 0;
    this.#timer = setInterval(() => {
      this.elapsed = (performance.now() - startedAt) / 1000;
      if (this.elapsed >= this.maxSeconds) {
        this.stoppedAtLimit = true;
        this.stop();
      }
    }, 250);
    this.state = 'recording';
  }

  stop() {
    clearInterval(this.#timer);
    if (this.#recorder && this.#recorder.state !== 'inactive') this.#recorder.stop();
  }

  /** Throws the recording away, to record again. */
  discard() {
    if (this.recording) URL.revokeObjectURL(this.recording.url);
    this.recording = null;
    this.stoppedAtLimit = false;
    this.state = 'idle';
  }

  /** Stops recording and lets go of the microphone; for when the page goes away. */
  destroy() {
    this.#destroyed = true;
    this.stop();
    this.#release();
    if (this.recording) URL.revokeObjectURL(this.recording.url);
  }

  #release() {
    clearInterval(this.#timer);
    this.#stream?.getTracks().forEach((track) => track.stop());
    this.#stream = null;
    this.#recorder = null;
  }
}
