import serverPackage from '../package.json' with { type: 'json' };

/** Released version of the server, as reported by /api/health. */
export const version: string = serverPackage.version;
