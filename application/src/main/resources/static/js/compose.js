/* The compose page: live counter, client search, audience preview, and a Send button that is only on when the server
 * would accept the message. The server decides again on send; this only saves the sender a refusal. */
(function () {
  'use strict';
  var form = document.getElementById('compose-form');
  if (!form) {
    return;
  }
  var body = document.getElementById('body');
  var send = document.getElementById('send');
  var search = document.getElementById('client-search');
  var options = document.getElementById('client-options');
  var noMatch = document.getElementById('client-results-empty');
  var group = document.getElementById('group');
  var clientPicker = document.getElementById('client-picker');
  var groupPicker = document.getElementById('group-picker');
  var preview = document.getElementById('audience-preview');
  var summary = document.getElementById('audience-summary');
  var counted = SmsCounter.count(body.value);

  Array.prototype.forEach.call(form.querySelectorAll('.js-hidden'), function (el) { el.hidden = true; });

  function audience() {
    var chosen = form.querySelector('input[name="audience"]:checked') || form.querySelector('input[name="audience"]');
    return chosen ? chosen.value : 'client';
  }

  function recipientChosen() {
    switch (audience()) {
      case 'client': return !!form.querySelector('input[name="clientId"]:checked');
      case 'group': return !!(group && group.value);
      default: return true;
    }
  }

  function updateSend() {
    send.disabled = !counted.valid || !recipientChosen();
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function updateCounter() {
    counted = SmsCounter.count(body.value);
    text('characters', counted.characters);
    text('encoding', counted.encodingLabel);
    text('segments', counted.segments);
    document.getElementById('counter').classList.toggle('over', counted.characters > counted.maximum);
    var note = document.getElementById('ucs2-note');
    note.hidden = counted.forcingUcs2.length === 0;
    text('ucs2-characters', counted.forcingUcs2.join(' '));
    // An empty box is not an error yet; anything else the server would refuse is said now.
    text('counter-problem', counted.characters === 0 ? '' : (counted.problem || ''));
    body.setAttribute('aria-invalid', String(!counted.valid && counted.characters > 0));
    updateSend();
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      return r.json().then(function (json) {
        if (!r.ok) {
          throw new Error(json.detail || 'The server refused the request.');
        }
        return json;
      });
    });
  }

  function showClients(clients) {
    var chosen = form.querySelector('input[name="clientId"]:checked');
    var keep = chosen ? chosen.closest('li') : null;
    Array.prototype.slice.call(options.children).forEach(function (li) {
      if (li !== keep) {
        options.removeChild(li);
      }
    });
    clients.forEach(function (client) {
      if (keep && chosen.value === client.id) {
        return;
      }
      var li = document.createElement('li');
      var label = document.createElement('label');
      var input = document.createElement('input');
      input.type = 'radio';
      input.name = 'clientId';
      input.value = client.id;
      var name = document.createElement('span');
      name.textContent = client.name;
      label.appendChild(input);
      label.appendChild(document.createTextNode(' '));
      label.appendChild(name);
      if (client.note) {
        var note = document.createElement('span');
        note.className = 'note';
        note.textContent = ' \u2014 ' + client.note;
        label.appendChild(note);
      }
      li.appendChild(label);
      options.appendChild(li);
    });
    noMatch.hidden = options.children.length > 0;
  }

  var searchTimer;
  function searchClients() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      getJson(form.dataset.clientsUrl + '?q=' + encodeURIComponent(search.value)).then(showClients, function () {});
    }, 150);
  }

  function updatePreview() {
    var kind = audience();
    if (kind === 'client' || (kind === 'group' && !group.value)) {
      summary.textContent = kind === 'group' ? 'Choose a group to see who will be texted.' : '';
      setPreviewCounts(null);
      return;
    }
    summary.textContent = 'Counting who will be texted\u2026';
    var url = form.dataset.audienceUrl + '?audience=' + kind + (kind === 'group' ? '&groupId=' + encodeURIComponent(group.value) : '');
    getJson(url).then(function (result) {
      summary.textContent = result.sentence;
      setPreviewCounts(result);
    }, function (error) {
      summary.textContent = error.message;
      setPreviewCounts(null);
    });
  }

  function setPreviewCounts(result) {
    var counts = preview.querySelector('.counts');
    if (!counts) {
      counts = document.createElement('p');
      counts.className = 'counts';
      counts.innerHTML = '<span>Targeted: <strong id="audience-targeted"></strong></span> ' +
        '<span>Skipped: <strong id="audience-skipped"></strong></span>';
      summary.insertAdjacentElement('afterend', counts);
    }
    counts.hidden = !result;
    var list = document.getElementById('audience-skipped-list');
    if (list) {
      list.remove();
    }
    if (!result) {
      return;
    }
    text('audience-targeted', result.targeted);
    text('audience-skipped', result.skipped);
    if (result.skippedClients.length > 0) {
      var details = document.createElement('details');
      details.id = 'audience-skipped-list';
      var title = document.createElement('summary');
      title.textContent = 'Who is skipped, and why';
      var ul = document.createElement('ul');
      result.skippedClients.forEach(function (s) {
        var li = document.createElement('li');
        li.textContent = s.clientName + ': ' + s.reason;
        ul.appendChild(li);
      });
      details.appendChild(title);
      details.appendChild(ul);
      counts.insertAdjacentElement('afterend', details);
    }
  }

  function showAudience() {
    var kind = audience();
    clientPicker.hidden = kind !== 'client';
    if (groupPicker) {
      groupPicker.hidden = kind !== 'group';
      preview.hidden = kind === 'client';
      updatePreview();
    }
    updateSend();
  }

  body.addEventListener('input', updateCounter);
  search.addEventListener('input', searchClients);
  search.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      searchClients();
    }
  });
  options.addEventListener('change', updateSend);
  form.addEventListener('change', function (event) {
    if (event.target.name === 'audience') {
      showAudience();
    } else if (event.target === group) {
      updatePreview();
      updateSend();
    }
  });
  form.addEventListener('submit', function (event) {
    var button = event.submitter;
    if (button === send) {
      if (send.disabled) {
        event.preventDefault();
        return;
      }
      // A second click while the first send is on its way would only be refused by the server; say it is going.
      setTimeout(function () {
        send.disabled = true;
        send.textContent = 'Sending\u2026';
      }, 0);
    }
  });

  clientPicker.hidden = audience() !== 'client';
  if (groupPicker) {
    groupPicker.hidden = audience() !== 'group';
    preview.hidden = audience() === 'client';
  }
  updateCounter();
})();
