import type { HandlersOf } from '../rpc/define';
import type { WorkerServices } from '../rpc/services';
import type { mergesContract } from './contract';
import { mergeContacts, undoMerge } from './store';

/** Every store a merge or its undo writes, for the change event open pages re-read on. */
const MERGE_TOUCHES = ['contacts', 'deals', 'activities', 'tasks', 'merges'];

export function createMergeHandlers(s: WorkerServices): HandlersOf<typeof mergesContract> {
  return {
    'contact.merge': async ({ keepId, dropId }) => {
      const merged = await mergeContacts(s.db, keepId, dropId, s.now());
      s.changed(MERGE_TOUCHES);
      return merged;
    },
    'contact.unmerge': async ({ mergeId }) => {
      const restored = await undoMerge(s.db, mergeId, s.now());
      s.changed(MERGE_TOUCHES);
      return restored;
    },
  };
}
