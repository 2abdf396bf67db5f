import { z } from 'zod';
import { recordBase, requiredText } from './common';

export const CUSTOM_PROPERTY_TYPES = ['text', 'number', 'date', 'select', 'checkbox'] as const;
export const CUSTOM_PROPERTY_ENTITIES = ['contact', 'company', 'deal'] as const;

export const customPropertyDefSchema = z.object({
  ...recordBase,
  entity: z.enum(CUSTOM_PROPERTY_ENTITIES),
  /** Stable machine key used in records' `custom` map; the label may change, the key does not. */
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'must be lower-case letters, digits or _ (max 40)' }),
  label: requiredText(80),
  type: z.enum(CUSTOM_PROPERTY_TYPES),
  options: z.array(requiredText(80)).max(100),
  required: z.boolean(),
  order: z.number().int(),
});
export type CustomPropertyDef = z.infer<typeof customPropertyDefSchema>;

/**
 * Builds the zod schema for one entity's custom values from its definitions, so the sidebar, the dashboard and
 * import all validate the same way. Unknown keys are kept (a removed property's data is never silently dropped).
 */
export function customValuesSchema(defs: readonly CustomPropertyDef[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const def of defs) {
    if (def.deletedAt !== null) continue;
    let field: z.ZodType;
    switch (def.type) {
      case 'text':
        field = z.string().trim().max(2000);
        break;
      case 'number':
        field = z.number().finite();
        break;
      case 'date':
        field = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date (YYYY-MM-DD)' });
        break;
      case 'select':
        field = z.enum(def.options as [string, ...string[]], { error: `must be one of: ${def.options.join(', ')}` });
        break;
      case 'checkbox':
        field = z.boolean();
        break;
    }
    shape[def.key] = def.required ? field : field.nullable().optional();
  }
  return z.looseObject(shape);
}
