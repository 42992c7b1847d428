/* The broadcast outcome page follows the broadcast while it drains: counts, chart, failures, then stops. */
(function () {
  'use strict';
  var main = document.getElementById('main');
  var state = document.getElementById('outcome-state');
  var waiting = document.getElementById('waiting');
  if (!main.dataset.outcomeUrl || (state && state.dataset.drained === 'true')) {
    return;
  }
  var started = Date.now();

  function poll() {
    fetch(main.dataset.outcomeUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 404 && waiting) {
          return null;
        }
        if (!r.ok) {
          throw new Error('status ' + r.status);
        }
        return r.json();
      })
      .then(function (view) {
        if (view && waiting) {
          // The broadcast is recorded now: the full page shows it.
          window.location.replace(main.dataset.pageUrl);
          return;
        }
        if (view) {
          show(view);
        }
        if ((!view || !view.drained) && Date.now() - started < (waiting ? 60000 : 3600000)) {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        setTimeout(poll, 5000);
      });
  }

  function show(view) {
    var outcome = view.outcome;
    state.textContent = view.state;
    state.dataset.drained = String(view.drained);
    var progress = document.getElementById('outcome-progress');
    progress.max = Math.max(outcome.targeted, 1);
    progress.value = outcome.targeted > 0 ? view.finished : 1;
    view.bars.forEach(function (bar) {
      var row = document.querySelector('#counts tr[data-status="' + bar.status + '"]');
      row.querySelector('.count').textContent = bar.count;
      row.querySelector('rect.bar').setAttribute('width', bar.percent);
      row.querySelector('.percent').textContent = bar.percent + '%';
    });
    var rows = document.getElementById('failure-rows');
    while (rows.firstChild) {
      rows.removeChild(rows.firstChild);
    }
    outcome.failures.forEach(function (f) {
      var tr = document.createElement('tr');
      var client = document.createElement('td');
      client.dataset.label = 'Client';
      var link = document.createElement('a');
      link.href = '/clients/' + encodeURIComponent(f.clientId);
      link.textContent = f.clientName;
      client.appendChild(link);
      tr.appendChild(client);
      var status = document.createElement('td');
      status.dataset.label = 'Status';
      var badge = document.createElement('span');
      badge.className = 'badge status-' + f.status;
      badge.textContent = f.status.charAt(0).toUpperCase() + f.status.slice(1);
      status.appendChild(badge);
      tr.appendChild(status);
      [['Code', f.code], ['Reason', f.reason]].forEach(function (cell) {
        var td = document.createElement('td');
        td.dataset.label = cell[0];
        td.textContent = cell[1] || '';
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    var any = outcome.failures.length > 0;
    document.getElementById('failures').hidden = !any;
    document.getElementById('no-failures').hidden = any;
    var resend = document.getElementById('resend-form');
    if (resend) {
      resend.hidden = !any;
    }
  }

  setTimeout(poll, 1000);
})();
