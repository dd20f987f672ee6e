#!/usr/bin/env bash
# Fleet updates: deploy/apt-repo.sh makes a signed apt repository (reprepro, a throwaway gpg key);
# a package added goes to `canary` only; `promote` copies it to `stable`; apt, pointed at the
# repository with the exported key (Signed-By), accepts its signature and offers the version from
# the suite it follows; and a repository signed by another key is refused. Nothing is installed.
# Skips (77) without reprepro, gpg or apt-get.
. "$(dirname "$0")/lib.sh"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$T_ROOT"
need reprepro reprepro
need gpg gnupg
need apt-get apt
need dpkg-deb dpkg

work="$T_WORK"
export GNUPGHOME="$work/gnupg"
on_exit 'gpgconf --kill gpg-agent 2>/dev/null'
mkdir -m 0700 "$GNUPGHOME"

# A throwaway repository key (the ward's would live on the publishing host, backed up offline).
gpg --batch --passphrase '' --quick-gen-key "machikado test archive <test@invalid>" ed25519 sign 1d \
  >/dev/null 2>&1 || fail "gpg could not make a key"
key="$(gpg --list-keys --with-colons | awk -F: '/^fpr:/ {print $10; exit}')"

deb="$(MACHIKADO_BUILD_DIR="$(dirname "$binary")" bash "$here/deploy/package.sh" "$work/out" | tail -1)"
version="$(dpkg-deb -f "$deb" Version)"
repo="$work/repo"
bash "$here/deploy/apt-repo.sh" init "$repo" "$key" >/dev/null
bash "$here/deploy/apt-repo.sh" add "$repo" "$deb" >"$work/add.log" 2>&1 || { cat "$work/add.log"; fail "add"; }
[ -s "$repo/dists/canary/InRelease" ] || fail "canary is not signed (no InRelease)"
bash "$here/deploy/apt-repo.sh" list "$repo" >"$work/list"
grep -q "^canary|main|$(dpkg --print-architecture): machikado $version" "$work/list" ||
  { cat "$work/list"; fail "canary does not offer $version"; }
grep -q "^stable|" "$work/list" && { cat "$work/list"; fail "stable got the package before promote"; }
echo "ok: $version added to canary only"

bash "$here/deploy/apt-repo.sh" promote "$repo" >/dev/null 2>&1 || fail "promote"
bash "$here/deploy/apt-repo.sh" list "$repo" >"$work/list"
grep -q "^stable|main|$(dpkg --print-architecture): machikado $version" "$work/list" ||
  { cat "$work/list"; fail "stable does not offer $version after promote"; }
echo "ok: promoted to stable"

# A kiosk's view: apt with a private state, the repository as a file: source, Signed-By its key.
apt_view() {  # apt_view SUITE KEYRING → apt-cache policy of machikado
  local root="$work/apt-$1-$(basename "$2")"
  mkdir -p "$root/lists/partial" "$root/cache/archives/partial" "$root/etc/preferences.d"
  cat >"$root/machikado.sources" <<EOF
Types: deb
URIs: file:$repo
Suites: $1
Components: main
Signed-By: $2
EOF
  local opts=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=/dev/null
    -o Dir::Etc::sourcelist="$root/machikado.sources" -o Dir::State::Lists="$root/lists"
    -o Dir::Cache="$root/cache" -o Dir::Etc::Preferences=/dev/null
    -o Dir::Etc::PreferencesParts="$root/etc/preferences.d" -o Debug::NoLocking=1
    -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" update >"$root/update.log" 2>&1 || { cat "$root/update.log"; return 1; }
  apt-cache "${opts[@]}" policy machikado
}
apt_view stable "$repo/machikado-archive.gpg" >"$work/policy" || fail "apt update from stable failed"
grep -q "Candidate: $version" "$work/policy" || { cat "$work/policy"; fail "apt offers no $version from stable"; }
echo "ok: apt trusts the signed repository and offers $version from stable"

# Signed by a key the kiosk does not trust: apt refuses the repository.
gpg --batch --passphrase '' --quick-gen-key "someone else <x@invalid>" ed25519 sign 1d >/dev/null 2>&1
other="$(gpg --list-keys --with-colons | awk -F: '/^fpr:/ {print $10}' | grep -v "$key" | head -1)"
gpg --export "$other" >"$work/other.gpg"
if apt_view stable "$work/other.gpg" >"$work/policy-other" 2>&1 &&
  grep -q "Candidate: $version" "$work/policy-other"; then
  cat "$work/policy-other"; fail "apt accepted a repository signed by an untrusted key"
fi
echo "ok: a repository signed by another key is refused"
