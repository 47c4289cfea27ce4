/**
 * Hands a blob to the browser as a download. Api downloads need the bearer token, which a plain
 * link cannot send (the token lives in memory, not a cookie), so they are fetched first.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
