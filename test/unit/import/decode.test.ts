import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../lib/import/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = `${bom ? '\ufeff' : ''}${text}`;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), littleEndian);
  return bytes;
}

const sample = 'ឈ្មោះ,Email\r\nសុខ ដារ៉ា,dara@example.com\r\n';

describe('decodeCsvBytes', () => {
  it('reads plain UTF-8, Khmer included', () => {
    expect(decodeCsvBytes(utf8(sample))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('drops a UTF-8 BOM and says it was there', () => {
    expect(decodeCsvBytes(utf8(`\ufeff${sample}`))).toEqual({ text: sample, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 by its BOM, both byte orders', () => {
    expect(decodeCsvBytes(utf16(sample, true, true))).toEqual({ text: sample, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16(sample, false, true))).toEqual({ text: sample, encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a BOM by where its NUL bytes are', () => {
    const text = 'Name\tEmail\r\nDara\tdara@example.com\r\n';
    expect(decodeCsvBytes(utf16(text, true, false))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16(text, false, false))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('falls back to windows-1252 for bytes that are not UTF-8, including its 0x80-0x9F letters', () => {
    // "Café – 5 €" and curly quotes as old Excel on Windows writes them.
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x20, 0x93, 0x78, 0x94]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Café – 5 € “x”', encoding: 'windows-1252' });
  });

  it('keeps a Khmer-only UTF-8 file as UTF-8 (no NUL bytes, so not UTF-16)', () => {
    expect(decodeCsvBytes(utf8('ឈ្មោះ\nដារ៉ា')).encoding).toBe('utf-8');
  });

  it('decodes an empty file as empty UTF-8 text', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});
