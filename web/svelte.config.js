import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // The server process (server/src/index.ts) mounts build/handler.js; it owns the port.
    adapter: adapter({ out: 'build' }),
    // Only the app's own scripts and styles run: SvelteKit gives its inline bootstrap script (and
    // any inline style it writes) a fresh nonce per page; no eval (src/hooks.client.ts keeps Zod
    // from probing for it). Svelte's transitions use the Web Animations API, the editor sets
    // colours through the CSSOM and Tiptap's styles are a file, so no style attribute or <style>
    // element needs 'unsafe-inline'. Photos and recordings previewed before upload are
    // blob: URLs; 'self' in connect-src covers the collaboration websocket on the same origin.
    // The other page headers (framing, referrer, permissions) are set in server/src/web-handler.ts.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // The one style attribute: SvelteKit's route announcer (`svelte-announcer` in its
        // generated root.svelte), allowed by its hash. A SvelteKit update that changes it shows
        // up as a violation in tests/e2e/security-headers.e2e.ts.
        'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
        'img-src': ['self', 'blob:'],
        'media-src': ['self', 'blob:'],
        'connect-src': ['self'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['none'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};
