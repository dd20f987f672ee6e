// Unsaved editor input kept in this tab's sessionStorage, so that a session ending before the
// notice is saved (30 idle minutes, a restart) loses nothing: per user and feed, for a new notice
// (one per kind) or for a saved one (only onto the revision it was typed on: editor.js).
// Another user never gets them: logging in as someone else in this tab, or logging out, removes
// every draft that is not the new user's.
const PREFIX = 'mk-draft:';

export function draftKey(user, feed, what) {
  return `${PREFIX}${encodeURIComponent(user)}:${encodeURIComponent(feed)}:${what}`;
}

export function readDraft(key) {
  try {
    const d = JSON.parse(sessionStorage.getItem(key) || 'null');
    return d && typeof d === 'object' && d.item && typeof d.item === 'object' ? d : null;
  } catch (e) {
    sessionStorage.removeItem(key);
    return null;
  }
}

export function writeDraft(key, revision, item) {
  try {
    sessionStorage.setItem(key, JSON.stringify({revision, item}));
  } catch (e) { /* storage full or off: the draft is only a convenience */ }
}

export function dropDraft(key) { sessionStorage.removeItem(key); }

// Removes the drafts of every user but `user` ('' = all of them).
export function dropDraftsExcept(user) {
  const mine = user ? `${PREFIX}${encodeURIComponent(user)}:` : null;
  for (let i = sessionStorage.length - 1; i >= 0; i--) {
    const k = sessionStorage.key(i);
    if (k && k.startsWith(PREFIX) && !(mine && k.startsWith(mine))) sessionStorage.removeItem(k);
  }
}
