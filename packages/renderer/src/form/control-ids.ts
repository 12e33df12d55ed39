/** The ids of a field's parts, as rjsf names them, so links and aria references agree with the server page. */
export const helpId = (id: string): string => `${id}__help`;
export const errorId = (id: string): string => `${id}__error`;
export const descriptionId = (id: string): string => `${id}__description`;
export const titleId = (id: string): string => `${id}__title`;
export const optionId = (id: string, index: number): string => `${id}-${index}`;
export const buttonId = (id: string, kind: 'add' | 'remove'): string => `${id}__${kind}`;
