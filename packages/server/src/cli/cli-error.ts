/** A failure the CLI explains in one message and answers with a non-zero exit code. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
