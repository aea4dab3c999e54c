/** A FIFO async mutex: `run` calls fn once every earlier caller has finished. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  /** Runs fn exclusively; resolves or rejects with fn's outcome. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    // The next caller waits for this one whether it succeeded or not.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
