import { describe, expect, it } from 'vitest';
import { readGmailSnapshot } from '@/lib/webmail/gmail';
import { replyScene } from '../../fixtures/gmail/replies';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const NOW = Date.UTC(2026, 11, 6, 3, 0);

/** Gmail marks Cc recipients by nothing but the word before them, which Khmer Gmail writes "ចម្លងជូន៖". */
describe('Cc in any language', () => {
  it.each(['en', 'km'] as const)("tells the %s thread's Cc from its To by the words between addresses", (language) => {
    const scene = replyScene(language, NOW);
    const s = readGmailSnapshot(parse(scene.threadPage()), {
      pathname: '/mail/u/0/',
      hash: `#inbox/${scene.threadId}`,
    });
    const answer = s.thread?.messages[1];
    expect(answer?.to.map((p) => p.email)).toEqual([scene.client.email]);
    expect(answer?.cc.map((p) => p.email)).toEqual([scene.colleague.email]);
    expect(s.participants.find((p) => p.email === scene.colleague.email)?.roles).toEqual(['cc']);
  });
});
