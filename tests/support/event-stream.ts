/** One server-sent event as the browser's EventSource would dispatch it. */
export interface StreamEvent {
  event: string;
  data: string;
}

/**
 * `GET /api/initiatives/:id/events` as one person, read event by event. `until` waits for an
 * event that matches and answers every event received so far, in order.
 */
export async function openEventStream(baseUrl: string, initiativeId: string, cookie: string) {
  const response = await fetch(`${baseUrl}/api/initiatives/${initiativeId}/events`, {
    headers: { cookie },
  });
  if (response.status !== 200) throw new Error(`events stream answered ${response.status}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const received: StreamEvent[] = [];
  let buffered = '';
  let text = '';

  async function until(matches: (event: StreamEvent) => boolean): Promise<StreamEvent[]> {
    while (!received.some(matches)) {
      const { value, done } = await reader.read();
      if (done) throw new Error('events stream ended');
      const chunk = decoder.decode(value, { stream: true });
      text += chunk;
      buffered += chunk;
      let end;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .filter((line) => line.startsWith(`${name}:`))
            .map((line) => line.slice(name.length + 1).trimStart())
            .join('\n');
        if (field('event') || field('data'))
          received.push({ event: field('event'), data: field('data') });
      }
    }
    return [...received];
  }

  return {
    until,
    /** Everything the stream carried so far, byte for byte. */
    text: () => text,
    close: () => reader.cancel(),
  };
}
