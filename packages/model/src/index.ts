export * from './definition.ts';
export * from './errors.ts';
