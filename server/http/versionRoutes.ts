/** Version history of a deck: make, list, view (read-only), export and restore versions. */
import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import { z } from 'zod';
import {
  CreateVersionRequest,
  VERSION_PREVIEW_CHARS,
  type RestoreVersionResponse,
  type VersionInfo,
  type VersionListResponse,
  type VersionSummary,
} from '../../shared/deckFilesApi.ts';
import { listSlides, readMeta } from '../../shared/deckModel.ts';
import { plainText, readFragment } from '../../shared/deckFile/tree.ts';
import { deckToMarkdown } from '../../shared/deckFile/toMarkdown.ts';
import { contentDisposition, exportFileName, versionSuffix } from '../../shared/fileNames.ts';
import type { VersionRecord } from '../storage/Store.ts';
import type { Services } from '../services.ts';
import { DeckParams, editableDeck } from './deckAccess.ts';
import { notFound, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';
import { userNames, type NameOf } from './userReplies.ts';

const VersionParams = DeckParams.extend({ version: z.string().min(1).max(64) });

const toInfo = (v: VersionRecord, name: NameOf): VersionInfo => ({ id: v.id, label: v.label, kind: v.kind, createdAt: v.createdAt, createdBy: name(v.createdBy) });

export function versionRoutes(app: FastifyInstance, services: Services): void {
  const { store, versions } = services;

  async function findVersion(deckId: string, versionId: string) {
    const version = await store.getVersion(deckId, versionId);
    if (!version) throw notFound('version');
    return version;
  }

  const describe = async (v: VersionRecord): Promise<VersionInfo> => toInfo(v, await userNames(store));

  app.post('/api/decks/:id/versions', async (request, reply) => {
    const user = requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const { label } = parse(CreateVersionRequest, request.body);
    await editableDeck(store, id);
    return reply.status(201).send(await describe(await versions.create(id, label, 'manual', user.id)));
  });

  app.get('/api/decks/:id/versions', async (request) => {
    requireUser(request);
    const { id } = parse(DeckParams, request.params);
    await editableDeck(store, id);
    const name = await userNames(store);
    return { versions: (await store.listVersions(id)).map((v) => toInfo(v, name)) } satisfies VersionListResponse;
  });

  // A summary for the history list's preview; the full document comes from /state.
  app.get('/api/decks/:id/versions/:version', async (request) => {
    requireUser(request);
    const { id, version: versionId } = parse(VersionParams, request.params);
    const version = await findVersion(id, versionId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, versions.frozenState(version));
    const summary: VersionSummary = {
      ...(await describe(version)),
      meta: readMeta(doc),
      slides: listSlides(doc).map((s) => ({ id: s.id, layout: s.layout, text: plainText(readFragment(s.content)).slice(0, VERSION_PREVIEW_CHARS) })),
    };
    doc.destroy();
    return summary;
  });

  /** The version's document (a Yjs update) with its charts frozen, for a read-only viewer. */
  app.get('/api/decks/:id/versions/:version/state', async (request, reply) => {
    requireUser(request);
    const { id, version: versionId } = parse(VersionParams, request.params);
    const version = await findVersion(id, versionId);
    return reply.header('content-type', 'application/octet-stream').send(Buffer.from(versions.frozenState(version)));
  });

  app.get('/api/decks/:id/versions/:version/export.md', async (request, reply) => {
    requireUser(request);
    const { id, version: versionId } = parse(VersionParams, request.params);
    const version = await findVersion(id, versionId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, versions.frozenState(version));
    const markdown = deckToMarkdown(doc);
    const { title, language } = readMeta(doc);
    doc.destroy();
    return reply.header('content-type', 'text/markdown; charset=utf-8').header('content-disposition', contentDisposition(exportFileName(title, 'md', versionSuffix(version, language)))).send(markdown);
  });

  /** The version as a PowerPoint file: charts at the version's figures, named after what the version is. */
  app.get('/api/decks/:id/versions/:version/export.pptx', async (request, reply) => {
    requireUser(request);
    const { id, version: versionId } = parse(VersionParams, request.params);
    const version = await findVersion(id, versionId);
    const state = versions.frozenState(version);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const { title, language } = readMeta(doc);
    doc.destroy();
    const { deckToPptx } = await import('../export/pptx.ts');
    // Every chart of a version is frozen: no live value is asked for.
    const file = await deckToPptx(state, { statValue: () => undefined, image: (imageId) => store.getImageData(imageId), title });
    const suffix = versionSuffix(version, language);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.presentationml.presentation')
      .header('content-disposition', contentDisposition(exportFileName(title, 'pptx', suffix)))
      .send(file);
  });

  app.post('/api/decks/:id/versions/:version/restore', async (request) => {
    const user = requireUser(request);
    const { id, version: versionId } = parse(VersionParams, request.params);
    await editableDeck(store, id);
    const version = await findVersion(id, versionId);
    const backup = await versions.restore(id, version, user.id);
    await store.recordDeckEvent({ deckId: id, kind: 'version-restored', userId: user.id, detail: { version: version.id, label: version.label, backup: backup.id } });
    return { restored: version.id, backup: await describe(backup) } satisfies RestoreVersionResponse;
  });
}
