// The feeds I may edit ("お知らせの一覧"): per feed, its notices with what is shown now, later or
// no more; buttons to write a new notice, edit, withdraw and publish.
import {api, enc} from './api.js';
import {h, notify} from './dom.js';
import {KINDS, SCHEDULE, jstText, textOf, plainText} from './words.js';
import {confirmPublish, confirmWithdraw} from './publish.js';

export async function render(main, _args, {go}) {
  document.title = 'お知らせの一覧 — まちかど 掲示の管理';
  const {data} = await api.get('/api/v1/feeds');
  const cards = await Promise.all(data.feeds.map((feed) => feedCard(feed, go)));
  main.append(h('h1', {}, 'お知らせの一覧'),
    h('p', {class: 'muted'}, '書いたお知らせは「公開する」を押すまで、ロビーの画面には出ません。'),
    ...(data.feeds.length ? cards : [h('p', {class: 'card'}, '編集できる欄がありません。管理者に連絡してください。')]));
}

async function feedCard(feed, go) {
  const {data} = await api.get(`/api/v1/feeds/${enc(feed.id)}/items`);
  const title = textOf(feed.title) || feed.id;
  const kindSelect = h('select', {id: `kind-${feed.id}`},
    Object.entries(KINDS).map(([k, label]) => h('option', {value: k}, label)));
  const rows = data.items.map((r) => {
    const [word, cls] = SCHEDULE[r.schedule] || [r.schedule, 'invalid'];
    const item = r.item || {};
    return h('tr', {},
      h('td', {}, plainText(textOf(item.title)) || r.id,
        item.status === 'exercise' ? [' ', h('span', {class: 'badge exercise'}, '訓練')] : null),
      h('td', {}, KINDS[item.kind] || item.kind),
      h('td', {}, h('span', {class: `badge ${cls}`}, word)),
      h('td', {class: 'small'}, jstText(r.updated), h('br'), `${r.author} さん`),
      h('td', {}, h('div', {class: 'actions'},
        h('a', {class: 'button', href: `#/edit/${enc(feed.id)}/${enc(r.id)}`,
          'aria-label': `「${plainText(textOf(item.title))}」を直す`}, '直す'),
        h('button', {type: 'button', class: 'danger',
          'aria-label': `「${plainText(textOf(item.title))}」を取り下げる`,
          onclick: () => confirmWithdraw(feed, r, () => go(location.hash))}, '取り下げる'))));
  });
  return h('section', {class: 'card', 'aria-labelledby': `h-${feed.id}`},
    h('h2', {id: `h-${feed.id}`}, title),
    h('p', {class: 'muted small'}, feed.etag ? '公開済み。画面はこの欄を自動で読み込みます。' : 'まだ一度も公開していません。'),
    rows.length
      ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, '題名'), h('th', {scope: 'col'}, '種類'),
          h('th', {scope: 'col'}, '状態'), h('th', {scope: 'col'}, '最後の変更'), h('th', {scope: 'col'}, '操作'))),
        h('tbody', {}, rows))
      : h('p', {}, 'お知らせはまだありません。'),
    h('div', {class: 'actions'},
      h('label', {for: kindSelect.id, class: 'inline'}, '新しく書く：'), kindSelect,
      h('button', {type: 'button', onclick: () => go(`#/new/${enc(feed.id)}/${enc(kindSelect.value)}`)}, '書き始める'),
      h('button', {type: 'button', class: 'primary', onclick: () => confirmPublish(feed, () => {
        notify(`「${title}」を公開しました。画面には1分ほどで出ます。`);
        go(location.hash);
      })}, 'この欄を公開する')));
}
