/**
 * Plain address helpers without zod, so the content script can share them with the store (lib/model/email.ts
 * re-exports them beside the schemas).
 */

/** The form used for matching: trimmed and lower-cased. The address as given is kept for display. */
export function normaliseEmail(address: string): string {
  return address.trim().toLowerCase();
}

// Deliberately loose: one "@", no spaces, a dot in the domain. Real-world addresses beat RFC purity.
const EMAIL_SHAPE = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL_SHAPE.test(value.trim());
}

export function emailDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : normaliseEmail(address.slice(at + 1));
}
