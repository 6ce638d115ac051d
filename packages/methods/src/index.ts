export * from './schema';
export * from './load';
export * from './builtin';
