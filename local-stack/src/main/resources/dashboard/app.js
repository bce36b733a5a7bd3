'use strict';
// The live page: polls the launcher's JSON endpoints and redraws. No build step; ECharts comes from its WebJar.
(function () {
  const PIPELINE_EVERY_MS = 5000;
  const MARKET_EVERY_MS = 10000;
  const count = new Intl.NumberFormat('en-US');
  const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
  const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const byId = (id) => document.getElementById(id);
  const state = { symbol: null, tableExists: false, marketBusy: false, pipelineBusy: false };

  const candles = echarts.init(byId('candles'));
  const spread = echarts.init(byId('spread'));
  window.addEventListener('resize', () => { candles.resize(); spread.resize(); });

  async function getJson(url, options) {
    const response = await fetch(url, options);
    const body = await response.json();
    if (!response.ok || body.error) {
      throw new Error(body.error || ('HTTP ' + response.status));
    }
    return body;
  }

  function query(name, symbol) {
    const params = new URLSearchParams({ name: name });
    if (symbol) { params.set('symbol', symbol); }
    return getJson('/api/query?' + params.toString());
  }

  function column(result, name) {
    const index = result.columns.indexOf(name);
    return result.rows.map((row) => row[index]);
  }

  function bytes(n) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = n; let unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
  }

  function seconds(s) {
    return s === null || s === undefined ? '–' : decimal.format(s) + ' s';
  }

  function setText(id, text) { byId(id).textContent = text; }

  function fillRows(tbody, rows) {
    tbody.replaceChildren(...rows.map((cells) => {
      const tr = document.createElement('tr');
      cells.forEach((cell) => {
        const td = document.createElement('td');
        td.textContent = cell.text;
        if (cell.className) { td.className = cell.className; }
        tr.appendChild(td);
      });
      return tr;
    }));
  }

  // ---- Pipeline -------------------------------------------------------------------------------------------
  async function refreshPipeline() {
    if (state.pipelineBusy) { return; }
    state.pipelineBusy = true;
    try {
      const p = await getJson('/api/pipeline');
      if (p.pending) {
        setText('refresh-status', 'Waiting for the first reading of the pipeline…');
        return;
      }
      setText('ticks-produced', count.format(p.ticksProduced));
      setText('ticks-rate', decimal.format(p.ticksPerSecond) + ' ticks/s');
      setText('records-s3', count.format(p.recordsInS3));
      setText('records-rate', decimal.format(p.recordsPerSecond) + ' records/s');
      setText('bytes-s3', bytes(p.bytesInS3));
      setText('bytes-rate', bytes(p.bytesPerSecond) + '/s');
      setText('objects', count.format(p.objects));
      const c = p.compaction;
      setText('queried-objects', count.format(c.queriedObjects));
      setText('compaction', 'at most ' + count.format(c.maxPerPartition) + ' in a partition; '
        + count.format(c.compactedPartitions) + ' partitions compacted, ' + count.format(c.compactions)
        + ' compactions');
      setText('glue-partitions', p.gluePartitions < 0 ? 'no table yet' : count.format(p.gluePartitions));
      setText('lag', count.format(p.lag));
      const f = p.freshness;
      setText('freshness', seconds(f.p50Seconds) + ' / ' + seconds(f.p99Seconds));
      setText('freshness-latest', 'latest ' + seconds(f.latestSeconds) + ', ' + f.samples + ' samples');
      setText('freshness-method', 'Freshness (event time → queryable): ' + f.method);
      fillRows(byId('connectors').tBodies[0], p.connectors.map((c) => {
        const running = c.tasks.filter((t) => t.state === 'RUNNING').length;
        const tasks = c.tasks.filter((t) => t.state !== 'RUNNING').map((t) => 'task ' + t.id + ' ' + t.state).join(', ');
        return [{ text: c.name }, { text: c.state, className: 'state-' + c.state },
          { text: running + '/' + c.tasks.length + ' running' + (tasks ? ' (' + tasks + ')' : '') }];
      }));
      const errors = byId('errors');
      if (p.errors.length === 0) {
        const li = document.createElement('li'); li.className = 'note'; li.textContent = 'None.';
        errors.replaceChildren(li);
      } else {
        errors.replaceChildren(...p.errors.slice().reverse().map((e) => {
          const li = document.createElement('li');
          li.textContent = e.time + ' ' + e.source + ': ' + e.message + ' — see ';
          const where = document.createElement('code'); where.textContent = e.where;
          li.appendChild(where);
          return li;
        }));
      }
      state.tableExists = p.gluePartitions > 0;
      setText('refresh-status', 'Updated ' + new Date(p.time).toLocaleTimeString() + '; refreshes every '
        + PIPELINE_EVERY_MS / 1000 + ' s (market every ' + MARKET_EVERY_MS / 1000 + ' s).');
    } catch (e) {
      setText('refresh-status', 'Pipeline unavailable: ' + e.message);
    } finally {
      state.pipelineBusy = false;
    }
  }

  // ---- Market ---------------------------------------------------------------------------------------------
  async function refreshSymbols() {
    const stats = await query('spread_stats');
    const symbols = column(stats, 'symbol');
    const select = byId('symbol');
    const known = Array.from(select.options).map((o) => o.value);
    if (symbols.join() !== known.join()) {
      select.replaceChildren(...symbols.map((s) => new Option(s, s)));
    }
    if (!state.symbol || !symbols.includes(state.symbol)) {
      state.symbol = symbols[0] || null;
    }
    select.value = state.symbol || '';
  }

  async function refreshCandles() {
    const symbol = state.symbol;
    let bars;
    let vwap;
    try {
      [bars, vwap] = await Promise.all([query('candles_1m', symbol), query('vwap_running', symbol)]);
    } catch (e) {
      // The bars table appears with the analytics' first final bar: a minute after the first ticks, and its grace.
      candles.clear();
      setText('candles-summary', 'No final bars in stock_bars_1m yet for ' + symbol
        + ': a minute\'s bar lands once the minute and its grace have passed (' + e.message + ').');
      return;
    }
    if (bars.missing) {
      candles.clear();
      setText('candles-summary', 'No final bars in stock_bars_1m yet for ' + symbol
        + ': a minute\'s bar lands once the minute and its grace have passed.');
      return;
    }
    const order = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    const barRows = bars.rows.map((r) => [r[bars.columns.indexOf('minute')],
      +r[bars.columns.indexOf('open')], +r[bars.columns.indexOf('close')],
      +r[bars.columns.indexOf('low')], +r[bars.columns.indexOf('high')],
      +r[bars.columns.indexOf('volume')]]).sort(order);
    const vwapByMinute = new Map(vwap.rows.map((r) => [r[vwap.columns.indexOf('minute')], +r[vwap.columns.indexOf('vwap')]]));
    const minutes = barRows.map((r) => r[0]);
    candles.setOption({
      animation: false,
      aria: { enabled: true },
      legend: { data: ['OHLC', 'VWAP'], top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
      grid: { left: 60, right: 20, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: minutes.map((m) => m.substring(11, 16)), boundaryGap: true },
      yAxis: { scale: true, name: 'USD' },
      dataZoom: [{ type: 'inside', start: Math.max(0, 100 - 6000 / Math.max(1, minutes.length)), end: 100 },
        { type: 'slider', bottom: 10 }],
      series: [
        { name: 'OHLC', type: 'candlestick', data: barRows.map((r) => [r[1], r[2], r[3], r[4]]),
          itemStyle: { color: '#11703a', color0: '#b3261e', borderColor: '#11703a', borderColor0: '#b3261e' } },
        { name: 'VWAP', type: 'line', showSymbol: false, data: minutes.map((m) => vwapByMinute.get(m) ?? null),
          lineStyle: { width: 2, color: '#0b5cad' }, itemStyle: { color: '#0b5cad' } }
      ]
    }, { notMerge: true });
    const last = barRows[barRows.length - 1];
    setText('candles-summary', last
      ? symbol + ': ' + barRows.length + ' final one-minute bars today (stock_bars_1m); last bar ' + last[0] + ' UTC closed at '
        + price.format(last[2]) + ', VWAP ' + price.format(vwapByMinute.get(last[0]) ?? NaN) + '.'
      : 'No bars yet for ' + symbol + '.');
  }

  async function refreshSpread() {
    const result = await query('spread_1m', state.symbol);
    const rows = result.rows.map((r) => [r[result.columns.indexOf('minute')], +r[result.columns.indexOf('avg_spread')]])
      .sort((a, b) => (a[0] < b[0] ? -1 : 1));
    spread.setOption({
      animation: false,
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((r) => r[0].substring(11, 16)) },
      yAxis: { scale: true, name: 'USD' },
      series: [{ name: 'Average spread', type: 'line', showSymbol: false, data: rows.map((r) => r[1]),
        lineStyle: { color: '#6b3fa0' }, itemStyle: { color: '#6b3fa0' } }]
    }, { notMerge: true });
    const last = rows[rows.length - 1];
    setText('spread-summary', last ? 'Latest minute ' + last[0].substring(11, 16) + ' UTC: average spread '
      + last[1].toFixed(4) + ' USD.' : '');
  }

  async function refreshAlerts() {
    const shown = 20;
    let result;
    try {
      result = await query('alerts_day');
    } catch (e) {
      fillRows(byId('alerts').tBodies[0], []);
      setText('alerts-summary', 'No alerts today: the table stock_alerts appears with the first one.');
      return;
    }
    if (result.missing) {
      fillRows(byId('alerts').tBodies[0], []);
      setText('alerts-summary', 'No alerts today: the table stock_alerts appears with the first one.');
      return;
    }
    const c = (name) => result.columns.indexOf(name);
    fillRows(byId('alerts').tBodies[0], result.rows.slice(0, shown).map((r) => [
      { text: String(r[c('event_time')]).substring(11, 19) }, { text: r[c('symbol')] },
      { text: r[c('alert_type')] }, { text: r[c('detail')] }]));
    setText('alerts-summary', result.rows.length === 0 ? 'No alerts today.'
      : result.rows.length + ' alerts today' + (result.rows.length > shown ? ', the newest ' + shown + ' shown.' : '.'));
  }

  async function refreshMovers() {
    const result = await query('top_movers');
    const c = (name) => result.columns.indexOf(name);
    fillRows(byId('movers').tBodies[0], result.rows.map((r) => {
      const change = +r[c('change_pct')];
      return [{ text: r[c('symbol')] }, { text: price.format(+r[c('first_price')]), className: 'num' },
        { text: price.format(+r[c('last_price')]), className: 'num' },
        { text: (change > 0 ? '+' : '') + change.toFixed(2) + ' %', className: 'num ' + (change >= 0 ? 'up' : 'down') },
        { text: count.format(+r[c('volume')]), className: 'num' }];
    }));
  }

  async function refreshMarket() {
    if (state.marketBusy || !state.tableExists) { return; }
    state.marketBusy = true;
    try {
      setText('market-day', new Date().toISOString().substring(0, 10) + ' (UTC)');
      await refreshSymbols();
      if (state.symbol) {
        await Promise.all([refreshCandles(), refreshSpread(), refreshMovers(), refreshAlerts()]);
      }
    } catch (e) {
      setText('candles-summary', 'Market data unavailable: ' + e.message);
    } finally {
      state.marketBusy = false;
    }
  }

  byId('symbol').addEventListener('change', (event) => {
    state.symbol = event.target.value;
    refreshMarket();
  });

  // ---- SQL ------------------------------------------------------------------------------------------------
  function showResult(result) {
    const table = byId('sql-result');
    const head = document.createElement('tr');
    result.columns.forEach((name) => {
      const th = document.createElement('th'); th.scope = 'col'; th.textContent = name; head.appendChild(th);
    });
    table.tHead.replaceChildren(head);
    fillRows(table.tBodies[0], result.rows.map((row) => row.map((cell) => ({ text: cell }))));
  }

  async function runSql(sql) {
    const status = byId('sql-status');
    status.className = '';
    status.textContent = 'Running…';
    try {
      const result = await getJson('/api/sql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sql }) });
      showResult(result);
      status.textContent = result.rows.length + (result.rows.length === 1 ? ' row' : ' rows')
        + (result.truncated ? ' (first ' + result.rows.length + ' shown)' : '') + '.';
    } catch (e) {
      status.className = 'error';
      status.textContent = e.message;
    }
  }

  async function runShipped(name) {
    const status = byId('sql-status');
    status.className = '';
    status.textContent = 'Running athena/' + name + '.sql for today…';
    try {
      const result = await query(name);
      showResult(result);
      status.textContent = 'athena/' + name + '.sql: ' + result.rows.length + (result.rows.length === 1 ? ' row.' : ' rows.');
    } catch (e) {
      status.className = 'error';
      status.textContent = e.message;
    }
  }

  async function loadShipped() {
    try {
      const list = await getJson('/api/queries');
      byId('shipped').replaceChildren(...list.shipped.map((name) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'secondary';
        button.textContent = name;
        button.dataset.query = name;
        button.title = list.sql[name];
        button.addEventListener('click', () => {
          byId('sql-text').value = list.sql[name];
          runShipped(name);
        });
        return button;
      }));
    } catch (e) {
      setText('sql-status', 'Shipped queries unavailable: ' + e.message);
    }
  }

  byId('sql-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runSql(byId('sql-text').value);
  });

  loadShipped();
  refreshPipeline().then(refreshMarket);
  setInterval(refreshPipeline, PIPELINE_EVERY_MS);
  setInterval(refreshMarket, MARKET_EVERY_MS);
})();
