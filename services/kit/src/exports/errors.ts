/** `@behorig/kit/errors`: the contract's error codes and the reason catalogue (pure: graphql only). */
export * from '../errors';
