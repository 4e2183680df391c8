/**
 * `@behorig/kit/identity`: Swedish personal and organisation numbers and person names. Pure and
 * browser-safe (the web client imports it), so the personal-number vault, which needs node:crypto
 * and the file system, is `@behorig/kit/vault`.
 */
export * from '../identity-number';
export * from '../person-name';
