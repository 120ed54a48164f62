// The live risk page: reads the clearing API with the key the user pasted (kept in sessionStorage only, so
// it leaves with the tab) and refreshes from GET /v1/stream. No framework, no build step, no external
// assets. Data is only ever written with textContent: account ids and case ids come from outside.
'use strict';

const KEY_ITEM = 'clearing.riskPage.apiKey';
/** Bursts of band changes (a crash reprices thousands of accounts) become one refresh per second. */
const REFRESH_AFTER_EVENT_MS = 1000;
const RECONNECT_MS = 2000;
const NEAREST_ROWS = 10;

let refreshTimer;
let streamAbort;

const byId = (id) => document.getElementById(id);
const apiKey = () => sessionStorage.getItem(KEY_ITEM);

function setStatus(text, isError = false) {
  byId('status').textContent = text;
  byId('status').classList.toggle('error', isError);
}

async function api(path) {
  const response = await fetch(path, { headers: { authorization: `Bearer ${apiKey()}` } });
  if (response.status === 404) return undefined;
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${body.detail ?? body.title ?? ''}`);
  return body;
}

/** A decimal string as a percentage, by moving the point (exact: never through a float). */
function percent(decimal) {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) return decimal;
  const fraction = (match[3] ?? '').padEnd(2, '0');
  const whole = String(BigInt(match[2] + fraction.slice(0, 2)));
  const rest = fraction.slice(2).replace(/0+$/, '');
  return `${match[1]}${whole}${rest ? `.${rest}` : ''}%`;
}

function fillTable(id, rows, columns) {
  const body = byId(id).querySelector('tbody');
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      for (const [value, numeric] of columns(row)) {
        const td = document.createElement('td');
        td.textContent = value ?? '–';
        if (numeric) td.className = 'num';
        tr.append(td);
      }
      return tr;
    }),
  );
}

function renderBands(histogram) {
  const widest = Math.max(1, ...histogram.items.map((b) => b.accounts));
  byId('bands').replaceChildren(
    ...histogram.items.map(({ band, accounts }) => {
      const row = document.createElement('div');
      row.className = 'band-row';
      row.dataset.band = band;
      const label = document.createElement('span');
      label.textContent = band;
      const bar = document.createElement('div');
      bar.className = `bar ${band}`;
      bar.style.width = `${(100 * accounts) / widest}%`;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = String(accounts);
      row.append(label, bar, count);
      return row;
    }),
  );
  byId('unpriced').textContent = String(histogram.unpriced);
  byId('total').textContent = String(histogram.total);
}

function renderSolvency(report) {
  byId('cover2-ratio').textContent = report
    ? report.ratio === null
      ? 'nothing required'
      : report.ratio.toFixed(2)
    : 'no report yet';
  byId('cover2-sufficient').textContent = report ? (report.sufficient ? 'yes' : 'NO — shortfall') : '–';
  byId('cover2-fund').textContent = report?.insuranceFundUsd ?? '–';
  byId('cover2-excess').textContent = report?.excessCollateralUsd ?? '–';
  byId('cover2-required').textContent = report?.requiredUsd ?? '–';
  byId('cover2-asof').textContent = report?.asOf ?? '–';
}

function renderNetting(cycle) {
  byId('netting-cycle').textContent = cycle
    ? `${cycle.cycleId} (closed ${cycle.closedAt})`
    : 'none closed yet';
  fillTable('netting', cycle?.byAsset ?? [], (a) => [
    [a.asset],
    [a.gross, true],
    [a.net, true],
    [percent(a.nettingEfficiency), true],
  ]);
}

async function refresh() {
  refreshTimer = undefined;
  try {
    const [bands, nearest, cases, funds, solvency, cycles] = await Promise.all([
      api('/v1/risk/health-bands'),
      api(`/v1/risk/nearest-liquidation?limit=${NEAREST_ROWS}`),
      api('/v1/liquidations?open=true&limit=50'),
      api('/v1/insurance-funds'),
      api('/v1/solvency'),
      api('/v1/netting/cycles?limit=1'),
    ]);
    renderBands(bands);
    fillTable('nearest', nearest.items, (a) => [
      [a.accountId],
      [a.band],
      [a.healthRatio, true],
      [a.marginNlvUsd, true],
      [a.mmUsd, true],
      [a.cushionUsd, true],
    ]);
    fillTable('cases', cases.items, (c) => [
      [c.caseId],
      [c.accountId],
      [c.phase],
      [String(c.steps), true],
      [c.openedAt],
    ]);
    fillTable('funds', funds.items, (f) => [[f.fundAccount], [f.asset], [f.balance, true]]);
    renderSolvency(solvency);
    renderNetting(cycles.items[0]);
    document.body.dataset.refreshedAt = new Date().toISOString();
  } catch (error) {
    setStatus(String(error.message ?? error), true);
  }
}

function scheduleRefresh() {
  refreshTimer ??= setTimeout(refresh, REFRESH_AFTER_EVENT_MS);
}

function onEvent(event, data) {
  if (event === 'solvency') renderSolvency(data);
  else if (event === 'netting') renderNetting(data);
  else scheduleRefresh();
}

/** EventSource cannot send an Authorization header, and a key in the URL would land in access logs. */
async function listen(abort) {
  const response = await fetch('/v1/stream', {
    headers: { authorization: `Bearer ${apiKey()}` },
    signal: abort.signal,
  });
  if (response.status === 401 || response.status === 403) {
    // Retrying cannot help a refused key: stop, and say so until another key is pasted.
    abort.abort();
    setStatus(`Key refused (${response.status}): the risk page needs an operator or auditor key.`, true);
    return;
  }
  if (!response.ok) throw new Error(`/v1/stream: ${response.status}`);
  setStatus('Live: listening to /v1/stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: ?(.*)$/m.exec(block)?.[1] ?? 'message';
      const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
      if (data) onEvent(event, JSON.parse(data));
    }
  }
}

async function connect() {
  streamAbort?.abort();
  const abort = new AbortController();
  streamAbort = abort;
  await refresh();
  while (!abort.signal.aborted) {
    await listen(abort).catch(
      (error) => abort.signal.aborted || setStatus(`Stream: ${error.message}; reconnecting`, true),
    );
    if (!abort.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      await refresh();
    }
  }
}

byId('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = byId('key').value.trim();
  if (!key) return;
  sessionStorage.setItem(KEY_ITEM, key);
  byId('key').value = '';
  void connect();
});
byId('forget').addEventListener('click', () => {
  sessionStorage.removeItem(KEY_ITEM);
  streamAbort?.abort();
  setStatus('Key forgotten. Paste a key to connect.');
});
if (apiKey()) void connect();
