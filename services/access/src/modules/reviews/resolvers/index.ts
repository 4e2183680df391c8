export { AccessReview } from './AccessReview';
export { AccessReviewItem } from './AccessReviewItem';
export { Mutation } from './Mutation';
export { Query } from './Query';
export { Organisation } from './Organisation';
