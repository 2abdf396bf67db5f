import { z } from 'zod';
import { customValues, recordBase, recordId, requiredText, shortText } from './common';
import { normaliseDomain } from './email';

export const domainName = z
  .string()
  .transform(normaliseDomain)
  .pipe(z.string().regex(/^[a-z0-9\u0080-\uffff-]+(\.[a-z0-9\u0080-\uffff-]+)+$/, { error: 'is not a domain name' }));

export const companySchema = z.object({
  ...recordBase,
  name: requiredText(200),
  domains: z.array(domainName).max(20),
  phone: shortText(40),
  address: shortText(500),
  ownerId: recordId.nullable(),
  custom: customValues,
});
export type Company = z.infer<typeof companySchema>;
