import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { firstSlidePlugin } from './client/build/firstSlidePlugin.ts';
import { offlineShellPlugin } from './client/build/offlineShellPlugin.ts';
import { precompressPlugin } from './client/build/precompressPlugin.ts';

// The client is built into dist/client and served by the Node server on the same port.
// In development (`npm run dev`) Vite proxies the API and both websockets to the server.
const serverPort = Number(process.env.PORT ?? 8080);

export default defineConfig({
  root: 'client',
  // precompressPlugin last: it compresses what the others wrote (sw.js included).
  plugins: [react(), offlineShellPlugin(), firstSlidePlugin(), precompressPlugin()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // The server reads which stylesheets and scripts the attendee page needs (server/http/firstSlidePage.ts).
    manifest: true,
  },
  server: {
    port: Number(process.env.VITE_PORT ?? 5173),
    proxy: {
      // changeOrigin stays false: the server refuses writes whose Origin differs from Host.
      '/api': { target: `http://127.0.0.1:${serverPort}`, changeOrigin: false },
      '/healthz': { target: `http://127.0.0.1:${serverPort}`, changeOrigin: false },
      '/sync': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
      '/stats': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
});
