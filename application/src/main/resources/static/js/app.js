/* Every page: times are written in UTC by the server; show them in the reader's own time zone. */
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('time[datetime]'), function (el) {
    var when = new Date(el.getAttribute('datetime'));
    if (!isNaN(when.getTime())) {
      el.title = el.textContent;
      el.textContent = when.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
    }
  });
});
