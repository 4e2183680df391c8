export { Address } from './Address';
export { Mutation } from './Mutation';
export { Organisation } from './Organisation';
export { Unit } from './Unit';
