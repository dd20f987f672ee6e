// The console's words: labels in plain Japanese, the API's English messages said in Japanese for
// staff, and Japan-time conversions for the date pickers.

export const LANGS = [
  {tag: 'ja', label: '日本語', ruby: true},
  {tag: 'ja-x-easy', label: 'やさしい日本語', ruby: true},
  {tag: 'en', label: '英語', native: 'English'},
  {tag: 'zh-Hans', label: '中国語', native: '简体中文'},
  {tag: 'ko', label: '韓国語', native: '한국어'},
  {tag: 'vi', label: 'ベトナム語', native: 'Tiếng Việt'},
];

export const KINDS = {
  news: 'お知らせ',
  preparedness: '防災の備え',
  project: '地域の取り組み',
  alert: '避難情報・警報',
};

export const HAZARDS = {
  flood: '洪水', inland_flood: '内水氾濫（大雨で街に水があふれる）', landslide: '土砂災害',
  storm_surge: '高潮', tsunami: '津波', earthquake: '地震', fire: '火災', storm: '暴風',
  snow: '大雪', heat: '暑さ（熱中症）', volcano: '火山', other: 'その他',
};

export const LEVELS = {
  1: '警戒レベル1 早期注意情報', 2: '警戒レベル2 注意報', 3: '警戒レベル3 高齢者等避難',
  4: '警戒レベル4 避難指示', 5: '警戒レベル5 緊急安全確保',
};

export const SCHEDULE = {
  live: ['表示中', 'live'], scheduled: ['表示前（予定）', 'scheduled'],
  expired: ['表示終了', 'expired'], invalid: ['要修正', 'invalid'],
};

export const SHELTER_STATUS = {open: '開設', full: '満員', closed: '閉鎖', unknown: '不明'};

export const AUDIT_ACTIONS = {
  login: 'ログイン', logout: 'ログアウト', 'login-failed': 'ログイン失敗',
  'login-throttled': 'ログイン制限', 'item-create': '作成', 'item-update': '変更',
  'item-delete': '取り下げ', publish: '公開', 'publish-failed': '公開の失敗',
  'image-upload': '画像の登録',
};

// An error message of the API or the kiosk's validator, said in Japanese.
export function japaneseError(message, status) {
  const m = String(message || '');
  const rules = [
    [/furigana|reading|ruby/, () => 'ふりがなの書き方が正しくありません。{漢字|かんじ} の形で書いてください。'],
    [/is required but (missing|it is null)/, () => '入力してください。'],
    [/must be non-empty text|^empty$|is empty|an empty/, () => '空のままにはできません。文字を入力してください。'],
    [/(\d+) characters long; at most (\d+)/, (x) => `${x[1]}文字あります。${x[2]}文字以内にしてください。`],
    [/must be later than valid_from/, () => '表示の終わりは、始まりより後の日時にしてください。'],
    [/before it starts/, () => '終わりの日時が、始まりより前になっています。'],
    [/must be later than issued/, () => '終わりの日時は、発表の日時より後にしてください。'],
    [/https:\/\/ or http:\/\//, () => 'https:// で始まるアドレスを入力してください。'],
    [/date|offset|hh:mm/, () => '日時の形が正しくありません。日付と時刻を選び直してください。'],
    [/items; at most (\d+)|at most (\d+)/, (x) => `数が多すぎます（${x[1] || x[2]}まで）。`],
    [/may not edit|may not publish|not your feed/, () => 'このお知らせの欄を編集する権限がありません。'],
    [/level 4 or higher|take over|withdraw this alert/, () => '警戒レベル4以上や画面全体に出す情報は、避難情報の担当者か管理者だけが出せます。'],
    [/changed by someone else/, () => 'ほかの人が先に変更しました。ページを読み込み直してから、もう一度変更してください。'],
    [/with this id exists/, () => '同じ番号のお知らせがすでにあります。'],
    [/larger than|too large|at most \d+×\d+|px/, () => '画像が大きすぎます。8MB以下、縦横4096ピクセル以下にしてください。'],
    [/not a format|not an image|decode/, () => 'この画像は使えません。JPEG か PNG の画像を選んでください。'],
    [/too many failed logins/, () => 'ログインの失敗が続きました。1分ほど待ってから、もう一度どうぞ。'],
    [/wrong name or password/, () => '名前かパスワードが違います。'],
    [/database is busy/, () => '混み合っています。少し待ってから、もう一度どうぞ。'],
  ];
  for (const [re, say] of rules) {
    const x = m.match(re);
    if (x) return say(x);
  }
  if (status === 403) return 'この操作をする権限がありません。';
  if (status === 404) return '見つかりません。ほかの人が取り下げた可能性があります。';
  if (status >= 500) return 'サーバーで問題が起きました。少し待ってから、もう一度どうぞ。';
  return '入力に問題があります。';
}

// "2026-12-14T10:00:00+09:00" (any offset) → "2026-12-14T10:00" in Japan time, for
// <input type=datetime-local>.
export function toJstInput(iso) {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + 9 * 3600 * 1000).toISOString().slice(0, 16);
}

// "2026-12-14T10:00" (Japan time) → "2026-12-14T10:00:00+09:00".
export function fromJstInput(v) {
  if (!v) return undefined;
  return (v.length === 16 ? `${v}:00` : v) + '+09:00';
}

// Unix seconds → "2026年12月14日 10:00" in Japan time.
export function jstText(unixSeconds) {
  if (!unixSeconds) return '—';
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric',
    hour: '2-digit', minute: '2-digit',
  }).format(new Date(unixSeconds * 1000));
}

// Unix seconds → "2026/12/14 10:00:05" in Japan time (tables).
export function jstShort(unixSeconds) {
  if (!unixSeconds) return '—';
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).format(new Date(unixSeconds * 1000));
}

export function nowJstInput(offsetMinutes = 0) {
  return toJstInput(new Date(Date.now() + offsetMinutes * 60000).toISOString());
}

// A text value (string or language map) → its Japanese (or first) string.
export function textOf(v) {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') return v.ja || Object.values(v)[0] || '';
  return '';
}

// The text without furigana readings: "{避難|ひなん}所" → "避難所".
export function plainText(s) {
  return String(s || '').replace(/\{\{/g, '{').replace(/\}\}/g, '}').replace(/\{([^{}|]*)\|[^{}]*\}/g, '$1');
}
