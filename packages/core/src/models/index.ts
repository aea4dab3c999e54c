// Comparison models as data: the document types, the built-in library, parameter
// resolution, validation, and the compiler to DuckDB / PostgreSQL SQL (pure, no I/O).
export type * from './spec-types.js';
export { MODEL_CATEGORIES } from './categories.js';
export { ModelSpecError } from './errors.js';
export { checkParamValue, resolveParams, type ResolvedParams } from './params.js';
export { SUMMARY_FACTS, checkModelSpec, validateModelSpec } from './validate.js';
export { type ModelIssue, issueOf, messageWords, placeWords } from './issue-words.js';
export type { ModelEngine } from './compiler/binder.js';
export { compileModel, MODEL_OUTPUT_COLUMNS, type CompileOptions, type CompiledModel } from './compiler/compile.js';
export { BUILTIN_MODELS, findBuiltinModel, renderExplanation } from './library/index.js';
export { renderLibraryDoc } from './render-library-doc.js';
export { fieldsReadByModel } from './fields-read.js';
export { type FactKind, columnKind, factKindsOf, placeholderKind } from './fact-kinds.js';
export { type ExplainOptions, explainHit, explainHitBoth, factText, literalText } from './explain.js';
export { columnLabel, columnValueText } from './evidence-words.js';
export { paramValueText, paramsInWords } from './param-words.js';
export { evidenceRoleLabel, knownEvidenceRoles } from './evidence-roles.js';
