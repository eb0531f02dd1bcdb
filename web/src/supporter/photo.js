// A photo from the phone's camera made small enough to send on a weak signal: at most 1280 pixels
// on its longer side, JPEG at quality 0.7 (typically 100-300 kB; the server takes up to 900 kB).

const MAX_SIDE = 1280;

/** Resolves a JPEG Blob of the picture in `file`, scaled down when larger than 1280 px. */
export async function shrinkPhoto(file) {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d').drawImage(bitmap, 0, 0, width, height);
  if (bitmap.close) {
    bitmap.close();
  }
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the photo could not be encoded'))), 'image/jpeg', 0.7);
  });
}
