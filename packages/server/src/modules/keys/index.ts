export { countKeyUse } from './key-usage.js';
export { reencryptAll, type ReencryptCounts } from './key-rotation.js';
export { addCurrentKey, KeyInUseError, retireKey } from './keys.service.js';
