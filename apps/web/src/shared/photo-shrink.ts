/**
 * Phone photos are 3–10 MB; a village's mobile signal takes minutes for that. Before upload (a
 * cadre's visit photos, a resident's portal photos), JPEG, PNG and WebP photos are redrawn as JPEG
 * within a long side — plenty to see a leaking roof — and lose their EXIF (GPS included) on the
 * way. Anything that cannot be redrawn is sent as it is; the server checks the type and size either way.
 */
const SHRINK_ABOVE_BYTES = 1.5 * 1024 * 1024;
const REDRAWN_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** The size that fits `width` × `height` within `max` on its long side, keeping the proportions; never larger. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Whether a file is worth redrawing before upload (a drawable type, larger than `above` bytes). */
export const shouldShrink = (file: { type: string; size: number }, above = SHRINK_ABOVE_BYTES) => REDRAWN_TYPES.has(file.type) && file.size > above;

/** The file name of the redrawn JPEG (村口.png → 村口.jpg). */
export const jpegName = (name: string) => `${name.replace(/\.[^./\\]+$/, '') || 'photo'}.jpg`;

/**
 * The photo to upload: redrawn within `longSide` px as a JPEG of `quality` when larger than `above`
 * bytes (and when that makes it smaller), else the original. Never throws.
 */
export async function shrinkPhoto(file: File, { longSide = 2048, quality = 0.85, above = SHRINK_ABOVE_BYTES } = {}): Promise<File> {
  if (!shouldShrink(file, above) || typeof createImageBitmap !== 'function') return file;
  try {
    // from-image: a phone's portrait photo is stored sideways with an EXIF rotation.
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const size = fitWithin(bitmap.width, bitmap.height, longSide);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return file;
    // PNG transparency would turn black in a JPEG.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    return blob && blob.size < file.size ? new File([blob], jpegName(file.name), { type: 'image/jpeg' }) : file;
  } catch {
    return file;
  }
}
