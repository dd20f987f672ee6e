// DOM helpers for the staff console. Everything shown is built with createElement and text nodes
// (never innerHTML), so text from the API — titles, names, messages — can never become markup.

// h('p', {class: 'x', onclick: fn}, 'text', child, [more]) → element.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked' || k === 'selected') el[k] = Boolean(v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of [children].flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let idCounter = 0;
export function uid(prefix = 'f') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

// A labelled control: {label, hint, control} → wrapper; the label points at the control and the
// hint and error line are announced with it (aria-describedby).
export function field(label, control, hint) {
  if (!control.id) control.id = uid();
  const errId = uid('err');
  const hintId = hint ? uid('hint') : null;
  control.setAttribute('aria-describedby', [hintId, errId].filter(Boolean).join(' '));
  return h('div', {class: 'field'},
    h('label', {for: control.id}, label, hint ? h('span', {class: 'hint', id: hintId}, ' ', hint) : null),
    control,
    h('p', {class: 'field-error', id: errId, hidden: true}));
}

// Shows a message at the top of the page (role=status), replacing the previous one.
// It stays through the next change of page (so "公開しました" survives going back to the list).
export function notify(text, isError = false) {
  const box = clear(document.getElementById('notice'));
  box.dataset.keep = text ? '1' : '';
  if (text) box.append(h('p', {class: isError ? 'error' : ''}, text));
}

// On a change of page: the message of the previous page goes, unless it was just set.
export function ageNotice() {
  const box = document.getElementById('notice');
  if (box.dataset.keep === '1') box.dataset.keep = '';
  else clear(box);
}
