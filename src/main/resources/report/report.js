// Bounce Sweeper report: draws the charts from the JSON in #report-data with Apache ECharts (inlined).
// When every chart has rendered, it writes what each chart shows into #rendered (JSON) and sets
// body[data-report-state] to "rendered", so a headless browser can check the page; "error: ..." on failure.
// All text from the data goes into the page as text (textContent), never as markup.
(function () {
  'use strict';
  var COLORS = { hard: '#c0392b', soft: '#e69b22', suppressed: '#c0392b', complained: '#8e44ad',
                 released: '#2e7d32', quarantined: '#52606d', sender: '#8e44ad', events: '#2563eb' };
  var charts = {};
  var rendered = {};

  function fail(message) {
    document.body.setAttribute('data-report-state', 'error: ' + message);
  }
  window.addEventListener('error', function (e) { fail(String(e.message)); });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function fmt(n) { return n === null || n === undefined ? '–' : Number(n).toLocaleString('en'); }
  function sum(list) { return list.reduce(function (a, b) { return a + b; }, 0); }

  function table(id, headers, rows) {
    var t = document.getElementById(id);
    var head = el('tr');
    headers.forEach(function (h) { head.appendChild(el('th', h.label, h.num ? 'n' : '')); });
    t.appendChild(head);
    rows.forEach(function (r) {
      var tr = el('tr');
      headers.forEach(function (h, i) { tr.appendChild(el('td', h.num ? fmt(r[i]) : r[i], h.num ? 'n' : '')); });
      t.appendChild(tr);
    });
    if (rows.length === 0) { t.replaceWith(el('p', 'Nothing in this period.', 'empty')); }
  }

  function chart(id, option, empty) {
    var node = document.getElementById(id);
    var c = echarts.init(node, null, { renderer: 'svg' });
    option.animation = false;
    option.textStyle = { fontFamily: 'system-ui, "DejaVu Sans", sans-serif' };
    option.tooltip = option.tooltip || { trigger: 'axis', axisPointer: { type: 'shadow' } };
    c.setOption(option);
    charts[id] = c;
    if (empty) {
      node.appendChild(el('p', 'Nothing in this period.', 'empty'));
    }
    return c;
  }

  function dailyChart(id, daily, stacked) {
    var total = sum(daily.series.map(function (s) { return sum(s.data); }));
    return chart(id, {
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: daily.days, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      dataZoom: daily.days.length > 62 ? [{ type: 'slider', height: 18, bottom: 4 }] : [],
      series: daily.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: stacked ? 'all' : undefined, data: s.data,
                 itemStyle: { color: COLORS[s.name] }, barMaxWidth: 28 };
      })
    }, total === 0);
  }

  // A horizontal bar chart, largest at the top; series: [{name, data, color}]
  function rankChart(id, categories, series, stacked) {
    return chart(id, {
      legend: series.length > 1 ? { top: 0 } : undefined,
      grid: { left: 8, right: 32, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: categories, inverse: true,
               axisLabel: { width: 220, overflow: 'truncate' } },
      series: series.map(function (s) {
        return { name: s.name, type: 'bar', stack: stacked ? 'all' : undefined, data: s.data,
                 itemStyle: { color: s.color }, barMaxWidth: 22,
                 label: { show: !stacked, position: 'right' } };
      })
    }, categories.length === 0);
  }

  function card(parent, label, value, detail, alert) {
    var c = el('div', null, 'card' + (alert ? ' alert' : ''));
    c.appendChild(el('div', label, 'label'));
    c.appendChild(el('div', fmt(value), 'value'));
    if (detail) { c.appendChild(el('div', detail, 'detail')); }
    parent.appendChild(c);
  }

  function summary(d) {
    var s = d.summary;
    document.getElementById('period').textContent = d.period.since + ' to ' + d.period.until +
        ' (UTC) · generated ' + d.generatedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    var cards = document.getElementById('summary');
    card(cards, 'Bounces', s.bounces, fmt(s.hard) + ' hard · ' + fmt(s.soft) + ' soft');
    card(cards, 'Addresses', s.recipients, 'distinct failed recipients');
    card(cards, 'Sender-side', s.senderSide, 'need the sender\u2019s attention', s.senderSide > 0);
    card(cards, 'Suppressed', s.suppressed + s.complained, fmt(s.suppressed) + ' bounced · ' + fmt(s.complained) + ' complained');
    card(cards, 'Released', s.released, s.released === null ? 'not recorded by this database' : 'by an operator');
    card(cards, 'Quarantined', s.quarantined, 'unreadable messages');
    card(cards, 'Messages', s.messages, 'read from the mailbox in this period' +
        (s.datedEarlier > 0 ? ' · ' + fmt(s.datedEarlier) + ' dated before it, not counted above' : ''));

    var box = document.getElementById('attention');
    var rows = d.senderSide.rows;
    if (rows.length === 0) {
      box.className = 'attention calm';
      box.appendChild(el('h2', 'No sender-side problems in this period'));
      box.appendChild(el('div', 'No receiver refused the mail because of the sending IP, domain, authentication or rate.'));
      return;
    }
    box.appendChild(el('h2', 'Needs attention: sender-side problems'));
    var ul = el('ul');
    rows.slice(0, 5).forEach(function (r) {
      var li = el('li');
      li.appendChild(el('b', (r.provider || 'unknown provider') + (r.senderIp ? ' · ' + r.senderIp : '')));
      li.appendChild(document.createTextNode(': ' + fmt(r.events) + ' × ' + r.reason + ' \u2192 ' + r.advice));
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  function draw(d) {
    summary(d);
    dailyChart('chart-daily', d.bouncesPerDay, true);

    rankChart('chart-reasons', d.reasons.map(function (r) { return r.reason + ' \u00b7 ' + r.action; }),
        [{ name: 'events', data: d.reasons.map(function (r) { return r.events; }), color: COLORS.events }], false);
    table('table-reasons', [{ label: 'reason' }, { label: 'operator action' }, { label: 'events', num: true },
        { label: 'addresses', num: true }],
        d.reasons.map(function (r) { return [r.reason + (r.group ? ' (' + r.group + ')' : ''), r.advice, r.events, r.recipients]; }));

    rankChart('chart-domains', d.domains.map(function (r) { return r.domain; }), [
      { name: 'hard', data: d.domains.map(function (r) { return r.hard; }), color: COLORS.hard },
      { name: 'soft', data: d.domains.map(function (r) { return r.soft; }), color: COLORS.soft }], true);

    var ss = d.senderSide;
    rankChart('chart-sender-providers', ss.byProvider.map(function (t) { return t.name; }),
        [{ name: 'by receiving provider', data: ss.byProvider.map(function (t) { return t.events; }), color: COLORS.sender }], false);
    rankChart('chart-sender-ips', ss.bySendingIp.map(function (t) { return t.name; }),
        [{ name: 'by sending IP', data: ss.bySendingIp.map(function (t) { return t.events; }), color: '#5b3a8c' }], false);
    charts['chart-sender-providers'].setOption({ title: { text: 'by receiving provider', textStyle: { fontSize: 13 }, right: 0 } });
    charts['chart-sender-ips'].setOption({ title: { text: 'by sending IP', textStyle: { fontSize: 13 }, right: 0 } });
    table('table-sender', [{ label: 'receiving provider' }, { label: 'sending IP' }, { label: 'reason' },
        { label: 'what to do' }, { label: 'events', num: true }, { label: 'addresses', num: true }, { label: 'last seen' }],
        ss.rows.map(function (r) {
          return [r.provider || 'unknown', r.senderIp || '–', r.reason, r.advice, r.events, r.recipients,
                  (r.lastSeen || '').slice(0, 16).replace('T', ' ')];
        }));

    dailyChart('chart-suppressions', d.suppressions.perDay, false);
    if (!d.suppressions.recorded) {
      document.getElementById('suppressions-hint').textContent +=
          ' This database records no releases (its schema predates the unsuppress command).';
    }

    dailyChart('chart-quarantine', d.quarantine.perDay, false);
    table('table-quarantine', [{ label: 'why it was quarantined' }, { label: 'messages', num: true }],
        d.quarantine.byError.map(function (t) { return [t.name, t.events]; }));
    table('table-quarantine-latest', [{ label: 'latest' }, { label: 'mailbox' }, { label: 'folder' },
        { label: 'UID', num: true }, { label: 'error' }],
        d.quarantine.latest.map(function (q) {
          return [(q.at || '').slice(0, 16).replace('T', ' '), q.mailbox, q.folder, q.uid, q.error];
        }));

    document.getElementById('footer').textContent = 'Bounce Sweeper · charts by Apache ECharts ' + d.echarts +
        ' (Apache License 2.0), inlined: this file needs no network.';
  }

  // What each chart shows, as ECharts holds it, and how many SVG shapes it drew.
  function record() {
    Object.keys(charts).forEach(function (id) {
      var option = charts[id].getOption();
      var category = (option.yAxis && option.yAxis[0] && option.yAxis[0].type === 'category' ? option.yAxis : option.xAxis)[0];
      var svg = document.getElementById(id).querySelector('svg');
      rendered[id] = {
        categories: category ? category.data : [],
        series: option.series.map(function (s) { return { name: s.name, data: s.data }; }),
        svgPaths: svg ? svg.querySelectorAll('path').length : 0,
        svgTexts: svg ? Array.prototype.map.call(svg.querySelectorAll('text'), function (t) { return t.textContent; }) : []
      };
    });
    document.getElementById('rendered').textContent = JSON.stringify(rendered).replace(/</g, '\\u003c');
  }

  try {
    var data = JSON.parse(document.getElementById('report-data').textContent);
    draw(data);
    record();
    document.body.setAttribute('data-report-state', 'rendered');
    window.addEventListener('resize', function () { Object.keys(charts).forEach(function (id) { charts[id].resize(); }); });
  } catch (e) {
    fail(e && e.message ? e.message : String(e));
  }
})();
