// The staff console's entry point: the menu, the pages by address (#/feeds, #/edit/…, #/alert,
// #/fleet, #/audit, #/login) and the login page. Pages are modules with a render(main, args).
import {api, currentSession, login, logout, setLoggedOutHandler, whoAmI, ApiError} from './api.js';
import {h, clear, field, notify, ageNotice} from './dom.js';
import {japaneseError} from './words.js';
import {dropDraftsExcept} from './drafts.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let sessionEnded = false;
let returnTo = '';
const BUSY = '混み合っています。少し待ってからもう一度お試しください。';
const BUSY_RETRIES = 10;  // then the person decides  // the page the session ended on: back there after logging in again

const PAGES = {
  feeds: () => import('./feeds.js'),
  new: () => import('./editor.js'),
  edit: () => import('./editor.js'),
  alert: () => import('./alert.js'),
  fleet: () => import('./fleet.js'),
  audit: () => import('./audit.js'),
};

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function renderNav() {
  const s = currentSession();
  clear(nav);
  nav.hidden = !s;
  if (!s) return;
  const page = (location.hash.slice(2).split('/')[0]) || 'feeds';
  const link = (hash, text, key) => h('a', {href: hash, 'aria-current': page === key ? 'page' : null}, text);
  nav.append(link('#/feeds', 'お知らせの一覧', 'feeds'));
  if (s.role === 'alerts' || s.role === 'admin') nav.append(link('#/alert', '避難情報をすぐ出す', 'alert'));
  nav.append(link('#/fleet', '画面の状態', 'fleet'));
  if (s.role === 'admin') nav.append(link('#/audit', '操作の記録', 'audit'));
  nav.append(h('span', {class: 'who'}, h('span', {}, `${s.name} さん`),
    h('button', {type: 'button', onclick: async () => {
      await logout();
      dropDraftsExcept('');  // a shared office computer: nothing typed stays behind
      notify('ログアウトしました。');
      go('#/login');
    }}, 'ログアウト')));
}

function loginPage() {
  document.title = 'ログイン — まちかど 掲示の管理';
  const name = h('input', {type: 'text', name: 'name', autocomplete: 'username', required: true});
  const password = h('input', {type: 'password', name: 'password', autocomplete: 'current-password', required: true});
  const error = h('p', {class: 'field-error', role: 'alert', hidden: true});
  const form = h('form', {class: 'card login', novalidate: true},
    h('h1', {}, 'ログイン'),
    h('p', {class: 'muted'}, 'センターの掲示板（ロビーの画面）に出すお知らせを書いて公開します。'),
    sessionEnded ? h('p', {class: 'field-error'}, 'しばらく操作がなかったため、ログアウトしました。もう一度ログインしてください。') : null,
    field('名前', name), field('パスワード', password), error,
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'ログインする')));
  let retry = null;  // a login the console was too busy for, tried again after its Retry-After
  let tries = 0;
  const submit = async () => {
    clearTimeout(retry);
    retry = null;
    if (!form.isConnected) return;  // the page moved on while waiting
    try {
      const who = await login(name.value.trim(), password.value);
      // Someone else in this tab never gets the previous user's unsaved text.
      dropDraftsExcept(who ? who.name : '');
      sessionEnded = false;
      const back = returnTo;
      returnTo = '';
      go(back || '#/feeds');
    } catch (e) {
      if (e instanceof ApiError && e.status === 503 && tries < BUSY_RETRIES) {
        // Many logins at once (a whole office at 9:00): the console's login queue is full. Say so
        // and try again by ourselves after the time it asked for.
        tries++;
        error.textContent = `${BUSY}このまま待てば、自動でもう一度ログインします。`;
        error.hidden = false;
        retry = setTimeout(submit, 1000 * Math.min(Math.max(e.retryAfter, 1), 30));
        return;
      }
      error.textContent = e instanceof ApiError ? (e.status === 503 ? BUSY : japaneseError(e.message, e.status)) : '通信できませんでした。';
      error.hidden = false;
      password.select();
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    error.hidden = true;
    if (!name.value || !password.value) {
      error.textContent = '名前とパスワードを入力してください。';
      error.hidden = false;
      return;
    }
    tries = 0;
    submit();
  });
  clear(main).append(form);
  name.focus();
}

async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const page = parts[0] || 'feeds';
  if (!currentSession() && page !== 'login') await whoAmI();
  renderNav();
  if (!currentSession() || page === 'login') {
    if (currentSession()) return go('#/feeds');
    return loginPage();
  }
  const load = PAGES[page] || PAGES.feeds;
  try {
    const mod = await load();
    clear(main);
    await mod.render(main, parts.slice(1), {go});
    main.focus({preventScroll: true});
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    clear(main).append(h('div', {class: 'card summary-error'}, h('h1', {}, '表示できませんでした'),
      h('p', {}, e instanceof ApiError ? japaneseError(e.message, e.status) : '通信できませんでした。ネットワークを確かめてください。')));
  }
}

setLoggedOutHandler(() => {
  sessionEnded = true;
  if (!location.hash.startsWith('#/login')) returnTo = location.hash;
  renderNav();
  loginPage();
});
window.addEventListener('hashchange', () => { ageNotice(); route(); });
route();
export {api};
