import type { Address } from '../core/address.js';
import type { InboundEvent } from '../core/messages.js';
import type { RuntimeObserver } from '../core/ports.js';
import type { DispatchOptions, DispatchOutcome } from './dispatch.js';

/**
 * Tells the observer what one handled event amounted to. A person's event is timed from its arrival (including any
 * wait behind their previous one) until dispatch returns, which is just after its replies were handed to the sink.
 * Paced replies (scheduled check-ins) are not answers: the delivery queue counts them when it sends them.
 */
export function observe(observer: RuntimeObserver, address: Address, event: InboundEvent, options: DispatchOptions, outcome: DispatchOutcome, started: number): void {
  if (outcome.kind !== 'handled') return;
  const { transition } = outcome;
  for (const flowId of transition.completed ?? []) observer.flowCompleted(flowId);
  if (!('key' in address) || !(event.type === 'text' || event.type === 'command' || event.type === 'choice')) return;
  const platform = address.key.platform;
  observer.inbound(platform);
  if (transition.crisis) observer.crisis(platform);
  if (!options.paced && transition.messages.length) observer.replied(platform, (performance.now() - started) / 1000);
}
