export { Organisation } from './Organisation';
export { Notice } from './Notice';
