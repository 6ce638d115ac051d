export * from './schema';
export * from './rules';
export * from './load';
export * from './builtin';
