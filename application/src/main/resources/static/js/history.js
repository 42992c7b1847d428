/*
 * A client's history opened at a message just sent (#message-<id>, the compose page's result link): the history is a
 * read model, so the message shows a moment after it was accepted. Until then the page says so and looks again every
 * second, for up to a minute.
 */
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var hash = window.location.hash;
  if (hash.indexOf('#message-') !== 0) {
    return;
  }
  var key = 'history-wait:' + hash;
  if (document.getElementById(hash.substring(1))) {
    window.sessionStorage.removeItem(key);
    return;
  }
  var notice = document.getElementById('recording');
  if (notice) {
    notice.hidden = false;
  }
  var since = Number(window.sessionStorage.getItem(key)) || Date.now();
  window.sessionStorage.setItem(key, String(since));
  if (Date.now() - since < 60000) {
    setTimeout(function () { window.location.reload(); }, 1000);
  } else {
    window.sessionStorage.removeItem(key);
    if (notice) {
      notice.textContent = 'The message is not recorded yet. Reload this page in a moment.';
    }
  }
});
