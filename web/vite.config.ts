import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/** Where `pnpm dev` runs the API server; Vite proxies /api and /collab to it. */
const apiTarget = process.env.MIZUG_API_URL ?? 'http://localhost:3001';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: {
      '/api': apiTarget,
      '/collab': { target: apiTarget, ws: true },
    },
  },
});
