#!/usr/bin/env bash
# Stages the image's root file system for Jib (FROM scratch):
#   /opt/java          a jlink'ed Java 17 runtime made from the building JDK's modules
#   /lib*, /usr/lib*   the C libraries that runtime links (glibc, libgcc, libstdc++, zlib), copied
#                      from the build machine's Debian packages as dpkg installed them
#   /etc               passwd/group with the unprivileged user 1000, nsswitch.conf
#   /opt/roundtable/app/roundtable.war   the core assembled with the bundled plugins
# Usage: stage-root.sh <java.home> <image root> <build directory>
set -euo pipefail
JAVA_HOME_IN="$1"
ROOT="$2"
BUILD="$3"

if [ ! -d "$JAVA_HOME_IN/jmods" ]; then
  echo "No jmods in $JAVA_HOME_IN: the image's runtime is made with jlink from a full JDK 17" >&2
  echo "(Debian/Ubuntu: apt-get install openjdk-17-jmods)" >&2
  exit 1
fi
if ! command -v dpkg-query >/dev/null; then
  echo "The image's C libraries come from the build machine's Debian packages: no dpkg here" >&2
  exit 1
fi

# 1. The Java runtime: only the modules Payara Micro and the application use. Made once per
# build directory (jlink refuses an existing output folder); `mvn clean` remakes it.
MODULES=java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.crypto.ec,\
jdk.crypto.cryptoki,jdk.naming.dns,jdk.naming.rmi,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.jfr,\
jdk.jcmd,jdk.httpserver,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.xml.dom,jdk.attach
RUNTIME="$BUILD/jlink-runtime"
if [ ! -f "$RUNTIME/release" ]; then
  rm -rf "$RUNTIME"
  "$JAVA_HOME_IN/bin/jlink" --add-modules "$MODULES" --output "$RUNTIME" \
    --strip-debug --no-man-pages --no-header-files --compress=2 \
    --include-locales=en,en-GB
fi
rm -rf "$ROOT/opt/java"
mkdir -p "$ROOT/opt"
cp -a "$RUNTIME" "$ROOT/opt/java"
# No class data sharing archive: it is made per build and would make the image unreproducible.
rm -f "$ROOT/opt/java/lib/server/classes.jsa" "$ROOT/opt/java/lib/server/classes_nocoops.jsa"

# 2. The C libraries, exactly as the build machine's packages installed them (dpkg verified them);
# only shared libraries and the dynamic loader, every symlink resolved to a file.
PACKAGES="libc6 libgcc-s1 libstdc++6 zlib1g"
rm -rf "$ROOT/lib" "$ROOT/lib64" "$ROOT/usr"
: > "$BUILD/base-packages.txt"
for package in $PACKAGES; do
  echo "$package $(dpkg-query -W -f='${Version}' "$package:amd64" 2>/dev/null || dpkg-query -W -f='${Version}' "$package")" \
    >> "$BUILD/base-packages.txt"
  while read -r path; do
    case "$path" in
      */gconv/*|*/audit/*) continue ;;
      /lib/x86_64-linux-gnu/*|/usr/lib/x86_64-linux-gnu/*|/lib64/*) ;;
      *) continue ;;
    esac
    [ -e "$path" ] && [ ! -d "$path" ] || continue
    case "$(basename "$path")" in
      *.so|*.so.*) ;;
      *) continue ;;
    esac
    mkdir -p "$ROOT$(dirname "$path")"
    cp -L "$path" "$ROOT$path"
  done < <(dpkg-query -L "$package:amd64" 2>/dev/null || dpkg-query -L "$package")
done
if [ ! -f "$ROOT/lib64/ld-linux-x86-64.so.2" ]; then
  echo "The dynamic loader /lib64/ld-linux-x86-64.so.2 was not found in libc6" >&2
  exit 1
fi

# 3. The unprivileged user (1000) and name resolution: /etc/hosts first, then DNS.
# Mount points a runtime fills in (a read-only root cannot grow them at start).
mkdir -p "$ROOT/etc" "$ROOT/tmp" "$ROOT/var" "$ROOT/proc" "$ROOT/dev" "$ROOT/sys"
cat > "$ROOT/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
roundtable:x:1000:1000:Roundtable:/tmp:/sbin/nologin
PASSWD
cat > "$ROOT/etc/group" <<'GROUP'
root:x:0:
roundtable:x:1000:
GROUP
# Container runtimes mount their own /etc/hosts over this one.
printf '127.0.0.1 localhost\n::1 localhost\n' > "$ROOT/etc/hosts"
cat > "$ROOT/etc/nsswitch.conf" <<'NSS'
passwd: files
group: files
hosts: files dns
NSS
mkdir -p "$ROOT/opt/roundtable"
cp "$BUILD/base-packages.txt" "$ROOT/opt/roundtable/BASE-PACKAGES"

# 4. The application: the core with the bundled plugins, by the same assembly step the run command
# and the Kubernetes init container use (an operator's plugins folder is ignored here).
env -u ROUNDTABLE_PLUGINS_DIR "$ROOT/opt/java/bin/java" -Droundtable.plugins.dir= \
  -cp "$ROOT/opt/roundtable/roundtable-launcher.jar" org.roundtable.distribution.Assemble \
  "$ROOT/opt/roundtable/app/roundtable.war"
# Jib reads this module's (empty) class output even when the image is only the staged root.
mkdir -p "$BUILD/classes"
echo "Staged the image root in $ROOT ($(du -sh "$ROOT" | cut -f1))"
