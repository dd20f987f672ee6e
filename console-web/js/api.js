// The console's HTTP API (docs/console-api.md) for the pages: JSON in and out, the session's CSRF
// token on every change, and a 401 (session ended) sends the user to the login page.

let csrf = '';
let session = null;  // {name, role, feeds}
let onLoggedOut = () => {};

export class ApiError extends Error {
  constructor(status, body, retryAfter = 0) {
    super((body && body.error) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.retryAfter = retryAfter;  // seconds, from a 503's or 429's Retry-After (0: none)
  }
  get fieldErrors() { return Array.isArray(this.body.errors) ? this.body.errors : []; }
}

export function setLoggedOutHandler(fn) { onLoggedOut = fn; }
export function currentSession() { return session; }

async function request(method, path, body, {headers = {}, raw = false} = {}) {
  const opts = {method, headers: {...headers}, credentials: 'same-origin', cache: 'no-store'};
  if (method !== 'GET' && method !== 'HEAD') opts.headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) {
    if (body instanceof Blob) {
      opts.body = body;
      opts.headers['Content-Type'] = body.type || 'application/octet-stream';
    } else {
      opts.body = JSON.stringify(body);
      opts.headers['Content-Type'] = 'application/json';
    }
  }
  const res = await fetch(path, opts);
  if (res.status === 401 && path !== '/api/v1/session') {
    // Only a session this page believed alive has ended: a request still in flight when the user
    // pressed ログアウト (a preview, a list) must not draw the login page again over the one the
    // user is typing into, nor say the session timed out.
    const ended = session !== null;
    session = null;
    if (ended) onLoggedOut(true);
    throw new ApiError(401, {error: 'session ended'});
  }
  if (raw && res.ok) return res;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const after = parseInt(res.headers.get('Retry-After') || '', 10);
    throw new ApiError(res.status, data, Number.isFinite(after) && after > 0 ? after : 0);
  }
  return {data, res};
}

export const api = {
  get: (p, o) => request('GET', p, undefined, o),
  post: (p, b, o) => request('POST', p, b === undefined ? {} : b, o),
  put: (p, b, o) => request('PUT', p, b, o),
  del: (p, o) => request('DELETE', p, undefined, o),
};

export async function login(name, password) {
  const {data} = await request('POST', '/api/v1/session', {name, password});
  csrf = data.csrf;
  return whoAmI();
}

export async function whoAmI() {
  try {
    const {data} = await request('GET', '/api/v1/session');
    csrf = data.csrf || csrf;
    session = {name: data.name, role: data.role, feeds: data.feeds || []};
  } catch (e) {
    if (e.status !== 401) throw e;
    session = null;
  }
  return session;
}

export async function logout() {
  try { await request('DELETE', '/api/v1/session'); } catch (e) { /* already ended */ }
  session = null;
  csrf = '';
}

export function enc(s) { return encodeURIComponent(s); }
