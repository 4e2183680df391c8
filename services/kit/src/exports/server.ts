/** `@behorig/kit/server`: the service and subgraph shell, scalars, logging, metrics, tracing, environment parsing. */
export * from '../server';
export * from '../subgraph';
export * from '../scalars';
export * from '../logger';
export * from '../metrics';
export * from '../tracing';
export * from '../request-context';
export * from '../env';
export * from '../argument-guard';
