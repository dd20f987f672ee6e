// The screens (#/fleet): every kiosk that reports to this console, grouped by the center whose
// feed it reads, with what needs attention first: silent (no report), feeds it cannot fetch,
// content that is old.
import {api} from './api.js';
import {h} from './dom.js';
import {jstText, plainText, textOf} from './words.js';

const FLAGS = {
  silent: ['連絡なし', '電源や通信を確かめてください'],
  offline_feeds: ['受信できない', 'お知らせを読み込めていません'],
  stale: ['内容が古い', 'しばらく新しい内容になっていません'],
};

export async function render(main) {
  document.title = '画面の状態 — まちかど 掲示の管理';
  const [{data: fleet}, {data: feeds}] = await Promise.all([api.get('/api/v1/fleet'), api.get('/api/v1/feeds')]);
  const centerOf = new Map(feeds.feeds.map((f) => [f.url, textOf(f.title) || f.id]));
  // What each screen shows, by the title of the notice (the report names its id).
  const titles = new Map();
  const lists = await Promise.all(feeds.feeds.map((f) => api.get(`/api/v1/feeds/${encodeURIComponent(f.id)}/items`)));
  for (const {data} of lists) for (const r of data.items) titles.set(r.id, plainText(textOf(r.item && r.item.title)));
  const groups = new Map();
  for (const k of fleet.kiosks) {
    const names = [...new Set((k.feeds || []).map((f) => centerOf.get(f.url)).filter(Boolean))];
    const key = names.length ? names.join('・') : 'ほかの欄だけを読む画面';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(k);
  }
  const bad = fleet.kiosks.filter((k) => (k.flags || []).length).length;
  main.append(h('h1', {}, '画面の状態'),
    h('p', {class: bad ? 'card summary-error' : 'card ok-box'},
      fleet.kiosks.length ? `画面 ${fleet.kiosks.length}台のうち、${bad ? `${bad}台に確認が必要です。` : 'すべて正常です。'}`
        : 'まだ報告をしてきた画面はありません。'));
  for (const [center, kiosks] of [...groups.entries()].sort()) {
    kiosks.sort((a, b) => (b.flags || []).length - (a.flags || []).length || a.id.localeCompare(b.id));
    main.append(h('section', {class: 'card center-group'}, h('h2', {}, center),
      h('table', {}, h('thead', {}, h('tr', {}, ['画面', '状態', '最後の連絡', '表示中', '場所（アドレス）'].map((t) => h('th', {scope: 'col'}, t)))),
        h('tbody', {}, kiosks.map((k) => h('tr', {},
          h('td', {}, k.id),
          h('td', {}, (k.flags || []).length
            ? (k.flags || []).map((f) => h('span', {class: 'badge bad', title: (FLAGS[f] || [])[1] || ''}, (FLAGS[f] || [f])[0]))
            : h('span', {class: 'badge live'}, '正常')),
          h('td', {}, jstText(k.last_report)),
          h('td', {}, titles.get(k.slide) || k.slide || '—'),
          h('td', {class: 'small'}, k.address || '—')))))));
  }
}
