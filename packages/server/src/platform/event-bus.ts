/** A handler of one event; the announcer awaits it. */
export type EventHandler<Payload> = (payload: Payload) => Promise<void>;

/**
 * Announcements from one domain module to those above it, which subscribe when the app
 * is assembled: how the datasets module says "a batch has loaded" to the models module
 * without importing it (the arrow would point back up). Handlers run one after another,
 * in the order they subscribed, and are awaited; the first failure stops the rest and
 * reaches the announcer, which decides what it means (a failed follow-up after a commit
 * is logged; one inside a transaction rolls it back).
 */
export class EventBus<Events extends object> {
  private readonly handlers = new Map<keyof Events, EventHandler<never>[]>();

  on<Name extends keyof Events>(name: Name, handler: EventHandler<Events[Name]>): void {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
  }

  async emit<Name extends keyof Events>(name: Name, payload: Events[Name]): Promise<void> {
    for (const handler of this.handlers.get(name) ?? []) await (handler as EventHandler<Events[Name]>)(payload);
  }
}
