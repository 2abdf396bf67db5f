import { StoreError } from '@/lib/db/errors';

/** The StoreError a store call is expected to refuse with; any other outcome fails the test. */
export async function refusal(work: Promise<unknown>): Promise<StoreError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
