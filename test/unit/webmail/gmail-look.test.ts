import { showPageLook } from '@/components/sidebar/look';
import { readGmailLook } from '@/lib/webmail/gmail-look';
import { gmailFixtureHtml } from '../../fixtures/gmail';

function showPage(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
}

describe('readGmailLook', () => {
  it('reads the light theme and the default density', () => {
    showPage(gmailFixtureHtml('thread-expanded'));
    expect(readGmailLook(document)).toEqual({ theme: 'light', density: 'comfortable' });
  });

  it('reads the dark theme from Gmail’s light nav labels', () => {
    showPage(gmailFixtureHtml('thread-expanded', { theme: 'dark' }));
    expect(readGmailLook(document).theme).toBe('dark');
  });

  it('reads the dark theme from a dark main background alone', () => {
    showPage(gmailFixtureHtml('thread-expanded'));
    document.querySelector<HTMLElement>('.bkK > .nH')!.style.backgroundColor = 'rgb(31, 31, 31)';
    expect(readGmailLook(document).theme).toBe('dark');
  });

  it('reads the compact density from 24 px nav items', () => {
    showPage(gmailFixtureHtml('thread-expanded'));
    Object.defineProperty(document.querySelector('.aim'), 'offsetHeight', { value: 24 });
    expect(readGmailLook(document).density).toBe('compact');
  });

  it('reads a page without Gmail’s nav as light', () => {
    document.body.replaceChildren();
    expect(readGmailLook(document)).toEqual({ theme: 'light', density: 'comfortable' });
  });
});

describe('showPageLook (the sidebar page)', () => {
  it('marks its root with the theme and density it was opened with, light and comfortable otherwise', () => {
    const root = document.createElement('html');
    showPageLook('?theme=dark&density=compact', root);
    expect(root.dataset).toMatchObject({ theme: 'dark', density: 'compact' });
    showPageLook('?theme=<b>', root);
    expect(root.dataset).toMatchObject({ theme: 'light', density: 'comfortable' });
  });
});
