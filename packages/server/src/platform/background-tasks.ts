/**
 * Work a request starts but need not wait for, such as a new batch's quality report: it
 * runs at once, beside whatever comes next; a failure is raised as a process warning (the
 * work is optional by nature); the platform waits for all of it before its stores close.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

  /** Starts `work`; `label` names it in the warning if it fails. */
  start(label: string, work: () => Promise<void>): void {
    const task: Promise<void> = work()
      .catch((error: unknown) => process.emitWarning(`${label}: ${String(error)}`))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  /** Resolves once nothing started here is running, including work started meanwhile. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}
