/**
 * Saves a file through an `<a download>` on a Blob URL: no `downloads` permission is needed for a file the rep asked
 * for from an extension page.
 */
export function downloadFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download that has not started reading the Blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "2026-03-10": sorts by name in a downloads folder. */
export function fileStamp(epoch: number): string {
  return new Date(epoch).toISOString().slice(0, 10);
}
