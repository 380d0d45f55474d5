/** Uploading an image into a deck: the raw file as the body, answered with its URL. */
import { IMAGE_TYPES, MAX_IMAGE_BYTES, type ImageType, type UploadedImage } from '../../../shared/images.ts';
import type { TFunction } from 'i18next';
import { errorMessage } from './errorMessage.ts';
import { apiUpload, isApiRequestError } from './http.ts';

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

/** Why an upload failed, for the user: the server's own words for a file it refused (413, 415), else the usual message. */
export function uploadFailure(t: TFunction, err: unknown): string {
  const serverSaid = isApiRequestError(err) && (err.status === 413 || err.status === 415);
  return t('editor:image.failed', { message: serverSaid ? err.message : errorMessage(t, err) });
}
