import { describe, expect, it } from 'vitest';
import { serviceUrl } from '@/lib/team/client';
import { readEvents, versionOf } from '@/lib/team/events';

describe('the event stream', () => {
  it('reads version events and nothing else', () => {
    expect(versionOf('event: version\ndata: {"version":42}')).toBe(42);
    expect(versionOf(': ping')).toBeNull();
    expect(versionOf('retry: 5000')).toBeNull();
    expect(versionOf('event: other\ndata: {"version":1}')).toBeNull();
    expect(versionOf('event: version\ndata: not json')).toBeNull();
  });

  it('hears each event however the chunks cut it', async () => {
    const chunks = [
      'retry: 5000\n\nevent: ver',
      'sion\ndata: {"version":3}\n',
      '\n: ping\n\nevent: version\r\n',
      'data: {"version":4}\r\n\r\n',
    ];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const heard: number[] = [];
    let arrivals = 0;
    await readEvents(
      new Response(body),
      new AbortController().signal,
      (v) => heard.push(v),
      () => arrivals++,
    );
    expect(heard).toEqual([3, 4]);
    expect(arrivals).toBe(chunks.length);
  });
});

describe('the service address a rep types', () => {
  it('is made one https form, and refuses what would send the token in clear or elsewhere', () => {
    expect(serviceUrl('crm.lucky.kh')).toBe('https://crm.lucky.kh');
    expect(serviceUrl(' https://crm.lucky.kh/sidecar/ ')).toBe('https://crm.lucky.kh/sidecar');
    expect(serviceUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(serviceUrl('http://crm.lucky.kh')).toBeNull();
    expect(serviceUrl('https://user:pw@crm.lucky.kh')).toBeNull();
    expect(serviceUrl('https://crm.lucky.kh/?token=x')).toBeNull();
    expect(serviceUrl('not a url at all')).toBeNull();
  });
});
