import { formMailLead, readFormMail } from '@/lib/forms/form-mail';
import type { SnapshotMessage } from '@/lib/model/snapshot';

const NOTICE = `New submission from Contact us

Name: Chan Sopheap
Email: <sopheap@angkor.kh>
Phone: +855 12 345 678
Company: Angkor Trade Co., Ltd.
Message: We need 40 tablets
delivered to Siem Reap.

Sent from www.lucky.kh`;

const message = (from: string, tail: string): SnapshotMessage => ({
  id: `m-${from}`,
  legacyId: null,
  from: { email: from, name: 'Website' },
  to: [],
  cc: [],
  time: null,
  timeText: '',
  collapsed: false,
  tail,
});

describe('a form notification in a thread', () => {
  it('reads the lead from the labelled lines, the message over its lines', () => {
    expect(readFormMail(NOTICE)).toEqual({
      name: 'Chan Sopheap',
      email: 'sopheap@angkor.kh',
      phone: '+855 12 345 678',
      company: 'Angkor Trade Co., Ltd.',
      message: 'We need 40 tablets\ndelivered to Siem Reap.',
    });
  });

  it('reads Khmer labels', () => {
    expect(readFormMail('ឈ្មោះ៖ ចាន់ សុខា\nអ៊ីមែល៖ sokha@mekong.kh\nទូរស័ព្ទ៖ 012 345 678')).toMatchObject({
      name: 'ចាន់ សុខា',
      email: 'sokha@mekong.kh',
      phone: '012 345 678',
    });
  });

  it('offers a lead only from a sender set in Settings, and only with an address', () => {
    const thread = [message('noreply@lucky.kh', NOTICE)];
    expect(formMailLead(thread, ['NoReply@lucky.kh'])?.email).toBe('sopheap@angkor.kh');
    expect(formMailLead(thread, ['forms@other.kh'])).toBeNull();
    expect(formMailLead(thread, [])).toBeNull();
    expect(
      formMailLead([message('noreply@lucky.kh', 'Name: Someone\nPhone: 012 345 678')], ['noreply@lucky.kh']),
    ).toBeNull();
  });
});
