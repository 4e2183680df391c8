/** `@behorig/kit/demo`: the demo people and organisations (README's table; seeds and tests use them). */
export * from '../demo-data';
export * from '../demo-organisation-details';
