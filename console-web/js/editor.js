// The notice editor (#/new/{feed}/{kind}, #/edit/{feed}/{id}): a form per kind with a tab per
// language, furigana helpers, image upload, Japan-time pickers, the slide preview (landscape and
// portrait, drawn by the kiosk's renderer, refreshed a moment after typing stops), the 422 errors
// beside their fields, save, publish and withdraw.
import {api, enc, ApiError, currentSession} from './api.js';
import {draftKey as keyOf, dropDraft, readDraft, writeDraft} from './drafts.js';
import {h, field, notify} from './dom.js';
import {Form} from './form.js';
import {confirmPublish, confirmWithdraw} from './publish.js';
import {HAZARDS, KINDS, LANGS, LEVELS, SHELTER_STATUS, japaneseError, textOf} from './words.js';

const PREVIEW_DELAY_MS = 700;

function newId(kind) {
  const d = new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');
  const r = Math.random().toString(36).slice(2, 6);
  return `${kind}-${d}-${r}`;
}

export async function render(main, args, {go}) {
  const creating = location.hash.startsWith('#/new/');
  const [feedId, second] = args;
  const {data: feeds} = await api.get('/api/v1/feeds');
  const feed = feeds.feeds.find((f) => f.id === feedId);
  if (!feed) {
    main.append(h('div', {class: 'card summary-error'}, h('h1', {}, 'この欄は開けません'),
      h('p', {}, 'この欄を編集する権限がないか、欄がありません。'), h('a', {href: '#/feeds'}, 'お知らせの一覧へ戻る')));
    return;
  }
  let item;
  let revision = 0;
  if (creating) {
    const kind = KINDS[second] ? second : 'news';
    item = {id: newId(kind), kind};
    if (kind === 'alert') item.issued = new Date().toISOString().slice(0, 19) + 'Z';
  } else {
    const {data} = await api.get(`/api/v1/feeds/${enc(feedId)}/items/${enc(second)}`);
    item = data.item;
    revision = data.revision;
  }
  // What was typed but not saved (kept in this tab while typing, drafts.js) comes back, e.g. after
  // the session ended from inactivity and the user logged in again — a new notice too, before its
  // first save (one per feed and kind).
  const me = (currentSession() || {}).name || '';
  let draftKey = creating ? keyOf(me, feedId, `new:${item.kind}`) : keyOf(me, feedId, `item:${item.id}`);
  const draft = readDraft(draftKey);
  let restored = false;
  if (draft && creating) {
    if (draft.item.kind === item.kind && typeof draft.item.id === 'string') { item = draft.item; restored = true; }
    else dropDraft(draftKey);
  } else if (draft) {
    // Only onto the revision it was typed on (someone else's later save is not overwritten).
    if (draft.revision === revision) { item = draft.item; restored = true; } else dropDraft(draftKey);
  }
  const form = new Form(item);
  const kind = item.kind;
  document.title = `${KINDS[kind] || kind}を${creating ? '書く' : '直す'} — まちかど 掲示の管理`;

  // --- per-language texts
  form.text(['title'], '題名', {hint: '（120文字まで。画面に大きく出ます）'});
  form.text(['summary'], '要点', {multiline: true, hint: '（400文字まで。画面に出ます）'});
  if (kind === 'news') {
    form.text(['event', 'place'], '場所');
    form.text(['event', 'fee'], '費用', {hint: '（例：無料）'});
    form.text(['event', 'contact'], '問い合わせ先', {hint: '（名前と電話番号）'});
  }
  if (kind === 'preparedness') form.textLines(['actions'], 'すること', '（1行に1つ。6つまで）');
  if (kind === 'alert') {
    form.text(['instructions'], 'とってほしい行動', {multiline: true});
    form.text(['issuer'], '発表した人', {hint: '（例：世田谷区災害対策本部）'});
  }
  if (kind === 'project') {
    form.text(['department'], '担当課');
    form.text(['plan'], '計画の名前');
  }
  form.text(['body'], '詳しい説明', {multiline: true, rows: 5, hint: '（画面にさわった人に出ます。4000文字まで）'});
  form.text(['image', 'alt'], '画像の説明', {hint: '（目の不自由な人の読み上げ用。画像があるときだけ）', ruby: false});

  // --- the language tabs
  const tabs = h('div', {class: 'tabs', role: 'tablist', 'aria-label': '言語'});
  const panels = h('div', {});
  const tabButtons = {};
  let activeLang = 'ja';
  const selectTab = (tag, focus = false) => {
    activeLang = tag;
    for (const [t, b] of Object.entries(tabButtons)) {
      b.setAttribute('aria-selected', String(t === tag));
      b.tabIndex = t === tag ? 0 : -1;
      document.getElementById(`panel-${t}`).hidden = t !== tag;
    }
    if (focus) tabButtons[tag].focus();
    schedulePreview();
  };
  LANGS.forEach(({tag, label}, i) => {
    const b = h('button', {type: 'button', role: 'tab', id: `tab-${tag}`, 'aria-controls': `panel-${tag}`,
      onclick: () => selectTab(tag)}, label);
    b.addEventListener('keydown', (ev) => {
      const d = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
      if (d) selectTab(LANGS[(i + d + LANGS.length) % LANGS.length].tag, true);
    });
    tabButtons[tag] = b;
    tabs.append(b);
    panels.append(h('div', {role: 'tabpanel', id: `panel-${tag}`, class: 'tabpanel', 'aria-labelledby': `tab-${tag}`, lang: tag},
      tag === 'ja-x-easy' ? h('p', {class: 'hint'}, 'やさしい日本語：短い文で、むずかしい言葉を使わずに。漢字にはふりがなを。') : null,
      tag !== 'ja' && tag !== 'ja-x-easy' ? h('p', {class: 'hint'}, `${LANGS[i].native}：空の欄は、画面では日本語で出ます。`) : null,
      form.panelFor(tag)));
  });

  // --- fields that are not per language
  const common = h('div', {});
  if (kind === 'news') {
    common.append(h('h3', {}, '行事の日時'), h('div', {class: 'row'},
      form.datetime(['event', 'start'], '始まり'), form.datetime(['event', 'end'], '終わり')));
  }
  if (kind === 'preparedness') common.append(form.select(['hazard'], '災害の種類', HAZARDS));
  if (kind === 'project') common.append(metricsField(form, item));
  if (kind === 'alert') alertFields(form, common);
  common.append(imageField(form, item));
  common.append(h('h3', {}, '画面に出す期間'), h('div', {class: 'row'},
    form.datetime(['valid_from'], '出し始め', '（空なら公開してすぐ）'),
    form.datetime(['valid_until'], '出し終わり', '（空ならずっと）')));

  // --- errors
  const summary = h('div', {class: 'card summary-error', role: 'alert', tabindex: '-1', hidden: true});
  let showAll = false;
  const showErrors = (errors) => {
    for (const c of form.controls) {
      c.el.removeAttribute('aria-invalid');
      const p = c.el.closest('.field') && c.el.closest('.field').querySelector('.field-error');
      if (p) { p.hidden = true; p.replaceChildren(); }
    }
    for (const b of Object.values(tabButtons)) b.classList.remove('has-error');
    const unplaced = [];
    const shown = [];
    for (const e of errors) {
      const c = form.controlFor(e.path);
      if (c && !showAll && !c.touched) continue;
      const say = japaneseError(e.message);
      if (!c) { unplaced.push(say); continue; }
      c.el.setAttribute('aria-invalid', 'true');
      const p = c.el.closest('.field') && c.el.closest('.field').querySelector('.field-error');
      if (p) {
        p.append(h('span', {}, say), h('span', {class: 'orig'}, e.message));
        p.hidden = false;
      }
      if (c.lang) tabButtons[c.lang].classList.add('has-error');
      shown.push({c, say});
    }
    summary.replaceChildren();
    summary.hidden = !(showAll && (shown.length || unplaced.length));
    if (!summary.hidden) {
      summary.append(h('h2', {}, '直してほしいところがあります'), h('ul', {},
        shown.map(({c, say}) => h('li', {}, h('a', {href: '#', onclick: (ev) => {
          ev.preventDefault();
          if (c.lang) selectTab(c.lang);
          c.el.focus();
        }}, labelOf(c.el)), '：', say)),
        unplaced.map((say) => h('li', {}, say))));
    }
  };

  // --- preview
  const state = h('p', {class: 'state small', 'aria-live': 'polite'});
  const land = h('img', {alt: '横向きの画面での見え方', width: 440, height: 248});
  const port = h('img', {alt: '縦向きの画面での見え方', width: 170, height: 302});
  land.hidden = port.hidden = true;
  let timer = null;
  let seq = 0;
  let lastErrors = [];
  const drawOne = async (img, size, body, my) => {
    const res = await api.post(`/api/v1/feeds/${enc(feedId)}/preview.png?size=${size}&lang=${enc(activeLang)}`, body, {raw: true});
    const blob = await res.blob();
    if (my !== seq) return;
    if (img.src) URL.revokeObjectURL(img.src);
    img.src = URL.createObjectURL(blob);
    img.hidden = false;
  };
  const preview = async () => {
    const my = ++seq;
    const body = form.collect();
    state.textContent = '見え方を作っています…';
    try {
      await drawOne(land, '960x540', body, my);
      await drawOne(port, '540x960', body, my);
      if (my !== seq) return;
      lastErrors = [];
      showErrors([]);
      state.textContent = `見え方（${LANGS.find((l) => l.tag === activeLang).label}）：ロビーの画面と同じ描き方です。`;
    } catch (e) {
      if (my !== seq || (e instanceof ApiError && e.status === 401)) return;
      if (e instanceof ApiError && e.status === 422) {
        lastErrors = e.fieldErrors;
        showErrors(lastErrors);
        state.textContent = '入力に直すところがあるため、見え方はまだ出せません。';
      } else {
        state.textContent = e instanceof ApiError ? japaneseError(e.message, e.status) : '見え方を作れませんでした。';
      }
    }
  };
  function schedulePreview() {
    clearTimeout(timer);
    timer = setTimeout(preview, PREVIEW_DELAY_MS);
  }

  // --- save / publish / withdraw
  const saved = h('p', {role: 'status', class: 'small'});
  const save = async () => {
    showAll = true;
    const body = form.collect();
    try {
      if (creating && !revision) {
        const {data} = await api.post(`/api/v1/feeds/${enc(feedId)}/items`, body);
        revision = data.revision;
      } else {
        const {data} = await api.put(`/api/v1/feeds/${enc(feedId)}/items/${enc(item.id)}`, body,
          {headers: {'If-Match': `"${revision}"`}});
        revision = data.revision;
      }
      form.item = body;
      dropDraft(draftKey);
      // From now on the draft is of the saved notice.
      draftKey = keyOf(me, feedId, `item:${item.id}`);
      showErrors([]);
      saved.textContent = '保存しました。ロビーの画面に出すには「公開する」を押してください。';
      publishButton.disabled = false;
      withdrawButton.hidden = false;
      history.replaceState(null, '', `#/edit/${enc(feedId)}/${enc(item.id)}`);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        showErrors(e.fieldErrors);
        saved.textContent = 'まだ保存していません。赤い欄を直してください。';
        summary.focus();
      } else if (!(e instanceof ApiError && e.status === 401)) {
        saved.textContent = e instanceof ApiError ? japaneseError(e.message, e.status) : '通信できませんでした。';
      }
      return false;
    }
  };
  const publishButton = h('button', {type: 'button', class: 'primary', disabled: !revision, onclick: () =>
    confirmPublish(feed, () => {
      notify(`公開しました。ロビーの画面には1分ほどで出ます。`);
      go('#/feeds');
    })}, '公開する');
  const withdrawButton = h('button', {type: 'button', class: 'danger', hidden: !revision, onclick: () =>
    confirmWithdraw(feed, {id: item.id, revision, item: form.collect()}, () => go('#/feeds'))}, '取り下げる');

  const formEl = h('form', {class: 'card', novalidate: true, 'aria-labelledby': 'editor-title'},
    summary, h('p', {class: 'muted small'}, `欄：${textOf(feed.title) || feed.id}　番号：${item.id}`),
    tabs, panels, common,
    h('div', {class: 'actions'}, h('button', {type: 'submit'}, '保存する'), publishButton, withdrawButton,
      h('a', {href: '#/feeds'}, '一覧へ戻る')), saved);
  formEl.addEventListener('submit', (ev) => { ev.preventDefault(); save(); });
  formEl.addEventListener('input', () => {
    saved.textContent = '';
    schedulePreview();
    writeDraft(draftKey, revision, form.collect());
  });
  if (restored) {
    saved.append('保存していなかった入力を戻しました。よければ「保存する」を押してください。',
      h('button', {type: 'button', class: 'link', onclick: () => {
        dropDraft(draftKey);
        go(creating ? `#/new/${enc(feedId)}/${enc(kind)}` : `#/edit/${enc(feedId)}/${enc(item.id)}`);
      }}, '戻した入力を捨てる'));
  }
  formEl.addEventListener('change', schedulePreview);

  main.append(h('h1', {id: 'editor-title'}, `${KINDS[kind] || kind}を${creating ? '書く' : '直す'}`),
    h('div', {class: 'editor'}, formEl,
      h('aside', {class: 'preview card', 'aria-label': '画面での見え方'},
        h('h2', {}, '画面での見え方'), state, land, h('div', {class: 'portrait'}, port,
          h('p', {class: 'hint'}, '左は縦向きの画面。文字の折り返しやふりがなも、実際の画面と同じです。')))));
  selectTab('ja');
}

function labelOf(el) {
  const l = el.id && document.querySelector(`label[for="${el.id}"]`);
  const lang = LANGS.find((x) => x.tag === el.lang);
  return (l ? l.firstChild.textContent : '欄') + (lang && el.lang ? `（${lang.label}）` : '');
}

// The metrics of a project (≤ 6): per row a name, a unit, the starting point, one target, the
// result so far (each a period such as 令和5年度 and a number), or a note for a goal without numbers.
// Further targets of a loaded metric are kept as they are.
function metricsField(form, item) {
  const rows = [];
  const list = Array.isArray(item.metrics) ? item.metrics : [];
  const box = h('div', {});
  const point = (p) => (p && typeof p === 'object' ? p : {});
  const addRow = (m = {}) => {
    if (rows.length >= 6) return;
    const i = rows.length;
    const input = (v, attrs = {}) => h('input', {type: 'text', value: v === undefined ? '' : String(v), ...attrs});
    const r = {
      label: input(textOf(m.label), {lang: 'ja'}), unit: input(textOf(m.unit), {lang: 'ja'}),
      bp: input(point(m.baseline).period), bv: input(point(m.baseline).value, {inputmode: 'decimal'}),
      tp: input(point((m.targets || [])[0]).period), tv: input(point((m.targets || [])[0]).value, {inputmode: 'decimal'}),
      ap: input(point(m.actual).period), av: input(point(m.actual).value, {inputmode: 'decimal'}),
      note: input(textOf(m.note), {lang: 'ja'}), rest: (m.targets || []).slice(1), orig: m,
    };
    for (const [k, path] of [['label', 'label'], ['unit', 'unit'], ['bp', 'baseline'], ['bv', 'baseline'],
      ['tp', 'targets'], ['tv', 'targets'], ['ap', 'actual'], ['av', 'actual'], ['note', 'note']]) {
      form.register(r[k], (p) => p === `/metrics/${i}/${path}` || p.startsWith(`/metrics/${i}/${path}/`) ||
        (k === 'label' && p === `/metrics/${i}`));
    }
    rows.push(r);
    box.append(h('fieldset', {}, h('legend', {}, `目標 ${i + 1}`),
      h('div', {class: 'row'}, field('名前', r.label, '（例：作成した地区の数）'), field('単位', r.unit, '（例：地区）')),
      h('div', {class: 'row'}, field('はじめの時期', r.bp, '（例：令和3年度）'), field('はじめの数', r.bv)),
      h('div', {class: 'row'}, field('目標の時期', r.tp), field('目標の数', r.tv)),
      h('div', {class: 'row'}, field('いまの時期', r.ap), field('いまの数', r.av)),
      field('数のない目標の説明', r.note, '（例：実施。数を入れないときは必ず書く）')));
  };
  list.forEach(addRow);
  if (!list.length) addRow();
  form.writers.push((out) => {
    const num = (v) => (v.trim() === '' ? NaN : Number(v.trim()));
    const pt = (p, v) => (p.value.trim() ? {period: p.value.trim(), value: num(v.value)} : undefined);
    const metrics = rows.filter((r) => r.label.value.trim() || r.note.value.trim() || r.tv.value.trim()).map((r) => {
      const m = {...r.orig, label: r.label.value.trim()};
      for (const [k, v] of [['unit', r.unit.value.trim()], ['note', r.note.value.trim()],
        ['baseline', pt(r.bp, r.bv)], ['actual', pt(r.ap, r.av)]]) {
        if (v === undefined || v === '') delete m[k];
        else m[k] = v;
      }
      const first = pt(r.tp, r.tv);
      const targets = [first, ...r.rest].filter(Boolean);
      if (targets.length) m.targets = targets;
      else delete m.targets;
      return m;
    });
    if (metrics.length) out.metrics = metrics;
    else delete out.metrics;
  });
  return h('div', {}, h('h3', {}, '数値の目標'), box,
    h('div', {class: 'actions'}, h('button', {type: 'button', onclick: () => addRow()}, '目標を足す')));
}

function alertFields(form, box) {
  box.append(h('h3', {}, '避難情報'),
    form.plain(['status'], '本番か訓練か', h('select', {},
      h('option', {value: ''}, '本番（実際の情報）'), h('option', {value: 'exercise'}, '訓練')),
    {read: (v) => (v === 'actual' ? '' : v)}),
    h('div', {class: 'row'},
      form.select(['level'], '警戒レベル', LEVELS, {number: true, blank: 'レベルなし'}),
      form.select(['hazard'], '災害の種類', HAZARDS, {blank: 'えらんでください'})),
    h('div', {class: 'row'}, form.datetime(['issued'], '発表の日時'), form.datetime(['expires'], '終わりの日時', '（空なら出し終わりまで）')),
    form.plain(['areas'], '対象の地域', h('textarea', {rows: 3}), {hint: '（1行に1つ）',
      read: (v) => (Array.isArray(v) ? v.map(textOf).join('\n') : ''),
      write: (v) => { const a = v.split('\n').map((s) => s.trim()).filter(Boolean); return a.length ? a : undefined; }}),
    form.plain(['takeover'], '画面全体に出す（レベル4以上は自動で全体に出ます）', h('input', {type: 'checkbox'}),
      {write: (v) => (v ? true : undefined)}));
  const shelters = Array.isArray(form.item.shelters) ? form.item.shelters : [];
  if (shelters.length) {
    box.append(h('h3', {}, '避難所の状態'));
    shelters.forEach((s, i) => {
      const sel = h('select', {}, Object.entries(SHELTER_STATUS).map(([v, t]) => h('option', {value: v}, t)));
      box.append(form.plain(['shelters', i, 'status'], textOf(s.name) || s.ref || s.id, sel, {write: (v) => v}));
    });
  }
}

function imageField(form, item) {
  const input = h('input', {type: 'file', accept: 'image/jpeg,image/png,image/gif'});
  const status = h('p', {class: 'small', 'aria-live': 'polite'});
  const thumb = h('img', {alt: '', class: 'thumb', width: 160});
  const remove = h('button', {type: 'button', class: 'danger'}, '画像をはずす');
  let image = item.image && item.image.url ? {url: item.image.url, sha256: item.image.sha256} : null;
  const show = () => {
    thumb.hidden = remove.hidden = !image;
    if (image) thumb.src = image.url;
    status.textContent = image ? '画像があります。' : '画像はありません。';
  };
  form.writers.push((out) => {
    if (!image) { delete out.image; return; }
    out.image = {...(out.image || {}), url: image.url};
    if (image.sha256) out.image.sha256 = image.sha256;
    else delete out.image.sha256;
  });
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    status.textContent = '画像を送っています…';
    try {
      const {data} = await api.post('/api/v1/images', file);
      image = {url: data.url, sha256: data.sha256};
      show();
      status.textContent = `画像を登録しました（${data.width}×${data.height}）。撮影場所などの情報は消してあります。`;
      input.dispatchEvent(new Event('input', {bubbles: true}));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401))
        status.textContent = e instanceof ApiError ? japaneseError(e.message, e.status) : '送れませんでした。';
    }
    input.value = '';
  });
  remove.addEventListener('click', () => {
    image = null;
    show();
    input.dispatchEvent(new Event('input', {bubbles: true}));
  });
  form.register(input, (p) => p === '/image' || p === '/image/url' || p === '/image/sha256');
  show();
  return h('div', {}, h('h3', {}, '画像'), field('画像を選ぶ', input, '（JPEG か PNG。8MB まで）'), status,
    h('div', {class: 'actions'}, thumb, remove));
}
