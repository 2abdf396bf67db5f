import type { z } from 'zod';
import { badRequest } from '../errors';

/** Every body and query is parsed with its lib/sync/protocol schema before anything reads or writes. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 20)
      .map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = issues[0];
    throw badRequest(first ? `${first.path || 'body'}: ${first.message}` : 'bad request', { issues });
  }
  return result.data;
}
