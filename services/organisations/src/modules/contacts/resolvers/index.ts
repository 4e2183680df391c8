export { ContactPerson } from './ContactPerson';
export { Mutation } from './Mutation';
export { Organisation } from './Organisation';
export { PaymentAccount } from './PaymentAccount';
