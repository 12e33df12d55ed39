export * from './adoption-overrides.ts';
export * from './effective-definition.ts';
export * from './override-problems.ts';
export * from './contrast-ratio.ts';
