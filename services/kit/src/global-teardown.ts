import { jestGlobalTeardown } from './testing';
export default jestGlobalTeardown;
