import { McLookups } from './mc-lookups';
import { McPropertiesProvider } from './mc-properties.provider';

/** bpmn-js module: the `mc:` properties groups and the lookups they show. */
export const McPropertiesModule = {
  __init__: ['mcPropertiesProvider'],
  mcPropertiesProvider: ['type', McPropertiesProvider],
  mcLookups: ['type', McLookups],
};
