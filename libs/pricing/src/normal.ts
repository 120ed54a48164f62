/**
 * Standard normal density and distribution function.
 *
 * The cdf is W. J. Cody's rational Chebyshev approximation ("Rational Chebyshev approximations for the
 * error function", Math. Comp. 23 (1969) 631-637; algorithm ANORM in Cody's SPECFUN on netlib), the same
 * algorithm and coefficients R's pnorm uses. It is accurate to about 1e-16 relative in both tails, which
 * matters here: a put's price is computed from N(-d) directly, never as 1 - N(d), so deep out-of-the-money
 * options keep their significant digits instead of cancelling to zero.
 */

const INV_SQRT_2PI = 0.3989422804014327; // 1 / sqrt(2 pi)
const SQRT_32 = 5.656854249492381;
/** |x| at which N(x) = 0.75; Cody switches from the central to the middle approximation there. */
const CENTRAL_LIMIT = 0.67448975;
/** Beyond this |x| the smaller tail underflows a double (N(-37.5193) ~ 1e-308). */
const TAIL_LIMIT = 37.5193;

// Cody's coefficients (20 significant digits in the original), each rounded to the nearest double.
const CENTRAL_NUM = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356];
const CENTRAL_NUM_LEAD = 0.06568233791820745;
const CENTRAL_DEN = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];

const MIDDLE_NUM = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978,
];
const MIDDLE_NUM_LEAD = 1.0765576773720192e-8;
const MIDDLE_DEN = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];

const TAIL_NUM = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  0.000029112874951168793,
];
const TAIL_NUM_LEAD = 0.023073441764940174;
const TAIL_DEN = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662,
];

/** Standard normal probability density n(x) = exp(-x^2/2) / sqrt(2 pi). */
export function normPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Standard normal cumulative distribution N(x) = P(Z <= x), Cody's algorithm (see file comment). */
export function normCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= CENTRAL_LIMIT) return 0.5 + x * centralRatio(x * x);
  if (y >= TAIL_LIMIT) return x > 0 ? 1 : 0;
  const ratio = y <= SQRT_32 ? middleRatio(y) : tailRatio(y);
  const smallerTail = gaussianFactor(y) * ratio;
  return x > 0 ? 1 - smallerTail : smallerTail;
}

/** Rational approximation of (N(x) - 0.5) / x for |x| <= 0.674, as a function of x^2. */
function centralRatio(xsq: number): number {
  let num = CENTRAL_NUM_LEAD * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + CENTRAL_NUM[i]) * xsq;
    den = (den + CENTRAL_DEN[i]) * xsq;
  }
  return (num + CENTRAL_NUM[3]) / (den + CENTRAL_DEN[3]);
}

/** N(-y) * exp(y^2/2) for 0.674 < y <= sqrt(32). */
function middleRatio(y: number): number {
  let num = MIDDLE_NUM_LEAD * y;
  let den = y;
  for (let i = 0; i < 7; i++) {
    num = (num + MIDDLE_NUM[i]) * y;
    den = (den + MIDDLE_DEN[i]) * y;
  }
  return (num + MIDDLE_NUM[7]) / (den + MIDDLE_DEN[7]);
}

/** N(-y) * exp(y^2/2) for y > sqrt(32): asymptotic expansion in 1/y^2. */
function tailRatio(y: number): number {
  const inv = 1 / (y * y);
  let num = TAIL_NUM_LEAD * inv;
  let den = inv;
  for (let i = 0; i < 4; i++) {
    num = (num + TAIL_NUM[i]) * inv;
    den = (den + TAIL_DEN[i]) * inv;
  }
  const correction = (inv * (num + TAIL_NUM[4])) / (den + TAIL_DEN[4]);
  return (INV_SQRT_2PI - correction) / y;
}

/**
 * exp(-y^2/2), split as Cody does into exp(-r^2/2) * exp(-(y-r)(y+r)/2) with r = y rounded down to 1/16,
 * because y*y itself loses low-order bits that the exponential would amplify in the far tail.
 */
function gaussianFactor(y: number): number {
  const rounded = Math.trunc(y * 16) / 16;
  const remainder = (y - rounded) * (y + rounded);
  return Math.exp(-rounded * rounded * 0.5) * Math.exp(-remainder * 0.5);
}
