/** Images in slides: what may be uploaded, shared by the editor's checks and the server's. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Path an uploaded image is served from; a viewer adds `?token=<link token>`. */
export const imagePath = (id: string): string => `/api/images/${id}`;

/** POST /api/decks/:id/images (201): the stored image. */
export interface UploadedImage {
  id: string;
  /** imagePath(id). */
  url: string;
  contentType: ImageType;
  bytes: number;
}
