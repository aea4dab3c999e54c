/**
 * A failure the CLI explains in one message and answers with a non-zero exit code: 1 unless
 * the command gives another meaning (the witness answers 2 when the log itself misbehaved).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
