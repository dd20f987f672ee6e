// The fast path for alerts staff (#/alert): an evacuation notice or an exercise in under a minute —
// exercise or real, level, hazard, areas, what to do (written for them, editable), the district's
// shelters ticked open / full / closed, then the publish confirmation. Also lists the alerts shown
// now, each with a button to end it (withdraw and publish).
import {api, enc, ApiError} from './api.js';
import {h, field, notify, uid} from './dom.js';
import {rubyNodes} from './ruby.js';
import {confirmPublish} from './publish.js';
import {HAZARDS, LEVELS, japaneseError, plainText, textOf} from './words.js';

const LEVEL_NAMES = {1: '早期注意情報', 2: '注意報', 3: '高齢者等避難', 4: '避難指示', 5: '緊急安全確保'};
const LEVEL_EN = {1: 'Early warning', 2: 'Advisory', 3: 'Older people evacuate', 4: 'Evacuate', 5: 'Emergency safety'};
const DO_JA = {
  1: '{最新|さいしん}の{情報|じょうほう}に{注意|ちゅうい}してください。',
  2: '{避難|ひなん}する{場所|ばしょ}と{道|みち}を{確|たし}かめてください。',
  3: 'お{年寄|としより}など、{避難|ひなん}に{時間|じかん}のかかる{人|ひと}は{避難|ひなん}してください。',
  4: '{危険|きけん}な{場所|ばしょ}から、{全員|ぜんいん}{避難|ひなん}してください。',
  5: '{命|いのち}を{守|まも}る{行動|こうどう}をとってください。',
};
const DO_EN = {1: 'Watch for the latest information.', 2: 'Check where and how you would evacuate.',
  3: 'Older people and others who need time: evacuate now.', 4: 'Everyone in danger: evacuate now.',
  5: 'Take action to save your life now.'};

export async function render(main, _args, {go}) {
  document.title = '避難情報をすぐ出す — まちかど 掲示の管理';
  const {data} = await api.get('/api/v1/feeds');
  if (!data.feeds.length) {
    main.append(h('p', {class: 'card'}, '出せる欄がありません。'));
    return;
  }
  const feedSel = h('select', {}, data.feeds.map((f) => h('option', {value: f.id}, textOf(f.title) || f.id)));
  const guess = data.feeds.find((f) => /alert|bousai|hinan/.test(f.id));
  if (guess) feedSel.value = guess.id;

  const mode = uid('mode');
  const exercise = h('input', {type: 'radio', name: mode, id: `${mode}-ex`, value: 'exercise', checked: true});
  const actual = h('input', {type: 'radio', name: mode, id: `${mode}-real`, value: 'actual'});
  const level = h('select', {}, h('option', {value: ''}, 'レベルなし'),
    Object.entries(LEVELS).map(([v, t]) => h('option', {value: v}, t)));
  level.value = '4';
  const hazard = h('select', {}, Object.entries(HAZARDS).map(([v, t]) => h('option', {value: v}, t)));
  const title = h('input', {type: 'text', lang: 'ja'});
  const areas = h('textarea', {rows: 2, lang: 'ja'});
  const todo = h('textarea', {rows: 3, lang: 'ja'});
  let titleEdited = false;
  let todoEdited = false;
  title.addEventListener('input', () => { titleEdited = true; });
  todo.addEventListener('input', () => { todoEdited = true; });
  const compose = () => {
    const lv = level.value;
    const ex = exercise.checked ? '【訓練】' : '';
    if (!titleEdited) title.value = `${ex}${lv ? `【警戒レベル${lv}】${LEVEL_NAMES[lv]}` : '避難情報'}（${HAZARDS[hazard.value].replace(/（.*）/, '')}）`;
    if (!todoEdited) todo.value = DO_JA[lv] || '';
  };
  const todoView = h('div', {class: 'ruby-view', 'aria-live': 'polite'});
  const showTodo = () => todoView.replaceChildren(h('span', {class: 'hint'}, '画面での見え方：'), ...rubyNodes(todo.value));
  todo.addEventListener('input', showTodo);
  for (const el of [level, hazard, exercise, actual]) el.addEventListener('change', () => { compose(); showTodo(); });
  compose();
  showTodo();

  // The district's shelters: those named in this feed's alerts so far, plus any added here.
  const shelterBox = h('div', {});
  const shelters = [];
  const addShelter = (s) => {
    const key = s.ref || s.id || s.name;
    if (shelters.some((x) => (x.ref || x.id || x.name) === key)) return;
    const group = uid('sh');
    const choices = [['', '載せない'], ['open', '開設'], ['full', '満員'], ['closed', '閉鎖']].map(([v, t]) => {
      const r = h('input', {type: 'radio', name: group, id: `${group}-${v || 'none'}`, value: v, checked: v === (s.status || 'open')});
      return [r, h('label', {for: r.id}, t)];
    });
    const name = textOf(s.name) || s.ref || s.id;
    shelters.push({...s, group});
    shelterBox.append(h('div', {class: 'shelter-row'}, h('span', {class: 'name', id: `${group}-n`}, plainText(name)),
      h('fieldset', {'aria-labelledby': `${group}-n`}, choices.flat())));
  };
  const loadShelters = async () => {
    shelterBox.replaceChildren();
    shelters.length = 0;
    const {data: items} = await api.get(`/api/v1/feeds/${enc(feedSel.value)}/items`);
    for (const r of items.items) for (const s of (r.item && r.item.shelters) || []) addShelter(s);
    if (!shelters.length) shelterBox.append(h('p', {class: 'hint'}, 'この欄の避難所はまだありません。下で名前を入れて足してください。'));
    return items.items;
  };
  const newShelter = h('input', {type: 'text', lang: 'ja'});
  const addButton = h('button', {type: 'button', onclick: () => {
    const n = newShelter.value.trim();
    if (!n) return;
    if (!shelters.length) shelterBox.replaceChildren();
    addShelter({id: `sh-${Date.now().toString(36)}`, name: {ja: n}, status: 'open'});
    newShelter.value = '';
    newShelter.focus();
  }}, '避難所を足す');

  // The district's shelter register (the console's `shelter_register`, imported from the open
  // data list): found by name, reading (ひらがな or カタカナ) or address, added with one press.
  const registerBox = h('div', {hidden: true});
  const search = h('input', {type: 'search', lang: 'ja', autocomplete: 'off'});
  const hits = h('ul', {class: 'register-hits', 'aria-live': 'polite'});
  let register = [];
  const katakana = (t) => t.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
  const showHits = () => {
    const q = search.value.trim();
    hits.replaceChildren();
    if (!q) return;
    const kq = katakana(q);
    const found = register.filter((s) => [plainText(textOf(s.name)), s.name && s.name['ja-Kana'], textOf(s.address)]
      .some((t) => typeof t === 'string' && (t.includes(q) || t.includes(kq)))).slice(0, 10);
    if (!found.length) { hits.append(h('li', {class: 'hint'}, '見つかりません。')); return; }
    for (const s of found) {
      const name = plainText(textOf(s.name));
      hits.append(h('li', {}, name, ' ', h('span', {class: 'muted small'}, plainText(textOf(s.address))), ' ',
        h('button', {type: 'button', 'aria-label': `${name}を足す`, onclick: () => {
          if (!shelters.length) shelterBox.replaceChildren();
          addShelter({...s, status: 'open'});
        }}, '足す')));
    }
  };
  search.addEventListener('input', showHits);
  search.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') ev.preventDefault(); });
  registerBox.append(field('区の避難所の一覧から探す', search, '（名前・よみ・住所の一部）'), hits);
  api.get('/api/v1/shelters').then(({data}) => {
    register = Array.isArray(data.shelters) ? data.shelters : [];
    registerBox.hidden = !register.length;
  }, () => { /* no register configured (404): only the names typed below */ });

  const current = h('div', {});
  const showCurrent = (items) => {
    const alerts = items.filter((r) => r.item && r.item.kind === 'alert' && r.schedule === 'live');
    current.replaceChildren(h('h2', {}, 'いま出ている避難情報'),
      alerts.length ? h('ul', {}, alerts.map((r) => h('li', {}, plainText(textOf(r.item.title)), ' ',
        r.item.status === 'exercise' ? h('span', {class: 'badge exercise'}, '訓練') : null, ' ',
        h('button', {type: 'button', class: 'danger', onclick: async () => {
          await api.del(`/api/v1/feeds/${enc(feedSel.value)}/items/${enc(r.id)}`, {headers: {'If-Match': `"${r.revision}"`}});
          confirmPublish({id: feedSel.value}, () => { notify('避難情報を終わりにしました。'); go(location.hash); });
        }}, '終わりにする（取り下げて公開）'))))
        : h('p', {}, 'いま出ている避難情報はありません。'));
  };
  const refresh = async () => showCurrent(await loadShelters());
  feedSel.addEventListener('change', refresh);

  const error = h('div', {role: 'alert'});
  const send = async (ev) => {
    ev.preventDefault();
    error.replaceChildren();
    const lv = level.value ? Number(level.value) : undefined;
    const item = {
      id: `alert-${new Date().toISOString().replace(/[-:T]/g, '').slice(0, 12)}-${Math.random().toString(36).slice(2, 5)}`,
      kind: 'alert', hazard: hazard.value, issued: new Date().toISOString().slice(0, 19) + 'Z',
      title: {ja: title.value.trim(),
        en: `${exercise.checked ? '[Exercise] ' : ''}${lv ? `Alert Level ${lv}: ${LEVEL_EN[lv]}` : 'Alert'}`},
      priority: 100,
    };
    if (lv) item.level = lv;
    if (exercise.checked) item.status = 'exercise';
    if (todo.value.trim()) item.instructions = {ja: todo.value.trim(), ...(lv && !todoEdited ? {en: DO_EN[lv]} : {})};
    const a = areas.value.split('\n').map((s) => s.trim()).filter(Boolean);
    if (a.length) item.areas = a;
    const chosen = [];
    for (const s of shelters) {
      const v = document.querySelector(`input[name="${s.group}"]:checked`);
      if (!v || !v.value) continue;
      const {group, ...rest} = s;
      chosen.push({...rest, status: v.value});
    }
    if (chosen.length) item.shelters = chosen;
    try {
      await api.post(`/api/v1/feeds/${enc(feedSel.value)}/items`, item);
      await confirmPublish({id: feedSel.value}, () => {
        notify(`${exercise.checked ? '訓練の' : ''}避難情報を公開しました。ロビーの画面には1分ほどで出ます。`);
        go(location.hash);
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      const list = e instanceof ApiError ? e.fieldErrors : [];
      error.replaceChildren(h('div', {class: 'card summary-error'}, h('h2', {}, 'まだ出していません'),
        h('ul', {}, (list.length ? list : [{message: e.message}]).map((x) => h('li', {}, japaneseError(x.message, e.status))))));
    }
  };

  const form = h('form', {class: 'card', novalidate: true},
    error,
    field('出す欄', feedSel),
    h('fieldset', {class: 'radio big-choice'}, h('legend', {}, '訓練か本番か'),
      exercise, h('label', {for: exercise.id}, '訓練（画面に「訓練」と出ます）'), actual, h('label', {for: actual.id}, '本番')),
    h('div', {class: 'row'}, field('警戒レベル', level), field('災害の種類', hazard)),
    field('題名', title, '（自動で入ります。直してもかまいません）'),
    field('対象の地域', areas, '（1行に1つ。例：池尻1丁目）'),
    field('とってほしい行動', todo, '（自動で入ります。{漢字|かんじ} でふりがな）'), todoView,
    h('h2', {}, '避難所'), h('p', {class: 'hint'}, 'それぞれの避難所の、いまの状態をえらんでください。'), shelterBox,
    registerBox,
    h('div', {class: 'actions'}, h('label', {for: newShelter.id || (newShelter.id = uid()), class: 'inline'}, '避難所の名前：'), newShelter, addButton),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, '確認して公開する')));
  form.addEventListener('submit', send);
  main.append(h('h1', {}, '避難情報をすぐ出す'),
    h('p', {class: 'muted'}, 'レベル4以上の情報は、ロビーの画面全体に出ます。訓練のときは必ず「訓練」をえらんでください。'),
    form, h('section', {class: 'card'}, current));
  await refresh();
}
