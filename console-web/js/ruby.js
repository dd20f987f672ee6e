// Furigana for staff: `{漢字|かんじ}` in a text becomes <ruby>漢字<rt>かんじ</rt></ruby> in the
// view under the field (built from text nodes), and the helper wraps the selected characters.
import {h} from './dom.js';

// Parses the ruby syntax of FEED-v1 ("{{" and "}}" are literal braces) into parts
// [{text} | {base, reading}]; an unfinished group is kept as text.
export function parseRuby(s) {
  const parts = [];
  let text = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{' && s[i + 1] === '{') { text += '{'; i++; continue; }
    if (c === '}' && s[i + 1] === '}') { text += '}'; i++; continue; }
    if (c === '{') {
      const end = s.indexOf('}', i);
      const group = end < 0 ? '' : s.slice(i + 1, end);
      const bar = group.indexOf('|');
      if (end > 0 && bar > 0 && bar < group.length - 1 && !group.includes('{')) {
        if (text) parts.push({text});
        text = '';
        parts.push({base: group.slice(0, bar), reading: group.slice(bar + 1)});
        i = end;
        continue;
      }
    }
    text += c;
  }
  if (text) parts.push({text});
  return parts;
}

export function rubyNodes(s) {
  return parseRuby(s || '').map((p) => (p.base !== undefined
    ? h('ruby', {}, p.base, h('rp', {}, '('), h('rt', {}, p.reading), h('rp', {}, ')'))
    : document.createTextNode(p.text)));
}

// Wraps the selection of `input` as {selection|reading}; returns false when nothing is selected.
export function insertRuby(input, reading) {
  const a = input.selectionStart;
  const b = input.selectionEnd;
  if (a === null || b === null || a === b || !reading) return false;
  const base = input.value.slice(a, b);
  const wrapped = `{${base}|${reading}}`;
  input.setRangeText(wrapped, a, b, 'end');
  input.dispatchEvent(new Event('input', {bubbles: true}));
  input.focus();
  return true;
}
