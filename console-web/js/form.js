// The notice form: controls bound to places in the item JSON, so the page can build the item to
// send (collect) and put each error of a 422 beside the control it is about (controlFor).
// Text fields have one control per language; furigana helpers sit under the Japanese ones.
import {h, field, uid} from './dom.js';
import {rubyNodes, insertRuby} from './ruby.js';
import {LANGS, fromJstInput, toJstInput} from './words.js';

// A JSON path ['event', 'place'] → the value in `obj` (or undefined).
export function getAt(obj, path) {
  return path.reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj);
}

// Sets (or, for undefined / empty, deletes) the value at `path`, creating objects on the way and
// removing objects left empty.
export function setAt(obj, path, value) {
  const parents = [];
  let o = obj;
  for (const k of path.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    parents.push([o, k]);
    o = o[k];
  }
  const last = path[path.length - 1];
  const empty = value === undefined || value === '' ||
    (Array.isArray(value) && !value.length) ||
    (value && typeof value === 'object' && !Array.isArray(value) && !Object.keys(value).length);
  if (empty) delete o[last];
  else o[last] = value;
  for (const [p, k] of parents.reverse()) {
    if (p[k] && typeof p[k] === 'object' && !Array.isArray(p[k]) && !Object.keys(p[k]).length) delete p[k];
  }
}

// A text value (string = Japanese, or a language map) as a language map.
function langMap(v) {
  if (typeof v === 'string') return {ja: v};
  return v && typeof v === 'object' ? v : {};
}

export class Form {
  constructor(item) {
    this.item = item;          // the item as loaded (unknown fields are kept)
    this.controls = [];        // {el, matches(pointer), lang, touched}
    this.writers = [];         // (out) => void
    this.panels = {};          // lang → panel element
  }

  register(el, matches, lang = null) {
    const c = {el, matches, lang, touched: false};
    el.addEventListener('input', () => { c.touched = true; });
    this.controls.push(c);
    return c;
  }

  // The control an error's JSON Pointer belongs to: exact first, then the nearest parent path.
  controlFor(pointer) {
    for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) {
      const c = this.controls.find((x) => x.matches(p));
      if (c) return c;
    }
    return null;
  }

  collect() {
    const out = structuredClone(this.item);
    for (const w of this.writers) w(out);
    return out;
  }

  // A text field in every language: one control per language panel (built later by panelFor).
  text(path, label, {multiline = false, hint = '', ruby = true, rows = 3} = {}) {
    const map = langMap(getAt(this.item, path));
    const pointer = '/' + path.join('/');
    const els = {};
    for (const {tag, ruby: rubyLang} of LANGS) {
      const el = multiline
        ? h('textarea', {rows, value: map[tag] || '', lang: tag})
        : h('input', {type: 'text', value: map[tag] || '', lang: tag});
      el.dataset.path = `${pointer}/${tag}`;
      // The Japanese control also answers for the field as a whole ("/title" missing).
      this.register(el, (p) => p === `${pointer}/${tag}` || (tag === 'ja' && p === pointer), tag);
      els[tag] = {el, label, hint, ruby: ruby && rubyLang};
    }
    this.writers.push((out) => {
      const v = {};
      for (const {tag} of LANGS) if (els[tag].el.value.trim()) v[tag] = els[tag].el.value.trim();
      // Languages the form does not show (e.g. pt-BR) are kept.
      for (const [tag, s] of Object.entries(map)) if (!LANGS.some((l) => l.tag === tag)) v[tag] = s;
      setAt(out, path, Object.keys(v).length ? v : undefined);
    });
    this.pending = this.pending || [];
    this.pending.push(els);
    return els;
  }

  // A list of texts in every language, one line per entry (preparedness actions).
  textLines(path, label, hint) {
    const list = Array.isArray(getAt(this.item, path)) ? getAt(this.item, path).map(langMap) : [];
    const pointer = '/' + path.join('/');
    const els = {};
    for (const {tag} of LANGS) {
      const el = h('textarea', {rows: 4, lang: tag, value: list.map((m) => m[tag] || '').join('\n')});
      const re = new RegExp(`^${pointer}/\\d+/${tag}$`);
      this.register(el, (p) => re.test(p) || (tag === 'ja' && (p === pointer || new RegExp(`^${pointer}/\\d+$`).test(p))), tag);
      els[tag] = {el, label, hint, ruby: false};
    }
    this.writers.push((out) => {
      const lines = {};
      let n = 0;
      for (const {tag} of LANGS) {
        lines[tag] = els[tag].el.value.split('\n').map((s) => s.trim());
        while (lines[tag].length && !lines[tag][lines[tag].length - 1]) lines[tag].pop();
        n = Math.max(n, lines[tag].length);
      }
      const v = [];
      for (let i = 0; i < n; i++) {
        const m = {};
        for (const {tag} of LANGS) if (lines[tag][i]) m[tag] = lines[tag][i];
        if (Object.keys(m).length) v.push(m);
      }
      setAt(out, path, v.length ? v : undefined);
    });
    this.pending = this.pending || [];
    this.pending.push(els);
  }

  // The controls of one language, in the order the text fields were declared; the Japanese ones
  // get one furigana helper for the whole panel (it works on the field used last) and, under each
  // field with furigana, how it will look.
  panelFor(tag) {
    let target = null;
    const fields = (this.pending || []).map((els) => {
      const {el, label, hint, ruby} = els[tag];
      const wrap = field(label, el, hint);
      if (ruby) {
        wrap.append(rubyView(el));
        el.addEventListener('focus', () => { target = el; });
      }
      return wrap;
    });
    const rubyLang = fields.length && (this.pending || []).some((els) => els[tag].ruby);
    return rubyLang ? [furiganaHelper(() => target), ...fields] : fields;
  }

  // Plain controls (not per language).
  plain(path, label, el, {hint = '', read = (x) => x, write = (v) => v || undefined} = {}) {
    const v = getAt(this.item, path);
    if (el.type === 'checkbox') el.checked = Boolean(v);
    else el.value = v === undefined ? '' : read(v);
    this.register(el, (p) => p === '/' + path.join('/'));
    this.writers.push((out) => setAt(out, path, write(el.type === 'checkbox' ? el.checked : el.value)));
    return el.type === 'checkbox'
      ? h('div', {class: 'check field'}, el, ' ', h('label', {for: el.id || (el.id = uid())}, label),
        h('p', {class: 'field-error', hidden: true}))
      : field(label, el, hint);
  }

  // A date and time in Japan time.
  datetime(path, label, hint = '') {
    const el = h('input', {type: 'datetime-local'});
    return this.plain(path, label, el, {hint: `（日本時間）${hint}`, read: toJstInput, write: fromJstInput});
  }

  select(path, label, options, {hint = '', number = false, blank = 'えらばない'} = {}) {
    const el = h('select', {}, blank === null ? null : h('option', {value: ''}, blank),
      Object.entries(options).map(([v, text]) => h('option', {value: v}, text)));
    return this.plain(path, label, el, {hint, read: String,
      write: (v) => (v === '' ? undefined : number ? Number(v) : v)});
  }
}

// Under a Japanese field: how its furigana will look (shown once it has some).
function rubyView(input) {
  const view = h('div', {class: 'ruby-view', 'aria-live': 'polite'});
  const update = () => {
    view.hidden = !/\{[^{}]*\|/.test(input.value);
    view.replaceChildren(h('span', {class: 'hint'}, '画面での見え方：'), ...rubyNodes(input.value));
  };
  input.addEventListener('input', update);
  update();
  return view;
}

// The furigana helper of a panel: wraps the characters selected in the field used last as
// {漢字|かんじ}.
function furiganaHelper(target) {
  const reading = h('input', {type: 'text', id: uid('yomi'), lang: 'ja'});
  const note = h('span', {class: 'hint', 'aria-live': 'polite'});
  const button = h('button', {type: 'button', onclick: () => {
    const input = target();
    if (input && insertRuby(input, reading.value.trim())) {
      reading.value = '';
      note.textContent = 'ふりがなをつけました。';
    } else {
      note.textContent = '先に下の欄でふりがなをつける漢字をえらび、よみがなを入れてください。';
    }
  }}, 'えらんだ漢字にふりがなをつける');
  return h('div', {class: 'furigana card'},
    h('div', {}, h('label', {for: reading.id}, 'ふりがな', h('span', {class: 'hint'}, '（下の欄で漢字をえらび、よみがなを入れて押す）')), reading),
    button, note);
}
