import type { Form } from '@/lib/forms/definition';
import { formSnippet } from '@/lib/forms/snippet';

const form: Form = {
  id: '0193a9d2-1111-7000-8000-000000000001',
  definition: {
    name: 'Contact us',
    fields: [
      { key: 'name', target: 'name', property: null, label: { en: 'Name <b>', km: 'ឈ្មោះ' }, required: true },
      { key: 'email', target: 'email', property: null, label: { en: 'Email', km: 'អ៊ីមែល' }, required: true },
      { key: 'message', target: 'message', property: null, label: { en: 'Message', km: 'សារ' }, required: false },
    ],
    sourceId: null,
    owner: { rule: 'rep', repId: '0193a9d2-1111-7000-8000-000000000002' },
    followUpHours: 24,
    allowedOrigins: ['https://www.lucky.kh'],
  },
  createdAt: 0,
  updatedAt: 0,
  archivedAt: null,
  submissions: 0,
};

/** Puts the snippet in the page and runs its script, as a browser would, with `fetch` answered by `answer`. */
async function paste(html: string, answer: { status: number; body: unknown }) {
  document.body.innerHTML = html.replace(/<script>[\s\S]*<\/script>/, '');
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const body = url.endsWith('/start') ? { token: 'signed' } : answer.body;
    return new Response(JSON.stringify(body), { status: url.endsWith('/start') ? 200 : answer.status });
  };
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
  new Function('fetch', script)(fetch);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return calls;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the form snippet', () => {
  it('writes labels as text, in the chosen language, with the spam trap out of sight', () => {
    const en = formSnippet(form, 'https://crm.lucky.kh', 'en');
    expect(en).toContain('Name &#60;b&#62;');
    expect(en).not.toContain('Name <b>');
    expect(en).toMatch(
      /<p aria-hidden="true" style="position:absolute;left:-10000px"><input name="website_url" tabindex="-1"/,
    );
    expect(en).toContain('"https://crm.lucky.kh/v1/public/forms/0193a9d2-1111-7000-8000-000000000001"');
    const km = formSnippet(form, 'https://crm.lucky.kh', 'km');
    expect(km).toContain('<label>ឈ្មោះ<br><input name="name" type="text" autocomplete="name" maxlength="500" required>');
    expect(km).toContain('ផ្ញើ');
  });

  it('posts the fields, the page and the start token as JSON, and shows the answer as text', async () => {
    const calls = await paste(formSnippet(form, 'https://crm.lucky.kh', 'en'), {
      status: 400,
      body: { error: { code: 'bad_request', message: 'Email: <i>is not</i> an email address' } },
    });
    const page = document.querySelector('form')!;
    (page.elements.namedItem('name') as HTMLInputElement).value = 'Chan Sopheap';
    (page.elements.namedItem('email') as HTMLInputElement).value = 'sopheap@angkor.kh';
    page.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    const post = calls.find((c) => c.url.endsWith('/submissions'))!;
    expect(JSON.parse(String(post.init?.body))).toEqual({
      token: 'signed',
      page: location.href,
      values: { name: 'Chan Sopheap', email: 'sopheap@angkor.kh', message: '' },
    });
    const status = document.querySelector('[role=status]')!;
    expect(status.textContent).toBe('Email: <i>is not</i> an email address');
    expect(status.querySelector('i')).toBeNull();
  });

  it('says in Khmer that the form was sent', async () => {
    await paste(formSnippet(form, 'https://crm.lucky.kh', 'km'), { status: 201, body: { ok: true } });
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(document.querySelector('[role=status]')!.textContent).toBe('សូមអរគុណ៖ យើងនឹងទាក់ទងអ្នកឆាប់ៗនេះ។');
  });
});
