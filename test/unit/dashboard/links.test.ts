import { describe, expect, it } from 'vitest';
import { dashboardPath, hashFor, parseHash, webmailThreadUrl } from '@/lib/dashboard/links';

describe('dashboard links', () => {
  it('reads the page and the record id from the hash', () => {
    expect(parseHash('#/deal/abc')).toEqual({ name: 'deal', param: 'abc' });
    expect(parseHash('#/board')).toEqual({ name: 'board', param: null });
    expect(parseHash('')).toEqual({ name: '', param: null });
    expect(parseHash('#/contact/%E0%A4')).toEqual({ name: 'contact', param: '%E0%A4' });
  });

  it('builds the hash that parseHash reads back', () => {
    expect(hashFor('')).toBe('#/');
    expect(hashFor('contacts')).toBe('#/contacts');
    expect(hashFor('deal', 'a/b')).toBe('#/deal/a%2Fb');
    expect(parseHash(hashFor('deal', 'a/b'))).toEqual({ name: 'deal', param: 'a/b' });
  });

  it('opens the bare dashboard for home and the page for a record', () => {
    expect(dashboardPath()).toBe('/dashboard.html');
    expect(dashboardPath('tasks')).toBe('/dashboard.html#/tasks');
    expect(dashboardPath('contact', 'c1')).toBe('/dashboard.html#/contact/c1');
  });
});

describe('Gmail links', () => {
  it('builds the thread link for the account, escaping what is not an id', () => {
    expect(webmailThreadUrl(0, '18c2f0a9b7d4e311')).toBe('https://mail.google.com/mail/u/0/#all/18c2f0a9b7d4e311');
    expect(webmailThreadUrl(2, 'a/b?c')).toBe('https://mail.google.com/mail/u/2/#all/a%2Fb%3Fc');
  });
});
