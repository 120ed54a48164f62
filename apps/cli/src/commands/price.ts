import { black76, bsm, BsmGreeks, Greeks, OptionType, PricingInputError } from '@clearing/pricing';
import { CliCommand, parseArgs } from '../command';

const USAGE = `usage: clearing price [--model black76] --type call|put --forward F --strike K --years T --rate r --vol v [--json]
       clearing price --model bsm --type call|put --spot S --carry b --strike K --years T --rate r --vol v [--json]

  black76   option on a forward/future (Black 1976); delta and gamma are per 1.00 of the forward
  bsm       generalized Black-Scholes-Merton with cost of carry b: b = r stock, r - q dividend yield q,
            0 future, r - rf currency; delta and gamma are per 1.00 of spot
  rates, carry and vol are decimals per year (0.05 = 5%), continuously compounded; years to expiry
  --json    print exactly one JSON object {price, delta, gamma, vega, theta, rho}

Greeks: vega per 1.00 vol, theta per year of calendar time passing, rho per 1.00 rate (forward, or spot
and carry, held fixed). See docs/PRICING.md.`;

interface Model {
  readonly numericFlags: readonly string[];
  price(type: OptionType, value: (flag: string) => number): Greeks | BsmGreeks;
}

const MODELS: Readonly<Record<string, Model>> = {
  black76: {
    numericFlags: ['forward', 'strike', 'years', 'rate', 'vol'],
    price: (type, value) =>
      black76({
        type,
        forward: value('forward'),
        strike: value('strike'),
        years: value('years'),
        rate: value('rate'),
        vol: value('vol'),
      }),
  },
  bsm: {
    numericFlags: ['spot', 'strike', 'years', 'rate', 'carry', 'vol'],
    price: (type, value) =>
      bsm({
        type,
        spot: value('spot'),
        strike: value('strike'),
        years: value('years'),
        rate: value('rate'),
        carry: value('carry'),
        vol: value('vol'),
      }),
  },
};

/** Where the command writes; injectable so specs can capture output without touching the process. */
export interface CommandOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

const PROCESS_OUTPUT: CommandOutput = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Thrown while reading flags; becomes exit code 2 with the message, which names the flag. */
class UsageError extends Error {}

/** `clearing price`: one option's price and Greeks from the command line, for people or (--json) scripts. */
export function createPriceCommand(output: CommandOutput = PROCESS_OUTPUT): CliCommand {
  return {
    name: 'price',
    summary: 'price a European option (Black-76 or generalized Black-Scholes) with its Greeks',
    usage: USAGE,
    async run(args) {
      try {
        const { modelName, greeks, json } = priceFromArgs(args);
        output.stdout(json ? `${jsonLine(greeks)}\n` : `${table(modelName, greeks)}\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        output.stderr(`clearing price: ${error.message}\n${USAGE}\n`);
        return 2;
      }
    },
  };
}

export const priceCommand = createPriceCommand();

function priceFromArgs(args: readonly string[]): {
  modelName: string;
  greeks: Greeks | BsmGreeks;
  json: boolean;
} {
  const { flags, positional } = parseArgs(args);
  if (positional.length > 0) throw new UsageError(`unexpected argument '${positional[0]}'`);
  const modelName = flags.get('model') ?? 'black76';
  const model = MODELS[modelName];
  if (!model)
    throw new UsageError(`--model must be one of ${Object.keys(MODELS).join(', ')}, got '${modelName}'`);
  const known = new Set(['model', 'type', 'json', ...model.numericFlags]);
  const unknown = [...flags.keys()].find((flag) => !known.has(flag));
  if (unknown) throw new UsageError(`unknown flag --${unknown} for --model ${modelName}`);
  const json = flags.get('json');
  if (json !== undefined && json !== 'true') throw new UsageError(`--json takes no value, got '${json}'`);
  const type = flags.get('type');
  if (type !== 'call' && type !== 'put')
    throw new UsageError(`--type must be call or put, got '${type ?? ''}'`);
  try {
    return {
      modelName,
      greeks: model.price(type, (flag) => numericFlag(flags, flag)),
      json: json === 'true',
    };
  } catch (error) {
    if (error instanceof PricingInputError) throw new UsageError(`--${error.field}: ${error.message}`);
    throw error;
  }
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function numericFlag(flags: ReadonlyMap<string, string>, flag: string): number {
  const text = flags.get(flag);
  if (text === undefined || text === 'true') throw new UsageError(`missing --${flag} <number>`);
  if (!DECIMAL.test(text)) throw new UsageError(`--${flag} must be a decimal number, got '${text}'`);
  return Number(text);
}

function jsonLine({ price, delta, gamma, vega, theta, rho }: Greeks): string {
  return JSON.stringify({ price, delta, gamma, vega, theta, rho });
}

function table(modelName: string, greeks: Greeks | BsmGreeks): string {
  const underlying = modelName === 'bsm' ? 'spot' : 'forward';
  const rows: Array<[string, number, string]> = [
    ['price', greeks.price, ''],
    ['delta', greeks.delta, `per 1.00 of the ${underlying}`],
    ['gamma', greeks.gamma, `per 1.00 of the ${underlying}, squared`],
    ['vega', greeks.vega, `per 1.00 vol (${format(greeks.vega / 100)} per vol point)`],
    ['theta', greeks.theta, `per year (${format(greeks.theta / 365)} per calendar day)`],
    ['rho', greeks.rho, `per 1.00 rate, ${underlying}${modelName === 'bsm' ? ' and carry' : ''} held fixed`],
  ];
  if ('carryRho' in greeks)
    rows.push(['carry rho', greeks.carryRho, 'per 1.00 carry (rho + carry rho: carry moving with rate)']);
  const values = rows.map(([, value]) => format(value));
  const width = Math.max(...values.map((value) => value.length));
  return rows
    .map(([name, , unit], i) => `${name.padEnd(10)}${values[i].padStart(width)}  ${unit}`.trimEnd())
    .join('\n');
}

/** Ten significant digits: more than any input here is known to, few enough to read. */
function format(value: number): string {
  return String(Number(value.toPrecision(10)));
}
