/** The method sessions' tables, one module per table or concern; import as `* as sessions`. */
export * from './boards';
export * from './canvases';
export * from './contracts';
export * from './contributions';
export * from './dependencies';
export * from './initiative-methods';
export * from './owner-confirmations';
export * from './releases';
export * from './representatives';
export * from './sessions';
export * from './stages';
export * from './validations';
export * from './writing-team';
