import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // The server process (server/src/index.ts) mounts build/handler.js; it owns the port.
    adapter: adapter({ out: 'build' }),
  },
};
