import { AssetRegistry } from '../assets';
import { InvalidJournalEventError, JournalEvent } from '../journal-event';
import { JsonObject } from '../json';
import { JournalEventWire, journalEventFromWire, journalEventToWire, wireShapeProblem } from '../wire';

/**
 * The journal's wire codec with a self-describing asset registry: an instrument's position units are
 * registered from the terms that trade events carry, so any reader (writer restore, projections,
 * `clearing verify`, replays) parses amounts at the right scale with no instrument registry of its own.
 */
export class JournalCodec {
  constructor(readonly assets: AssetRegistry = AssetRegistry.withBaseAssets()) {}

  toWire(event: JournalEvent): JournalEventWire {
    this.learnAssets(event.payload);
    return journalEventToWire(event, this.assets);
  }

  fromWire(wire: JournalEventWire): JournalEvent {
    const problem = wireShapeProblem(wire);
    if (problem !== undefined) throw new InvalidJournalEventError(`journal event on the wire: ${problem}`);
    this.learnAssets(wire.payload);
    return journalEventFromWire(wire, this.assets);
  }

  scaleOf = (asset: string): number => this.assets.scaleOf(asset);

  private learnAssets(payload: JsonObject): void {
    const terms = (payload.position as JsonObject | undefined)?.terms as JsonObject | undefined;
    if (!terms || terms.kind === 'spot') return;
    this.assets.register({
      code: terms.instrument as string,
      scale: terms.positionScale as number,
      kind: 'position',
    });
  }
}
