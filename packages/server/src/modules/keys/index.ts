export { countKeyUse } from './key-usage.js';
export { reencryptAll, type ReencryptCounts } from './key-rotation.js';
export { KeyInUseError, retireKey, rotateKeys, type RotationResult } from './keys.service.js';
