/** Hands a file to the browser's downloads (the activity log's CSV, the settings file). */
export function downloadFile(name: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download reads the URL after the click returns: give it time before letting go of the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
