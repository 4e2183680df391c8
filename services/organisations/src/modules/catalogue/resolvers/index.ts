export { Mutation } from './Mutation';
export { Query } from './Query';
export { SchoolForm } from './SchoolForm';
export { Service } from './Service';
