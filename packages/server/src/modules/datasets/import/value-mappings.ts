import { type DatasetType, type ValueMappings, applyValueMappings, checkValueMappings } from '@qingfeng/core';
import { ValidationError } from '../../../http/errors.js';

/**
 * The dataset type as an import with the person's value mappings reads it (core's
 * applyValueMappings: each department word one more term of its code). Mappings that name a
 * field or code the type lacks, or redefine a word of the standard, refuse the import (400 on
 * `mapping.values`) before anything is read.
 */
export function withValueMappings(dataset: DatasetType, mappings: ValueMappings | undefined): DatasetType {
  if (mappings === undefined || Object.keys(mappings).length === 0) return dataset;
  const problems = checkValueMappings(dataset, mappings);
  if (problems.length > 0) {
    const zh = problems.map((p) => p.zh).join('；');
    const en = problems.map((p) => p.en).join('; ');
    throw new ValidationError(
      `字典映射有误：${zh} / the value mappings are wrong: ${en}`,
      'mapping.values',
      'value_mapping_refused',
    );
  }
  return applyValueMappings(dataset, mappings);
}
