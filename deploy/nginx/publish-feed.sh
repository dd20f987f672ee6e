#!/usr/bin/env bash
# Publishes one feed file into the directory nginx serves, so that no kiosk ever reads half a file
# or a feed without its matching signature:
#   1. checks it with `machikado validate` (stops on any problem unless --force),
#   2. signs it with minisign under its published name (or takes an existing FEED.minisig),
#      and verifies the signature with the public key when given,
#   3. copies feed and signature into the target directory as hidden temp files, flushes them,
#   4. renames the signature into place first, then (with --gzip) FEED.gz, then the feed.
# A kiosk fetches the signature only after it sees a new feed, so it always finds the new one.
#
#   publish-feed.sh [--key SECRET.key] [--pub PUBLIC.pub] [--unsigned] [--gzip] [--force] \
#                   FEED.json DEST_DIR
#
# Example (on the feed server; upload with scp/rsync to a staging folder first):
#   publish-feed.sh --key ~/ward-feeds.key --pub ward-feeds.pub news.json /srv/machikado/feeds/ikejiri
set -euo pipefail

key="" pub="" unsigned=0 gzip=0 force=0
while [ $# -gt 2 ]; do
  case "$1" in
    --key) key="${2:?}"; shift 2 ;;
    --pub) pub="${2:?}"; shift 2 ;;
    --unsigned) unsigned=1; shift ;;
    --gzip) gzip=1; shift ;;
    --force) force=1; shift ;;
    *) echo "publish-feed.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ $# -ne 2 ]; then sed -n '2,16p' "$0" >&2; exit 2; fi
src="$1" dest="$2"
name="$(basename "$src")"
[ -f "$src" ] || { echo "publish-feed.sh: no such file: $src" >&2; exit 2; }
[ -d "$dest" ] || { echo "publish-feed.sh: no such directory: $dest" >&2; exit 2; }

# 1. Validate.
if command -v machikado >/dev/null; then
  if ! machikado validate "$src"; then
    if [ $force -eq 0 ]; then
      echo "publish-feed.sh: not published — fix the problems above (or --force to publish anyway)" >&2
      exit 1
    fi
    echo "publish-feed.sh: publishing despite the problems above (--force)" >&2
  fi
else
  echo "publish-feed.sh: machikado is not installed here; the feed was NOT validated" >&2
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$src" "$stage/$name"

# 2. Sign (under the published name, so the signature's trusted comment names the right file).
if [ $unsigned -eq 0 ]; then
  if [ -n "$key" ]; then
    minisign -S -s "$key" -m "$stage/$name"
  elif [ -f "$src.minisig" ]; then
    cp "$src.minisig" "$stage/$name.minisig"
  else
    echo "publish-feed.sh: no signature: give --key, put $name.minisig beside it, or --unsigned" >&2
    exit 1
  fi
  if [ -n "$pub" ]; then
    minisign -V -q -p "$pub" -m "$stage/$name" -x "$stage/$name.minisig" ||
      { echo "publish-feed.sh: the signature does not verify with $pub; not published" >&2; exit 1; }
  fi
fi
if [ $gzip -eq 1 ]; then gzip -9 -n -c "$stage/$name" > "$stage/$name.gz"; fi

# 3. Copy in as hidden temp files on the same file system (nginx never serves dot files).
tmp=".$name.publish.$$"
parts=()
[ -f "$stage/$name.minisig" ] && parts+=("$name.minisig")
[ -f "$stage/$name.gz" ] && parts+=("$name.gz")
parts+=("$name")
for p in "${parts[@]}"; do
  install -m 0644 "$stage/$p" "$dest/$tmp.$p"
done
sync "$dest"/"$tmp".* 2>/dev/null || sync

# 4. Rename into place: signature, then gzip copy, then the feed. A .gz left from an earlier
# --gzip publish would be stale (gzip_static serves it instead of the feed): remove it.
if [ $gzip -eq 0 ] && [ -e "$dest/$name.gz" ]; then
  echo "publish-feed.sh: removing the old $name.gz (publish with --gzip to keep one)" >&2
  rm -f "$dest/$name.gz"
fi
for p in "${parts[@]}"; do
  mv -f "$dest/$tmp.$p" "$dest/$p"
done
sync "$dest" 2>/dev/null || true
echo "published in $dest: ${parts[*]}"
