// The audit log (#/audit, admin only): who did what, when and from where — newest first, 100 at a
// time.
import {api} from './api.js';
import {h} from './dom.js';
import {AUDIT_ACTIONS, jstShort} from './words.js';

// The log keeps its details in plain ASCII (the command line prints them too); staff read them in
// Japanese. Anything not recognised is shown as it was written.
function detailInJapanese(detail) {
  let m;
  if ((m = /^revision (\d+)$/.exec(detail))) return `第${m[1]}版`;
  if ((m = /^(\d+) items, etag (.*)$/.exec(detail))) return `${m[1]}件を公開（版の印 ${m[2]}）`;
  if ((m = /^(\d+)x(\d+), (\d+) bytes$/.exec(detail))) {
    return `${m[1]}×${m[2]} ピクセル、${Number(m[3]).toLocaleString('ja-JP')} バイト`;
  }
  return detail;
}

export async function render(main) {
  document.title = '操作の記録 — まちかど 掲示の管理';
  const body = h('tbody', {});
  const more = h('button', {type: 'button'}, 'もっと前の記録を見る');
  let before = 0;
  const load = async () => {
    const {data} = await api.get(`/api/v1/audit?limit=100${before ? `&before=${before}` : ''}`);
    for (const e of data.entries) {
      body.append(h('tr', {}, h('td', {class: 'small nowrap'}, jstShort(e.at)), h('td', {class: 'nowrap'}, e.actor),
        h('td', {class: 'nowrap'}, AUDIT_ACTIONS[e.action] || e.action),
        h('td', {class: 'break'}, e.target === 'session' ? '—' : e.target),
        h('td', {class: 'small break'}, detailInJapanese(e.detail || '')), h('td', {class: 'small nowrap'}, e.address)));
      before = e.seq;
    }
    more.hidden = data.entries.length < 100;
  };
  more.addEventListener('click', load);
  await load();
  main.append(h('h1', {}, '操作の記録'),
    h('p', {class: 'muted'}, 'ログイン、お知らせの作成・変更・取り下げ、公開のすべてが残ります。記録は消せません。'),
    h('div', {class: 'card'}, h('table', {}, h('thead', {}, h('tr', {},
      ['日時', 'だれが', '操作', '対象', 'くわしく', 'どこから'].map((t) => h('th', {scope: 'col'}, t)))), body), more));
}
