export { Mutation } from './Mutation';
export { Organisation } from './Organisation';
export { Query } from './Query';
