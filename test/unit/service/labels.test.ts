import { describe, expect, it } from 'vitest';
import { defaultThreadKinds } from '@/lib/model';
import { suggestKind } from '@/lib/service/kinds';
import { readGmailSnapshot } from '@/lib/webmail/gmail';
import { gmailFixtureHtml, gmailFixtureLocation } from '../../fixtures/gmail';

describe("a thread's Gmail labels", () => {
  it('are read from the chips beside the subject, and a kind whose rule names one is suggested', () => {
    const doc = new DOMParser().parseFromString(gmailFixtureHtml('thread-expanded'), 'text/html');
    const thread = readGmailSnapshot(doc, gmailFixtureLocation('thread-expanded')).thread!;
    expect(thread.labels).toEqual(['Inbox']);
    const kinds = defaultThreadKinds().map((kind) =>
      kind.builtIn === 'other' ? { ...kind, labels: ['inbox'] } : kind,
    );
    expect(suggestKind(kinds, { subject: 'Lunch', labels: thread.labels })?.builtIn).toBe('other');
  });
});
