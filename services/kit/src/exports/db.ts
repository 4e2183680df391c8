/** `@behorig/kit/db`: PostgreSQL and MikroORM set-up, migrations, pagination, loaders, input that PostgreSQL can store. */
export * from '../db';
export * from '../orm';
export * from '../connection';
export * from '../loaders';
export * from '../database-unavailable';
export * from '../migration-job';
export * from '../storable-input';
export * from '../decision-cache';
export * from '../table';
