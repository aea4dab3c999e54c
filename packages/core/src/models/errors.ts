/** Why a model document cannot be compiled or run: names the place in the document. */
export class ModelSpecError extends Error {
  override readonly name = 'ModelSpecError';
  constructor(
    /** Where in the document, e.g. `logic.sources[1].on[0]`. */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}
