import { jestGlobalSetup } from './testing';
export default jestGlobalSetup;
