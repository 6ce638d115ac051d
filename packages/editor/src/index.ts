export * from './auto-direction';
export * from './links';
export * from './presence';
export * from './schema';
export { Editor } from '@tiptap/core';
export * from './update-check';
export * from './board';
export type { AnyExtension } from '@tiptap/core';
export * from './anchor';
