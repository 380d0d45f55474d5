/**
 * Images in slides: uploaded as the raw file body, checked by content (not only by the
 * declared type), served to editors and to holders of a valid
 * link token for the image's deck. The bytes are kept in the database with the rest, so
 * backups hold them and every instance can serve them.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { IMAGE_TYPES, imagePath, MAX_IMAGE_BYTES, type UploadedImage } from '../../shared/images.ts';
import { MAX_TOKEN_LENGTH } from '../../shared/limits.ts';
import { LINK_TOKEN_PARAM } from '../../shared/syncMessages.ts';
import { resolveLink } from '../auth/access.ts';
import { newId } from '../auth/tokens.ts';
import { sniffImage } from '../images/sniffImage.ts';
import type { Services } from '../services.ts';
import { DeckParams, editableDeck } from './deckAccess.ts';
import { HttpError, notFound, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';

const ImageParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an image id') });
/** A link holder's image address carries the link token, as the sync socket's does. */
const ImageQuery = z.object({ [LINK_TOKEN_PARAM]: z.string().max(MAX_TOKEN_LENGTH).optional() });

export function imageRoutes(app: FastifyInstance, services: Services): void {
  const { store, registry } = services;

  app.addContentTypeParser([...IMAGE_TYPES], { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES }, (_request, body, done) => done(null, body));

  app.post('/api/decks/:id/images', { bodyLimit: MAX_IMAGE_BYTES }, async (request, reply) => {
    const user = requireUser(request);
    const { id: deckId } = parse(DeckParams, request.params);
    await editableDeck(store, deckId);
    const declared = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!(IMAGE_TYPES as readonly string[]).includes(declared) || !Buffer.isBuffer(request.body)) {
      throw new HttpError(415, 'unsupported-media-type', `images must be one of ${IMAGE_TYPES.join(', ')}`);
    }
    const data = request.body;
    const actual = sniffImage(data);
    if (actual !== declared) throw new HttpError(415, 'unsupported-media-type', `the file is not a valid ${declared}`);
    const id = newId();
    await store.createImage({ id, deckId, contentType: actual, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), createdBy: user.id }, data);
    return reply.status(201).send({ id, url: imagePath(id), contentType: actual, bytes: data.length } satisfies UploadedImage);
  });

  app.get('/api/images/:id', async (request, reply) => {
    const { id } = parse(ImageParams, request.params);
    const { [LINK_TOKEN_PARAM]: token } = parse(ImageQuery, request.query);
    const image = await store.getImage(id);
    if (!image) throw notFound('image');
    if (!request.access) {
      // Attendees have no session: their link token must be valid and for this image's deck.
      const link = await resolveLink(store, token);
      if (link.state !== 'ok' || link.link.deckId !== image.deckId) {
        throw new HttpError(request.access === null && token === undefined ? 401 : 403, 'forbidden', 'not allowed to see this image');
      }
      // …and the image must be on a slide this audience has been shown ([AU1]).
      if (!(await registry.audienceShowsImage(image.deckId, imagePath(image.id)))) throw new HttpError(403, 'forbidden', 'this image is not on a slide shown to this audience');
    }
    const data = await store.getImageData(image.id);
    if (!data) throw notFound('image');
    return reply
      .header('content-type', image.contentType)
      .header('cache-control', 'private, max-age=31536000, immutable')
      // Replaces the page policy, so it repeats frame-ancestors: no other site may frame an image.
      .header('content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'")
      .header('content-disposition', 'inline')
      .send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
}
