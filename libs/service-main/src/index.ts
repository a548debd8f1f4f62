export { runServiceAlone } from './run-service-alone';
