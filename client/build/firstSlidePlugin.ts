/**
 * Builds the server's renderer of the attendee's first slide (client/src/present/
 * firstSlideRender.tsx, [AU13]) with every client build, into `<outDir>/.ssr/`: the server
 * finds it beside the client it serves, whichever directory that is (CLIENT_DIR), and a build
 * can never leave the two out of step. A dot directory, so the static file server does not
 * serve it (send refuses dot paths). Packages stay imports: Node resolves react and yjs from
 * the project's node_modules, so the renderer and the server share one yjs.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';
import { FIRST_SLIDE_MODULE } from '../../shared/firstSlide.ts';

const ENTRY = 'src/present/firstSlideRender.tsx';

export function firstSlidePlugin(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'tussenstand-first-slide',
    apply: (config, env) => env.command === 'build' && !config.build?.ssr,
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        plugins: [react()],
        publicDir: false,
        build: {
          ssr: ENTRY,
          outDir: path.join(outDir, path.dirname(FIRST_SLIDE_MODULE)),
          emptyOutDir: true,
          sourcemap: false,
          minify: false,
          // One file: the renderer never loads the chart or highlighter chunks (its charts are the loading box).
          rollupOptions: { output: { entryFileNames: path.basename(FIRST_SLIDE_MODULE), format: 'es', codeSplitting: false } },
        },
      });
    },
  };
}
