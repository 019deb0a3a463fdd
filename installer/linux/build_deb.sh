#!/usr/bin/env bash
# Wrap the PyInstaller app (dist/hrsupply, from installer/hrsupply.spec) in a .deb:
#   /opt/hrsupply/            the app
#   /usr/bin/hrsupply         the command (a link to it)
#   /usr/share/applications/hrsupply.desktop, /usr/share/icons/hicolor/*/apps/hrsupply.*,
#   /usr/share/metainfo/org.hrsupply.hrsupply.metainfo.xml
# Depends names the system libraries Qt's xcb platform needs (a fresh Debian desktop lacks some).
# Usage: installer/linux/build_deb.sh [DIST_DIR]   (run by `make package`)
set -euo pipefail
cd "$(dirname "$0")/../.."
dist=${1:-dist}
app="$dist/hrsupply"
[ -x "$app/hrsupply" ] || { echo "no $app/hrsupply: run PyInstaller first (make package)" >&2; exit 1; }
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' src/hrsupply/__init__.py)
arch=$(dpkg --print-architecture)
root=$(mktemp -d)
chmod 755 "$root"  # the package's "./": never make / private
trap 'rm -rf "$root"' EXIT

mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" "$root/DEBIAN"
cp -a "$app" "$root/opt/hrsupply"
ln -s /opt/hrsupply/hrsupply "$root/usr/bin/hrsupply"
install -m 644 resources/hrsupply.desktop "$root/usr/share/applications/hrsupply.desktop"
install -m 644 resources/org.hrsupply.hrsupply.metainfo.xml "$root/usr/share/metainfo/"
for png in resources/icons/hrsupply-*.png; do
  size=$(basename "$png" .png | sed 's/hrsupply-//')
  install -D -m 644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/hrsupply.png"
done
install -D -m 644 resources/hrsupply.svg "$root/usr/share/icons/hicolor/scalable/apps/hrsupply.svg"

cat > "$root/DEBIAN/control" <<CONTROL
Package: hrsupply
Version: $version
Architecture: $arch
Maintainer: hrsupply developers <hrsupply@example.org>
Section: misc
Priority: optional
Installed-Size: $(du -sk "$root" | cut -f1)
Depends: libc6, libstdc++6, libgcc-s1, zlib1g, libglib2.0-0 | libglib2.0-0t64, libdbus-1-3, libegl1, libgl1, libfontconfig1, libfreetype6, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render0, libxcb-render-util0, libxcb-shape0, libxcb-shm0, libxcb-sync1, libxcb-util1, libxcb-xfixes0, libxcb-xkb1, libxkbcommon0, libxkbcommon-x11-0
Homepage: https://example.org/hrsupply
Description: supplies and visits for a syringe services program
 Records participant visits by anonymous code at the front desk, receives and
 counts stock, loads the mobile van and reconciles it, and reports to funders.
 Data lives in each user's data folder (~/.local/share/hrsupply); uninstalling
 the package leaves it in place.
CONTROL
# Menus and icon caches pick up the new entry; nothing else runs as root.
cat > "$root/DEBIAN/postinst" <<'SCRIPT'
#!/bin/sh
set -e
command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
SCRIPT
cp "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"
chmod 755 "$root/DEBIAN/postinst" "$root/DEBIAN/postrm"

mkdir -p "$dist"
out="$dist/hrsupply_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "built $out ($(du -h "$out" | cut -f1))"
