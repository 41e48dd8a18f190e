import sharp from 'sharp';
import { AppError } from '../../errors.js';

/** The largest image accepted, in megapixels: a phone's photo is 12–50 MP; more is a decompression bomb. */
export const MAX_IMAGE_MEGAPIXELS = 60;

/**
 * Refuses (422, naming the field `file`, in the caller's language) an image whose header declares
 * more pixels than the limit. Only the header is read, so a small file that would expand to
 * gigabytes is refused before anything decodes it.
 */
export async function assertImageSize(data: Buffer): Promise<void> {
  let pixels = 0;
  try {
    const { width = 0, height = 0 } = await sharp(data, { limitInputPixels: false }).metadata();
    pixels = width * height;
  } catch {
    return; // not an image sharp can read: the type check decides
  }
  if (pixels > MAX_IMAGE_MEGAPIXELS * 1_000_000) {
    throw new AppError(422, 'error.image_too_large', { max: MAX_IMAGE_MEGAPIXELS, size: Math.round(pixels / 1_000_000) }, 'file');
  }
}
