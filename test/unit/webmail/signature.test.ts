import { readSignature } from '@/lib/webmail/signature';

describe('readSignature', () => {
  it('reads the block after "--"', () => {
    const tail =
      'Dear Sophea,\n\nPrices attached.\n\nBest regards,\n--\nDara Kim\nSales Manager | Angkor Trade Co., Ltd.\nTel: +855 12 345 678\nwww.angkortrade.com.kh';
    expect(readSignature(tail, 'Dara Kim')).toEqual({
      jobTitle: 'Sales Manager',
      phone: '+855 12 345 678',
      company: 'Angkor Trade Co., Ltd.',
    });
  });

  it('reads the lines after the name near the end', () => {
    const tail =
      'Can we move Thursday’s drop to Friday?\n\nThanks,\nBopha Chea\nPurchasing Manager, Lucky Retail Co., Ltd.\nMobile: (012) 345-678';
    expect(readSignature(tail, 'Bopha Chea')).toEqual({
      jobTitle: 'Purchasing Manager',
      phone: '(012) 345-678',
      company: 'Lucky Retail Co., Ltd.',
    });
  });

  it('skips the company line to find the title', () => {
    const tail =
      'Two reefers free from the 3rd.\n\nCheers,\nMichael Tan\nMekong Freight Pte Ltd\nHead of Operations\nM: +65 9123 4567';
    expect(readSignature(tail, 'Michael Tan')).toEqual({
      jobTitle: 'Head of Operations',
      phone: '+65 9123 4567',
      company: 'Mekong Freight Pte Ltd',
    });
  });

  it('reads a Khmer signature with a Khmer phone label and Khmer digits', () => {
    const tail = 'យើងអាចដឹកជញ្ជូនបាននៅថ្ងៃសុក្រ។\n\nសូមអរគុណ\nសុខ ចាន់ធី\nប្រធានផ្នែកលក់\nក្រុមហ៊ុនដឹកជញ្ជូនសុខា\nទូរស័ព្ទ: ០១២ ៣៤៥ ៦៧៨';
    expect(readSignature(tail, 'សុខ ចាន់ធី')).toEqual({
      jobTitle: 'ប្រធានផ្នែកលក់',
      phone: '012 345 678',
      company: 'ក្រុមហ៊ុនដឹកជញ្ជូនសុខា',
    });
  });

  it('ignores quoted history below the reply', () => {
    const tail =
      'Sounds good.\n\nVannak Ouk\nCustomer Service Officer\n\nOn Tue, Jan 16, 2024 at 2:40 PM Sophea Lim <sophea@mekonghome.com.kh> wrote:\n> Thanks\n> --\n> Sophea Lim\n> Director\n> Tel: 099 999 999';
    expect(readSignature(tail, 'Vannak Ouk')).toEqual({
      jobTitle: 'Customer Service Officer',
      phone: null,
      company: null,
    });
  });

  it('ignores a wrapped "On … wrote:" line and ">" lines', () => {
    const tail =
      'OK\n--\nRithy Sok\nLogistics Coordinator\nOn Mon, Jan 15, 2024 at 9:00 AM Dara Kim\n<dara@x.kh> wrote:\nTel: 012 999 888';
    expect(readSignature(tail, 'Rithy Sok')).toEqual({
      jobTitle: 'Logistics Coordinator',
      phone: null,
      company: null,
    });
  });

  it('takes a labelled phone without a signature anchor but no job title', () => {
    expect(readSignature('Please call me tomorrow.\nTel: 023 880 123', 'Someone Else')).toEqual({
      jobTitle: null,
      phone: '023 880 123',
      company: null,
    });
  });

  it('finds nothing in plain prose', () => {
    expect(readSignature('See you on 2024-01-16 at the warehouse. Order 12345678 is ready.', 'Dara Kim')).toEqual({
      jobTitle: null,
      phone: null,
      company: null,
    });
    expect(readSignature('', '')).toEqual({ jobTitle: null, phone: null, company: null });
  });

  it('reads "Title, Company" on one line and an unlabelled number', () => {
    const tail = 'Thanks!\n\n— \nSreyneang Heng\nChief Accountant, Phsar Thmei Electronics Co., Ltd.\n+855 96 555 1234';
    expect(readSignature(tail, 'Sreyneang Heng')).toEqual({
      jobTitle: 'Chief Accountant',
      phone: '+855 96 555 1234',
      company: 'Phsar Thmei Electronics Co., Ltd.',
    });
  });

  it('takes the line after the job title as the company when no legal form names one', () => {
    const tail = 'See you Monday.\n\nBest,\nBopha Chea\nPurchasing Manager\nLucky Retail\nMobile: 012 345 678';
    expect(readSignature(tail, 'Bopha Chea')).toMatchObject({
      jobTitle: 'Purchasing Manager',
      company: 'Lucky Retail',
    });
  });

  it.each([
    ['Angkor Print LLC', 'Angkor Print LLC'],
    ['Director, Mekong Foods Inc.', 'Mekong Foods Inc.'],
    ['Kampuchea Brewery PLC', 'Kampuchea Brewery PLC'],
    ['Royal Group', 'Royal Group'],
    ['Sales Manager – Khmer Steel Corp.', 'Khmer Steel Corp.'],
    ['ហាងលក់គ្រឿងសំណង់ សុខា', 'ហាងលក់គ្រឿងសំណង់ សុខា'],
  ])('reads the company of %j', (line, company) => {
    const tail = `Thanks,\n--\nSok Dara\n${line}\nTel: 012 345 678`;
    expect(readSignature(tail, 'Sok Dara').company).toBe(company);
  });

  it('names no company where the line after the title is another title, a sentence or nothing', () => {
    const second = 'OK\n--\nDara Kim\nSales Manager\nHead of Exports\nTel: 012 345 678';
    expect(readSignature(second, 'Dara Kim').company).toBeNull();
    const sentence = 'OK\n--\nDara Kim\nSales Manager\nPlease reply by Friday.\n';
    expect(readSignature(sentence, 'Dara Kim').company).toBeNull();
    expect(readSignature('OK\n--\nDara Kim\nSales Manager', 'Dara Kim').company).toBeNull();
    // Without a signature anchor, a company word in the message is not taken either.
    expect(readSignature('We now work with Lucky Retail Co., Ltd.', 'Dara Kim').company).toBeNull();
  });
});
