# Sourced by mvnw, miaopi and .ci/run: sets JAVA_HOME to a JDK >= 21 or explains what is missing.
miaopi_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1
}
miaopi_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-2* /usr/lib/jvm/java-2*-openjdk* /usr/lib/jvm/*; do
    [ -n "${candidate}" ] && [ -x "${candidate}/bin/java" ] && [ -x "${candidate}/bin/javac" ] || continue
    major="$(miaopi_java_major "${candidate}")"
    if [ -n "${major}" ] && [ "${major}" -ge 21 ]; then
      JAVA_HOME="${candidate}"
      return 0
    fi
  done
  cat >&2 <<'MSG'
Miaopi needs a JDK 21 or newer, and none was found
(looked at $JAVA_HOME, then /usr/lib/jvm/temurin-2*, /usr/lib/jvm/java-2*-openjdk*).
Install one, for example:  apt-get install -y openjdk-21-jdk  (or a Temurin 21+ JDK)
or point JAVA_HOME at it:  export JAVA_HOME=/path/to/jdk-21
MSG
  return 1
}
