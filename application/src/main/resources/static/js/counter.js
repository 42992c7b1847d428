/*
 * The SMS counter, the same rules as the server's MessageBody (com.clientsms.kernel.body): characters are Unicode code
 * points, the encoding is GSM-7 unless a character is outside the GSM 03.38 alphabet, and segments are filled
 * greedily without splitting an escape sequence or a surrogate pair. Checked against the kernel's test vectors.
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.SmsCounter = factory();
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var MAX_CHARACTERS = 640;
  // GSM 03.38 default alphabet and the extension table (escaped so the file's encoding cannot change them).
  var BASIC = '@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5\u0394_\u03a6\u0393' +
    '\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u00c6\u00e6\u00df\u00c9 !"#\u00a4%&\'()*+,-./0123456789:;<=>?' +
    '\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7\u00bfabcdefghijklmnopqrstuvwxyz' +
    '\u00e4\u00f6\u00f1\u00fc\u00e0';
  var EXTENSION = '\f^{}\\[~]|\u20ac';
  var ENCODINGS = {
    GSM_7: { label: 'GSM-7', single: 160, multipart: 153 },
    UCS_2: { label: 'UCS-2', single: 70, multipart: 67 }
  };

  function septets(codePoint) {
    if (codePoint > 0xffff) {
      return 0;
    }
    var c = String.fromCharCode(codePoint);
    if (BASIC.indexOf(c) >= 0) {
      return 1;
    }
    return EXTENSION.indexOf(c) >= 0 ? 2 : 0;
  }

  /** Code points of the text; an unpaired surrogate counts as one (the text is then refused anyway). */
  function codePoints(text) {
    var points = [];
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        var d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          points.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
          i++;
          continue;
        }
      }
      points.push(c);
    }
    return points;
  }

  /** Java's Character.isWhitespace: no-break spaces are not whitespace there, so they are not here. */
  function isJavaWhitespace(cp) {
    if (cp === 0x00a0 || cp === 0x2007 || cp === 0x202f) {
      return false;
    }
    if ((cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f)) {
      return true;
    }
    return /[\p{Zs}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(cp));
  }

  function isSurrogate(cp) {
    return cp >= 0xd800 && cp <= 0xdfff;
  }

  function isControl(cp) {
    return (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) && cp !== 0x0a && cp !== 0x0d && cp !== 0x09;
  }

  /** Why the server would refuse the text, in its words, or null when it would accept it. */
  function problemOf(text, points) {
    if (points.length === 0) {
      return 'The message is empty: write between 1 and ' + MAX_CHARACTERS + ' characters.';
    }
    if (points.every(isJavaWhitespace)) {
      return 'The message is blank: write some text, not only spaces or line breaks.';
    }
    for (var i = 0; i < points.length; i++) {
      if (isSurrogate(points[i])) {
        return 'The message contains invalid Unicode (a broken character).';
      }
    }
    for (var j = 0; j < points.length; j++) {
      if (isControl(points[j])) {
        var hex = points[j].toString(16).toUpperCase();
        return 'The message contains an invisible control character (U+' + '0000'.slice(hex.length) + hex +
          '); remove it.';
      }
    }
    if (points.length > MAX_CHARACTERS) {
      return 'The message has ' + points.length + ' characters; the maximum is ' + MAX_CHARACTERS + '.';
    }
    return null;
  }

  function count(text) {
    var points = codePoints(text);
    var gsm = points.every(function (cp) { return septets(cp) > 0; });
    var encoding = gsm ? 'GSM_7' : 'UCS_2';
    var costs = points.map(function (cp) { return gsm ? septets(cp) : (cp > 0xffff ? 2 : 1); });
    var total = costs.reduce(function (a, b) { return a + b; }, 0);
    var segments = 1;
    if (total > ENCODINGS[encoding].single) {
      var used = 0;
      costs.forEach(function (cost) {
        if (used + cost > ENCODINGS[encoding].multipart) {
          segments++;
          used = 0;
        }
        used += cost;
      });
    }
    var forcing = [];
    points.forEach(function (cp) {
      var c = String.fromCodePoint(cp);
      if (septets(cp) === 0 && forcing.indexOf(c) < 0) {
        forcing.push(c);
      }
    });
    var problem = problemOf(text, points);
    return {
      characters: points.length,
      maximum: MAX_CHARACTERS,
      encoding: encoding,
      encodingLabel: ENCODINGS[encoding].label,
      segments: points.length === 0 ? 0 : segments,
      forcingUcs2: forcing,
      valid: problem === null,
      problem: problem
    };
  }

  return { count: count, MAX_CHARACTERS: MAX_CHARACTERS };
});
