import { z } from 'zod';

// Zod probes whether it may compile parsers with `new Function`; the CSP forbids eval, and the
// refused probe is reported as a violation even though Zod catches it. This runs before any
// schema is built (SvelteKit imports the client hooks first).
z.config({ jitless: true });
