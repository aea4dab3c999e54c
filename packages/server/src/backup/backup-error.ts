/** A backup or restore that cannot go on: a wrong passphrase, a damaged file, a target in use. */
export class BackupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BackupError';
  }
}
