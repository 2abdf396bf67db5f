import type { FormDefinition, FormField, FormTarget } from '@/lib/forms/definition';
import type { CustomPropertyDef } from '@/lib/model';

/** What a form field can fill, as the editor's select lists it: a contact field, or a contact custom property. */
export interface TargetChoice {
  value: string;
  target: FormTarget;
  property: string | null;
}

export const CONTACT_TARGETS: readonly Exclude<FormTarget, 'custom'>[] = [
  'name',
  'email',
  'phone',
  'jobTitle',
  'company',
  'message',
];

/** Text and choice properties take what a visitor types; numbers, dates and checkboxes would need checking. */
export function targetChoices(defs: readonly CustomPropertyDef[]): TargetChoice[] {
  return [
    ...CONTACT_TARGETS.map((target) => ({ value: target, target, property: null })),
    ...defs
      .filter((def) => def.entity === 'contact' && def.deletedAt === null && def.type === 'text')
      .map((def) => ({ value: `custom:${def.key}`, target: 'custom' as const, property: def.key })),
  ];
}

/** The posted name of a field: its target's, or its property's, so the snippet reads plainly. */
export function fieldKey(target: FormTarget, property: string | null): string {
  return target === 'custom' ? (property ?? 'custom') : target === 'jobTitle' ? 'job_title' : target;
}

export function newField(choice: TargetChoice, label: { en: string; km: string }, required: boolean): FormField {
  return {
    key: fieldKey(choice.target, choice.property),
    target: choice.target,
    property: choice.property,
    label,
    required,
  };
}

/** A new form: name and email, owned by the manager making it, from the site the manager will type. */
export function newDefinition(
  repId: string,
  labels: Record<'name' | 'email', { en: string; km: string }>,
): FormDefinition {
  return {
    name: '',
    fields: [
      newField({ value: 'name', target: 'name', property: null }, labels.name, true),
      newField({ value: 'email', target: 'email', property: null }, labels.email, true),
    ],
    sourceId: null,
    owner: { rule: 'rep', repId },
    followUpHours: 24,
    allowedOrigins: [],
  };
}
