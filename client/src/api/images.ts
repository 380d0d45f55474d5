/** Uploading an image into a deck: the raw file as the body, answered with its URL. */
import { IMAGE_TYPES, MAX_IMAGE_BYTES, type ImageType, type UploadedImage } from '../../../shared/images.ts';
import { apiUpload } from './http.ts';

export type { UploadedImage };

export function isUploadableType(type: string): type is ImageType {
  return (IMAGE_TYPES as readonly string[]).includes(type);
}

/** Checks what the server would refuse anyway, so the user hears why without a round trip. */
export function checkImageFile(file: Blob): 'type' | 'size' | null {
  if (!isUploadableType(file.type)) return 'type';
  if (file.size > MAX_IMAGE_BYTES) return 'size';
  return null;
}

export const uploadImage = (deckId: string, file: Blob): Promise<UploadedImage> =>
  apiUpload<UploadedImage>(`/api/decks/${encodeURIComponent(deckId)}/images`, file, file.type);
