// Checks the rendered page for what a person using a keyboard, a screen reader, low vision or a phone needs:
// language, one main landmark and one h1, labelled form fields, named buttons and links, unique ids, text contrast
// (WCAG 2 AA: 4.5:1, 3:1 for large text) and no sideways scrolling. Returns one sentence per problem.
return (function () {
  var problems = [];
  function visible(el) {
    if (!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)) return false;
    var style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  }
  function describe(el) {
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '') +
      ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  }
  if (!document.documentElement.lang) problems.push('the page does not say its language');
  if (!document.title.trim()) problems.push('the page has no title');
  if (document.querySelectorAll('main').length !== 1) problems.push('the page needs exactly one main landmark');
  if (document.querySelectorAll('h1').length !== 1) problems.push('the page needs exactly one h1');
  document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (el) {
    var labelled = (el.labels && Array.prototype.some.call(el.labels, function (l) { return l.textContent.trim(); })) ||
      el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!labelled) problems.push('form field without a label: ' + describe(el));
  });
  document.querySelectorAll('button, a[href]').forEach(function (el) {
    if (visible(el) && !(el.textContent.trim() || el.getAttribute('aria-label'))) {
      problems.push('button or link without a name: ' + describe(el));
    }
  });
  document.querySelectorAll('img').forEach(function (el) {
    if (!el.hasAttribute('alt')) problems.push('image without alt text: ' + el.src);
  });
  var ids = {};
  document.querySelectorAll('[id]').forEach(function (el) {
    if (ids[el.id]) problems.push('duplicate id ' + el.id);
    ids[el.id] = true;
  });

  function rgba(text) {
    var m = text.match(/rgba?\(([^)]+)\)/);
    if (!m) return [0, 0, 0, 0];
    var p = m[1].split(',').map(function (s) { return parseFloat(s); });
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  function background(el) {
    for (var node = el; node && node.nodeType === 1; node = node.parentElement) {
      var bg = rgba(getComputedStyle(node).backgroundColor);
      if (bg[3] > 0.5) return bg;
    }
    return [255, 255, 255, 1];
  }
  function luminance(c) {
    var v = c.slice(0, 3).map(function (x) {
      x /= 255;
      return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }
  var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  var seen = new Set();
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var el = node.parentElement;
    if (!node.textContent.trim() || seen.has(el) || !visible(el)) continue;
    seen.add(el);
    var style = getComputedStyle(el);
    var fg = rgba(style.color);
    var bg = background(el);
    var l1 = luminance(fg), l2 = luminance(bg);
    var ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    var size = parseFloat(style.fontSize);
    var large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight, 10) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push('contrast ' + ratio.toFixed(2) + ':1 is too low for ' + describe(el));
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) {
    problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + 'px wide in a ' +
      window.innerWidth + 'px window');
  }
  return problems;
})();
