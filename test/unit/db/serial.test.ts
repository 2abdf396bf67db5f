import { describe, expect, it } from 'vitest';
import { serialQueue } from '@/lib/db/serial';

describe('serialQueue', () => {
  it('starts each piece of work only once the one before has settled, in the order asked', async () => {
    const serial = serialQueue();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const first = serial(async () => {
      log.push('first starts');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      log.push('first ends');
      return 1;
    });
    const second = serial(async () => {
      log.push('second starts');
      return 2;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['first starts']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(log).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('hands a failure to its caller and still runs the work queued after it', async () => {
    const serial = serialQueue();
    const failed = serial(async () => {
      throw new Error('no store');
    });
    const next = serial(async () => 'ran');
    await expect(failed).rejects.toThrow('no store');
    expect(await next).toBe('ran');
  });
});
