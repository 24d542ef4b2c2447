#!/usr/bin/env bash
# ./miaopi bench plugins [--matters N] [--runs R]: prepares what BenchPluginsCommand measures and
# runs it. Signed repositories of 1 and N generated matter plugins (made once under
# $MIAOPI_HOME/bench-plugins-N with releng/publish-matter.sh and the build's key), a fresh copy of
# each per run (so every check reads a repository p2 has not cached), and a fresh copy of the product
# with a scratch Miaopi home: installing and rolling back never touch this desk.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRODUCT="${REPO}/releng/org.miaopi.product/target/products/org.miaopi.product/linux/gtk/x86_64/miaopi"
die() { echo "miaopi bench plugins: $*" >&2; exit 1; }

n=50 runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --matters) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--matters needs a whole number"; n="$2"; shift 2 ;;
    --runs) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a whole number"; runs="$2"; shift 2 ;;
    *) die "unknown option '$1' (usage: ./miaopi bench plugins [--matters N] [--runs R])" ;;
  esac
done
[ -d "${PRODUCT}/plugins" ] || die "the product is not built: run ./miaopi build first"
DIR="${MIAOPI_HOME:-${HOME}/.miaopi}/bench-plugins-${n}"
mkdir -p "${DIR}"

# N matter plugins, each one class (a natural-person matter of SZPSB with its own code and policy)
# published once per home and signing key: a tree whose build made a new key (./mvnw clean …) would
# otherwise offer repositories its desk refuses as signed by another key
SIGNER="${MIAOPI_SIGNING_DIR:-${REPO}/target/miaopi-signing}/miaopi-signer.asc"
[ -f "${SIGNER}" ] || die "no signing key at ${SIGNER}: run ./miaopi build first"
key="$(sha256sum < "${SIGNER}" | cut -c1-64)"
if [ "$(cat "${DIR}/published" 2>/dev/null)" != "${key}" ]; then
  rm -rf "${DIR}/src" "${DIR}/one" "${DIR}/many"
  for i in $(seq -f %02g 1 "${n}"); do  # two digits at least: the bench installs bench01
    m="${DIR}/src/bench${i}"
    mkdir -p "${m}/META-INF" "${m}/src/org/miaopi/matter/bench${i}"
    cat > "${m}/META-INF/MANIFEST.MF" <<MF
Manifest-Version: 1.0
Bundle-ManifestVersion: 2
Bundle-Name: Miaopi Matter: benchmark matter ${i}
Bundle-SymbolicName: org.miaopi.matter.bench${i};singleton:=true
Bundle-Version: 1.0.0
Bundle-Vendor: Miaopi
Bundle-ActivationPolicy: lazy
Bundle-RequiredExecutionEnvironment: JavaSE-21
Import-Package: org.miaopi.checks;version="[1.0,2)",
 org.miaopi.core.matter;version="[1.0,2)",
 org.miaopi.core.model;version="[1.0,2)"
MF
    cat > "${m}/src/org/miaopi/matter/bench${i}/Bench${i}.java" <<JAVA
package org.miaopi.matter.bench${i};

import org.miaopi.checks.DefinedMatter;
import org.miaopi.core.matter.MatterDefinition;
import org.osgi.service.component.annotations.Component;

@Component(service = MatterDefinition.class)
public class Bench${i} extends DefinedMatter {
	public Bench${i}() {
		super(spec("BENCH-${i}", "基准事项${i}", "Benchmark matter ${i}", "SZPSB").policy("policy.bench-${i}", "1").naturalPerson());
	}
}
JAVA
  done
  first="$(ls -d "${DIR}"/src/bench* | head -n1)"
  "${REPO}/releng/publish-matter.sh" "${first}" 1.0.0 "${DIR}/one" >/dev/null
  "${REPO}/releng/publish-matter.sh" "${DIR}"/src/bench* 1.0.0 "${DIR}/many" >/dev/null
  echo "${key}" > "${DIR}/published"
fi

rm -rf "${DIR}"/one-* "${DIR}"/many-* "${DIR}/warmup" "${DIR}/product" "${DIR}/home"
cp -r "${DIR}/one" "${DIR}/warmup"
for k in $(seq 1 "${runs}"); do
  cp -r "${DIR}/one" "${DIR}/one-${k}"
  cp -r "${DIR}/many" "${DIR}/many-${k}"
done
cp -a "${PRODUCT}" "${DIR}/product"
# p2's profile names the installation by its absolute path: point the copy's at the copy, or p2
# would install into the product this copy came from
from="$(realpath "${PRODUCT}")"; to="$(realpath "${DIR}/product")"
while IFS= read -r f; do
  if [[ "${f}" == *.gz ]]; then
    zcat "${f}" | sed "s#${from}#${to}#g" | gzip > "${f}.new" && mv "${f}.new" "${f}"
  elif grep -qI "${from}" "${f}"; then
    sed -i "s#${from}#${to}#g" "${f}"
  fi
done < <(find "${DIR}/product/p2" "${DIR}/product/configuration" -type f)
echo "miaopi bench plugins: ${n} matter plugins, ${runs} runs, on a copy of the product in ${DIR}/product" >&2
MIAOPI_PRODUCT="${DIR}/product" MIAOPI_HOME="${DIR}/home" MIAOPI_NO_BUILD=1 "${REPO}/miaopi" bench plugins --prepared "${DIR}"
