#!/usr/bin/env bash
# Makes the Debian package from a plain build tree (default build/), installs it into a throwaway
# root, runs both installed programs, checks what the package holds and runs lintian on it.
# The package is installed with `dpkg --root` into a temporary folder, never on the machine, so a
# test run alongside never sees a SocketLab in /usr/bin; the folder is removed when the script exits
# (a SIGKILL leaves it in the system's temporary folder, nothing elsewhere). The installed programs run against the machine's own libraries, those the package's
# Depends field names.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
deb="$build/socketlab_${version}_$(dpkg --print-architecture).deb"
fail() { echo "check-package: $*" >&2; exit 1; }

rm -f "$deb"
cmake --build "$build" --target package >"$build/package.log" || { cat "$build/package.log"; fail "cpack failed"; }
[ -f "$deb" ] || fail "cpack made no $deb"
echo "$deb: $(stat -c %s "$deb") bytes"
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
dpkg-deb -f "$deb" Depends | grep -q libqt6widgets6 || fail "the Depends field does not name Qt's libraries"
# Each dependency, checked against the machine's installed packages: --force-depends below must not
# hide one that dpkg-shlibdeps got wrong.
while IFS= read -r dependency; do
    satisfied=no
    IFS='|' read -ra alternatives <<<"$dependency"
    for alternative in "${alternatives[@]}"; do
        read -r name relation wanted < <(sed -E 's/^ *([^ (]+) *(\(([<>=]+) *([^)]+)\))? *$/\1 \3 \4/' <<<"$alternative")
        installed=$(dpkg-query -W -f='${db:Status-Abbrev} ${Version}\n' "$name" 2>/dev/null | awk '$1 == "ii" {print $2; exit}')
        [ -n "$installed" ] || continue
        if [ -z "$relation" ] || dpkg --compare-versions "$installed" "$relation" "$wanted"; then
            satisfied=yes
        fi
    done
    [ "$satisfied" = yes ] || fail "this machine does not satisfy the dependency '$dependency'"
done < <(dpkg-deb -f "$deb" Depends | tr ',' '\n')
echo "dependencies: all satisfied by this machine's packages"

# What the package must hold.
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in /usr/bin/socketlab /usr/bin/socketlab-cli \
        /usr/share/applications/socketlab.desktop /usr/share/icons/hicolor/scalable/apps/socketlab.svg \
        /usr/share/man/man1/socketlab.1.gz /usr/share/man/man1/socketlab-cli.1.gz \
        /usr/share/doc/socketlab/copyright /usr/share/doc/socketlab/changelog.gz; do
    grep -qx "\.$path" <<<"$contents" || fail "$path is not in the package"
done
echo "contents: the two programs, the desktop entry, the icon, both manual pages, copyright, changelog"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/log"
touch "$root/var/lib/dpkg/status"
# --force-depends: the throwaway root's database has no Qt (the check above looked at the machine's);
# the programs find the libraries on the machine. The package has no maintainer scripts to run.
# dpkg looks for ldconfig and start-stop-daemon on PATH, which has no /usr/sbin for a normal user.
PATH="$PATH:/usr/sbin:/sbin" dpkg --root="$root" --log="$root/var/log/dpkg.log" --force-depends --force-not-root \
    -i "$deb" >"$root/dpkg.out" 2>&1 || { cat "$root/dpkg.out"; fail "dpkg could not install $deb"; }

# No display: the window's --version must answer before it would need one.
cli_version=$(env -u DISPLAY -u WAYLAND_DISPLAY LC_ALL=C "$root/usr/bin/socketlab-cli" --version)
gui_version=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM LC_ALL=C "$root/usr/bin/socketlab" --version)
echo "installed: $cli_version; $gui_version"
[ "$cli_version" = "socketlab-cli $version" ] || fail "socketlab-cli --version printed '$cli_version'"
[ "$gui_version" = "socketlab $version" ] || fail "socketlab --version printed '$gui_version'"
man --warnings -l "$root/usr/share/man/man1/socketlab-cli.1.gz" 2>&1 >/dev/null | { ! grep .; } \
    || fail "man warns about socketlab-cli.1"
man --warnings -l "$root/usr/share/man/man1/socketlab.1.gz" 2>&1 >/dev/null | { ! grep .; } \
    || fail "man warns about socketlab.1"

# Errors fail the check; warnings are printed for whoever reads the log.
echo "lintian:"
lintian --fail-on error "$deb" || fail "lintian found errors in $deb"
echo "package check passed: $(basename "$deb")"
