import { describe, expect, it } from 'vitest';
import { draftFromValues, parseCustomDraft } from '@/lib/dashboard/custom-fields';
import type { CustomPropertyDef } from '@/lib/model';

const NOW = Date.UTC(2026, 10, 23);
function def(key: string, type: CustomPropertyDef['type'], extra: Partial<CustomPropertyDef> = {}): CustomPropertyDef {
  return {
    id: crypto.randomUUID(),
    createdAt: NOW,
    updatedAt: NOW,
    deletedAt: null,
    entity: 'deal',
    key,
    label: key,
    type,
    options: [],
    required: false,
    order: 0,
    ...extra,
  };
}

const defs = [
  def('budget', 'number', { required: true }),
  def('visit', 'date'),
  def('province', 'select', { options: ['Phnom Penh', 'សៀមរាប'] }),
  def('vip', 'checkbox'),
  def('note', 'text'),
];

describe('custom property values from a form', () => {
  it('types each value and accepts Khmer digits in numbers', () => {
    const result = parseCustomDraft(
      defs,
      { budget: '១ ២០០', visit: '2026-12-01', province: 'សៀមរាប', vip: true, note: '  hello ' },
      {},
    );
    expect(result).toEqual({
      ok: true,
      values: { budget: 1200, visit: '2026-12-01', province: 'សៀមរាប', vip: true, note: 'hello' },
    });
  });

  it('names each field that is wrong and why', () => {
    const result = parseCustomDraft(defs, { budget: 'lots', visit: '1/12/2026', province: 'Kampot', vip: false }, {});
    expect(result).toEqual({ ok: false, errors: { budget: 'number', visit: 'date', province: 'option' } });
  });

  it('refuses an empty required field and stores null for an empty optional one', () => {
    expect(parseCustomDraft(defs, { budget: '', note: '' }, {})).toEqual({ ok: false, errors: { budget: 'required' } });
    const ok = parseCustomDraft(defs, { budget: '5', note: '' }, {});
    expect(ok.ok && ok.values.note).toBeNull();
  });

  it('keeps the values of removed properties', () => {
    const removed = def('old_field', 'text', { deletedAt: NOW });
    const result = parseCustomDraft([...defs, removed], { budget: '1' }, { old_field: 'kept', legacy: 3 });
    expect(result.ok && result.values).toMatchObject({ old_field: 'kept', legacy: 3, budget: 1 });
  });

  it('fills a form from stored values', () => {
    expect(draftFromValues(defs, { budget: 5, vip: true, visit: null })).toEqual({
      budget: '5',
      visit: '',
      province: '',
      vip: true,
      note: '',
    });
  });
});
