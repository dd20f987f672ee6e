// Confirmations before a change reaches the lobby screens: publishing a feed (what is added,
// changed and removed, and which screens read it, from GET …/publish-plan) and withdrawing a
// notice. A native <dialog>: keyboard-usable, Esc cancels.
import {api, enc, ApiError} from './api.js';
import {h, notify} from './dom.js';
import {japaneseError, plainText, textOf, KINDS} from './words.js';

function dialog(titleText, body, {okText, danger = false, onOk}) {
  const error = h('p', {class: 'field-error', role: 'alert', hidden: true});
  const ok = h('button', {type: 'button', class: danger ? 'danger primary' : 'primary'}, okText);
  const cancel = h('button', {type: 'button'}, 'やめる');
  const titleId = `dlg-${Date.now()}`;
  const dlg = h('dialog', {'aria-labelledby': titleId}, h('h2', {id: titleId}, titleText), body, error,
    h('div', {class: 'actions'}, ok, cancel));
  cancel.addEventListener('click', () => dlg.close());
  dlg.addEventListener('close', () => dlg.remove());
  ok.addEventListener('click', async () => {
    ok.disabled = true;
    try {
      await onOk();
      dlg.close();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      const list = e instanceof ApiError ? e.fieldErrors : [];
      error.textContent = list.length
        ? `公開できないお知らせがあります：${list.map((x) => japaneseError(x.message)).join(' ')}`
        : (e instanceof ApiError ? japaneseError(e.message, e.status) : '通信できませんでした。');
      error.hidden = false;
      ok.disabled = false;
    }
  });
  document.body.append(dlg);
  dlg.showModal();
  cancel.focus();
  return dlg;
}

function itemList(label, items) {
  if (!items.length) return null;
  return [h('h3', {}, `${label}（${items.length}件）`),
    h('ul', {}, items.map((x) => h('li', {}, plainText(x.title) || x.id, h('span', {class: 'muted small'}, `（${KINDS[x.kind] || x.kind}）`))))];
}

export async function confirmPublish(feed, done) {
  const {data: plan} = await api.get(`/api/v1/feeds/${enc(feed.id)}/publish-plan`);
  const title = textOf(plan.title) || feed.id;
  const nothing = !plan.added.length && !plan.changed.length && !plan.removed.length;
  const screens = plan.kiosks.length
    ? h('ul', {}, plan.kiosks.map((k) => h('li', {}, k.id, k.silent ? '（いま連絡がありません）' : '')))
    : h('p', {}, 'この欄を読んでいる画面の報告は、まだありません。');
  const body = h('div', {},
    h('p', {}, `「${title}」の内容を、ロビーの画面に送ります。画面には1分ほどで出ます。`),
    plan.published ? null : h('p', {}, 'この欄を公開するのは初めてです。'),
    nothing ? h('p', {class: 'card ok-box'}, '前回の公開から変わったところはありません。') : null,
    itemList('新しく出るもの', plan.added), itemList('内容が変わるもの', plan.changed),
    itemList('画面から消えるもの', plan.removed),
    plan.errors.length ? h('p', {class: 'card summary-error'}, `直すところがあるお知らせがあります（${plan.errors.length}件）。直すまで公開できません。`) : null,
    h('h3', {}, `変わる画面（${plan.kiosks.length}台）`), screens);
  dialog('公開の確認', body, {
    okText: '公開する',
    onOk: async () => {
      await api.post(`/api/v1/feeds/${enc(feed.id)}/publish`, {});
      done();
    },
  });
}

export function confirmWithdraw(feed, record, done) {
  const name = plainText(textOf(record.item && record.item.title)) || record.id;
  const body = h('div', {},
    h('p', {}, `「${name}」を取り下げます。`),
    h('p', {}, '取り下げたあと「この欄を公開する」を押すと、ロビーの画面から消えます。'));
  dialog('取り下げの確認', body, {
    okText: '取り下げる', danger: true,
    onOk: async () => {
      await api.del(`/api/v1/feeds/${enc(feed.id)}/items/${enc(record.id)}`,
        {headers: {'If-Match': `"${record.revision}"`}});
      notify(`「${name}」を取り下げました。画面から消すには「この欄を公開する」を押してください。`);
      done();
    },
  });
}
