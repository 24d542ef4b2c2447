#!/bin/sh
# An independent PAdES check of a Miaopi certificate with the EU's DSS library, offline.
#   releng/pades-check/check.sh FILE.pdf ROOT.der [VALIDATION-TIME, e.g. 2040-01-01T00:00:00Z]
# ROOT.der: ./miaopi seal export-root ROOT.der. The first run downloads DSS from Maven Central.
set -e
here=$(cd "$(dirname "$0")" && pwd)
top="$here/../.."
if [ ! -f "$here/target/cp.txt" ] || [ "$here/pom.xml" -nt "$here/target/cp.txt" ] || [ "$here/src/main/java/PadesCheck.java" -nt "$here/target/cp.txt" ]; then
  "$top/mvnw" -q -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/cp.txt" >&2
fi
. "$top/releng/find-jdk.sh"; miaopi_find_jdk || exit 1
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$here/target/classes:$(cat "$here/target/cp.txt")" PadesCheck "$@"
