import type { DownloadedDocument } from '../../../../shared/api/documents';

/** Hands a generated file to the browser's download (web harness) from the bytes the main process sent. */
export function downloadFile(file: DownloadedDocument): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
}

/** Hands bytes made in the renderer to the browser's download under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
