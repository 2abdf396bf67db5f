/**
 * Asks the browser to keep the CRM's storage under pressure. Chrome's service worker has no
 * navigator.storage.persist(), so every extension page asks when it opens; the answer is informational
 * (unlimitedStorage already keeps the data from quota eviction).
 */
export function askForPersistentStorage(): void {
  void globalThis.navigator?.storage?.persist?.().catch(() => false);
}
