import { describe, expect, it } from 'vitest';
import {
  FIELD_TARGETS,
  guessMapping,
  headerSignature,
  mappingTargets,
  missingRequiredTargets,
  normaliseHeader,
} from '../../../lib/import/mapping';
import type { CustomPropertyDef } from '../../../lib/model/custom-property';
import { corpusDefs } from '../../fixtures/csv/context';

describe('guessMapping', () => {
  it('maps English headers whatever their case, spacing and punctuation', () => {
    expect(
      guessMapping(
        ['E-mail', 'EMAIL_ADDRESS', 'Mobile', 'Company Name', 'Title', 'first-name', 'Last Name', 'Lead Source'],
        'contact',
        [],
      ),
    ).toEqual({
      'E-mail': 'email',
      EMAIL_ADDRESS: 'email2',
      Mobile: 'phone',
      'Company Name': 'company',
      Title: 'jobTitle',
      'first-name': 'firstName',
      'Last Name': 'lastName',
      'Lead Source': 'source',
    });
  });

  it('maps Khmer contact headers, spelling variants included', () => {
    expect(
      guessMapping(['ឈ្មោះ', 'នាមខ្លួន', 'នាមត្រកូល', 'អ៊ីម៉ែល', 'លេខទូរស័ព្ទ', 'ក្រុមហ៊ុន', 'តួនាទី', 'ប្រភព'], 'contact', []),
    ).toEqual({
      ឈ្មោះ: 'name',
      នាមខ្លួន: 'firstName',
      នាមត្រកូល: 'lastName',
      អ៊ីម៉ែល: 'email',
      លេខទូរស័ព្ទ: 'phone',
      ក្រុមហ៊ុន: 'company',
      តួនាទី: 'jobTitle',
      ប្រភព: 'source',
    });
    // ុ typed where ៊ belongs, as some Khmer keyboards make easy.
    expect(guessMapping(['អុីមែល', 'ទូរស័ព្ទ', 'មុខតំណែង'], 'contact', [])).toEqual({
      អុីមែល: 'email',
      ទូរស័ព្ទ: 'phone',
      មុខតំណែង: 'jobTitle',
    });
  });

  it('maps Khmer deal headers', () => {
    expect(guessMapping(['ចំណងជើង', 'ចំនួនទឹកប្រាក់', 'រូបិយប័ណ្ណ', 'ដំណាក់កាល'], 'deal', [])).toEqual({
      ចំណងជើង: 'title',
      ចំនួនទឹកប្រាក់: 'amount',
      រូបិយប័ណ្ណ: 'currency',
      ដំណាក់កាល: 'stage',
    });
  });

  it('reads the same header per entity: "Company Name" is a contact\'s company but a company\'s name', () => {
    expect(guessMapping(['Company Name'], 'contact', [])).toEqual({ 'Company Name': 'company' });
    expect(guessMapping(['Company Name'], 'company', [])).toEqual({ 'Company Name': 'name' });
    expect(guessMapping(['Name', 'Value'], 'deal', [])).toEqual({ Name: 'title', Value: 'amount' });
  });

  it('uses each target once and skips what it does not know', () => {
    expect(guessMapping(['Phone', 'Mobile', 'Fax', 'Email', 'Email (2)', 'E-mail'], 'contact', [])).toEqual({
      Phone: 'phone',
      Mobile: 'skip',
      Fax: 'skip',
      Email: 'email',
      'Email (2)': 'email2',
      'E-mail': 'skip',
    });
  });

  it('maps custom:<key> headers exactly, and custom properties by label or key', () => {
    expect(
      guessMapping(['custom:province', 'VIP', 'birthday', 'custom:gone', 'custom:tons'], 'contact', corpusDefs),
    ).toEqual({
      'custom:province': 'custom:province',
      VIP: 'custom:vip',
      birthday: 'custom:birthday',
      'custom:gone': 'skip',
      // tons is a deal property, not a contact one.
      'custom:tons': 'skip',
    });
  });

  it('ignores deleted custom properties', () => {
    const deleted: CustomPropertyDef[] = corpusDefs.map((def) => ({ ...def, deletedAt: 1 }));
    expect(guessMapping(['custom:province', 'VIP'], 'contact', deleted)).toEqual({
      'custom:province': 'skip',
      VIP: 'skip',
    });
  });
});

describe('normaliseHeader', () => {
  it('folds case, punctuation, spaces, zero-width spaces and Khmer digits', () => {
    expect(normaliseHeader(' E-Mail  Address: ')).toBe('emailaddress');
    expect(normaliseHeader('អ៊ីមែល\u200b ២')).toBe('អ៊ីមែល2');
  });
});

describe('missingRequiredTargets', () => {
  it('asks for a name or an email for contacts, a name for companies, a title for deals', () => {
    expect(missingRequiredTargets('contact', { Phone: 'phone' })).toEqual([['name', 'firstName', 'lastName', 'email']]);
    expect(missingRequiredTargets('contact', { Email: 'email' })).toEqual([]);
    expect(missingRequiredTargets('company', { Domain: 'domain' })).toEqual([['name']]);
    expect(missingRequiredTargets('deal', { Amount: 'amount', Name: 'skip' })).toEqual([['title']]);
  });

  it('asks for required custom properties too', () => {
    const defs = corpusDefs.map((def) => (def.key === 'province' ? { ...def, required: true } : def));
    expect(missingRequiredTargets('contact', { Email: 'email' }, defs)).toEqual([['custom:province']]);
    expect(missingRequiredTargets('contact', { Email: 'email', P: 'custom:province' }, defs)).toEqual([]);
  });
});

describe('mappingTargets', () => {
  it("lists fields, the entity's custom properties and skip", () => {
    expect(mappingTargets('deal', corpusDefs)).toEqual([...FIELD_TARGETS.deal, 'custom:tons', 'skip']);
  });
});

describe('headerSignature', () => {
  it('is the same for the same columns in any order or case, and differs for other columns', () => {
    const signature = headerSignature(['Name', 'Email', 'Phone']);
    expect(headerSignature(['phone', 'EMAIL', ' Name '])).toBe(signature);
    expect(headerSignature(['Name', 'Email'])).not.toBe(signature);
    expect(headerSignature(['Name', 'Email', 'Mobile'])).not.toBe(signature);
    expect(signature).toMatch(/^h1-[0-9a-f]{16}$/);
  });
});
