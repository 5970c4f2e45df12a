/**
 * Groups queued Office.js actions into as few syncs as the 5 MB request
 * limit allows: each action is counted by its estimated bytes before it is
 * queued, and the batch is synced first when it would pass the budget.
 */
import { OP_OVERHEAD, PAYLOAD_BUDGET } from './payload';

export class Batch {
  private bytes = 0;
  syncs = 0;
  maxBytes = 0;

  constructor(private readonly context: Excel.RequestContext, readonly budget: number = PAYLOAD_BUDGET) {}

  /** Makes room for an action of `bytes` (its arguments; the overhead is added here). */
  async need(bytes: number): Promise<void> {
    const b = bytes + OP_OVERHEAD;
    if (this.bytes > 0 && this.bytes + b > this.budget) await this.sync();
    this.bytes += b;
  }

  async sync(): Promise<void> {
    this.maxBytes = Math.max(this.maxBytes, this.bytes);
    this.bytes = 0;
    this.syncs++;
    await this.context.sync();
  }
}
