import { readSelection, selectionLines } from '@/lib/forms/capture';

const PAGE = 'https://www.angkortrade.com.kh/team';

describe('reading a selection from a web page', () => {
  it('reads a signature block with its line breaks', () => {
    const draft = readSelection(
      'Sokha Chan\nSales Director\nAngkor Trade Co., Ltd.\nTel: +855 12 345 678\nsokha@angkortrade.com.kh',
      PAGE,
    );
    expect(draft).toEqual({
      name: 'Sokha Chan',
      email: 'sokha@angkortrade.com.kh',
      phone: '+855 12 345 678',
      jobTitle: 'Sales Director',
      company: 'Angkor Trade Co., Ltd.',
      page: PAGE,
    });
  });

  it('reads the same details when the browser flattened the selection to one line', () => {
    const flat = 'Sokha Chan | Sales Director | Angkor Trade Co., Ltd. Tel: +855 12 345 678 sokha@angkortrade.com.kh';
    expect(selectionLines(flat)).toEqual([
      'Sokha Chan',
      'Sales Director',
      'Angkor Trade Co., Ltd.',
      'Tel: +855 12 345 678',
      'sokha@angkortrade.com.kh',
    ]);
    expect(readSelection(flat, PAGE)).toMatchObject({
      name: 'Sokha Chan',
      email: 'sokha@angkortrade.com.kh',
      phone: '+855 12 345 678',
      jobTitle: 'Sales Director',
      company: 'Angkor Trade Co., Ltd.',
    });
  });

  it('reads a Khmer card', () => {
    const draft = readSelection('ចាន់ សុខា\nប្រធានផ្នែកលក់\nក្រុមហ៊ុន អង្គរ ពាណិជ្ជកម្ម\nទូរស័ព្ទ៖ ០១២ ៣៤៥ ៦៧៨', PAGE);
    expect(draft).toMatchObject({
      name: 'ចាន់ សុខា',
      jobTitle: 'ប្រធានផ្នែកលក់',
      company: 'ក្រុមហ៊ុន អង្គរ ពាណិជ្ជកម្ម',
      phone: '012 345 678',
    });
  });

  it('leaves empty what the selection does not say, and bounds what it reads', () => {
    expect(readSelection('just some words of a paragraph, nothing more.', PAGE)).toMatchObject({
      email: '',
      phone: '',
      jobTitle: '',
      company: '',
    });
    expect(selectionLines(`dara@kim.kh ${'x'.repeat(10_000)}`).join('').length).toBeLessThanOrEqual(2000);
  });
});

describe('a card flattened to one line with nothing between its parts', () => {
  it('is cut into name, title and company where the signature parser reads them', () => {
    expect(
      readSelection(
        'Sokha Chan Sales Director Angkor Trade Co., Ltd. Tel: +855 12 345 678 sokha@angkortrade.com.kh',
        PAGE,
      ),
    ).toMatchObject({
      name: 'Sokha Chan',
      jobTitle: 'Sales Director',
      company: 'Angkor Trade Co., Ltd.',
      phone: '+855 12 345 678',
      email: 'sokha@angkortrade.com.kh',
    });
    expect(readSelection('Dara Kim Purchasing Manager dara@kim.kh', PAGE)).toMatchObject({
      name: 'Dara Kim',
      jobTitle: 'Purchasing Manager',
      company: '',
    });
  });
});
