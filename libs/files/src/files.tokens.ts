/** Nest token of the {@link FilesConfig} read at start. */
export const FILES_CONFIG = Symbol('FILES_CONFIG');
