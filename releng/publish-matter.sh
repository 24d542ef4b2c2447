#!/usr/bin/env bash
# Publishes a new version of a matter plugin into a p2 repository, PGP-signed with the Miaopi
# code-signing key the matters site signs with, for desks to check and update from
# (docs/matter-updates.md walks through it end to end).
#
#   releng/publish-matter.sh MATTER_DIR [MATTER_DIR…] VERSION REPOSITORY
#
# MATTER_DIR  a matter plugin's directory (META-INF/MANIFEST.MF and src/), e.g. a copy of
#             bundles/org.miaopi.matter.gradhukou with a new policy version; several at once share
#             one publisher run
# VERSION     the new Bundle-Version, higher than the desks' (e.g. 0.2.0)
# REPOSITORY  a directory: a p2 repository to create, or to add to (every artifact is signed again)
#
# It compiles against this tree's built product (the API the desks run), writes the Declarative
# Services descriptors the reactor's build would, publishes with p2's own publisher (run inside the
# product), lists each plugin under its department's category (the manifest's Miaopi-Department;
# releng/publish-matter/Categorize.java) and signs with releng/org.miaopi.matters.site/SignRepository.java. The key and passphrase
# are the build's (target/miaopi-signing); a release names its own with MIAOPI_SIGNING_DIR and
# MIAOPI_SIGNING_PASSPHRASE.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRODUCT="${REPO}/releng/org.miaopi.product/target/products/org.miaopi.product/linux/gtk/x86_64/miaopi"
PLUGINS="${PRODUCT}/plugins"
SIGNING="${MIAOPI_SIGNING_DIR:-${REPO}/target/miaopi-signing}"
PASSPHRASE="${MIAOPI_SIGNING_PASSPHRASE:-miaopi-demo-build}"

die() { echo "publish-matter: $*" >&2; exit 1; }

[ $# -ge 3 ] || die "usage: releng/publish-matter.sh MATTER_DIR [MATTER_DIR…] VERSION REPOSITORY (e.g. /tmp/gradhukou-v2 0.2.0 /tmp/matters-site)"
ARGS=("$@")
VERSION="${ARGS[$# - 2]}"
TARGET="$(realpath -m "${ARGS[$# - 1]}")"
MATTERS=()
for m in "${ARGS[@]:0:$# - 2}"; do
  m="$(realpath "${m}")"
  [ -f "${m}/META-INF/MANIFEST.MF" ] && [ -d "${m}/src" ] || die "${m} is not a plugin directory (META-INF/MANIFEST.MF and src/ expected)"
  MATTERS+=("${m}")
done
[[ "${VERSION}" =~ ^[0-9]+\.[0-9]+\.[0-9]+(\.[A-Za-z0-9_-]+)?$ ]] || die "VERSION must be MAJOR.MINOR.MICRO[.QUALIFIER], e.g. 0.2.0 (got '${VERSION}')"
[ -d "${PLUGINS}" ] || die "the product is not built (${PRODUCT} is missing): run ./miaopi build first"
[ -f "${SIGNING}/miaopi-signer-secret.asc" ] || die "no signing key in ${SIGNING}: the build makes one (./miaopi build), or set MIAOPI_SIGNING_DIR"

# shellcheck source=releng/find-jdk.sh
. "${REPO}/releng/find-jdk.sh"
miaopi_find_jdk || exit 1

jar_of() { # the product's jar of a bundle
  local j
  j="$(ls "${PLUGINS}/$1"_*.jar 2>/dev/null | head -n1)"
  [ -n "${j}" ] || die "the product has no $1 bundle"
  echo "${j}"
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/publish-matter.XXXXXX")"
trap 'rm -rf "${WORK}"' EXIT
mkdir -p "${WORK}/bundles/plugins" "${WORK}/bundles/features"
ASM="$(jar_of org.objectweb.asm)"
# the DS annotations are compile-time only (not in the product): the copy the build used
M2="${MIAOPI_M2_REPOSITORY:-${HOME}/.m2/repository}"
DS_ANNOTATIONS="$(ls "${M2}"/org/osgi/org.osgi.service.component.annotations/*/org.osgi.service.component.annotations-*.jar 2>/dev/null \
  | grep -v sources | sort -V | tail -n1)"
[ -n "${DS_ANNOTATIONS}" ] || die "org.osgi.service.component.annotations is not in ${M2} (the build puts it there; or set MIAOPI_M2_REPOSITORY)"
# the jar maker, compiled once for all the plugins of this run
"${JAVA_HOME}/bin/javac" --release 21 -nowarn -cp "${ASM}" -d "${WORK}/tools" "${REPO}/releng/publish-matter/MatterJar.java"
PUBLISHED=()
CATEGORIES=()
for MATTER in "${MATTERS[@]}"; do
  BSN="$(sed -n 's/^Bundle-SymbolicName: *\([^;[:space:]]*\).*/\1/p' "${MATTER}/META-INF/MANIFEST.MF" | head -n1)"
  [[ "${BSN}" == org.miaopi.matter.* ]] || die "${MATTER}: Bundle-SymbolicName '${BSN}' is not a matter plugin (org.miaopi.matter.*)"
  CLASSES="${WORK}/classes/${BSN}"
  mkdir -p "${CLASSES}"
  find "${MATTER}/src" -name '*.java' > "${WORK}/sources"
  [ -s "${WORK}/sources" ] || die "no Java sources under ${MATTER}/src"
  echo "publish-matter: compiling ${BSN} ${VERSION} against ${PRODUCT}"
  "${JAVA_HOME}/bin/javac" --release 21 -encoding UTF-8 -nowarn -proc:none -cp "${PLUGINS}/*:${DS_ANNOTATIONS}" -d "${CLASSES}" @"${WORK}/sources"
  # resources beside the sources, and what build.properties ships besides classes (OSGI-INF/l10n, …)
  (cd "${MATTER}/src" && find . -type f ! -name '*.java' -exec cp --parents {} "${CLASSES}/" \;)
  for extra in OSGI-INF plugin.xml plugin.properties; do
    if [ -e "${MATTER}/${extra}" ]; then cp -r "${MATTER}/${extra}" "${CLASSES}/"; fi
  done
  "${JAVA_HOME}/bin/java" -cp "${ASM}:${WORK}/tools" MatterJar \
    "${CLASSES}" "${MATTER}/META-INF/MANIFEST.MF" "${VERSION}" "${WORK}/bundles/plugins/${BSN}_${VERSION}.jar"
  PUBLISHED+=("${BSN}")
  # its department's category: the manifest's Miaopi-Department, else the one department its specs name
  DEPT="$(sed -n 's/^Miaopi-Department: *\([A-Z0-9]*\).*/\1/p' "${MATTER}/META-INF/MANIFEST.MF" | head -n1)"
  if [ -z "${DEPT}" ]; then
    DEPT="$(find "${MATTER}/src" -name '*.java' -exec grep -ohP 'spec\([^;]*?"\K[A-Z][A-Z0-9]+(?="\s*\))' {} + | sort -u)"
    if [ "$(printf '%s\n' "${DEPT}" | grep -c .)" != 1 ]; then
      echo "publish-matter: ${BSN} names no single department (add Miaopi-Department: CODE to its manifest): published without a category" >&2
      DEPT=""
    fi
  fi
  [ -z "${DEPT}" ] || CATEGORIES+=("${BSN}=${DEPT}")
done

echo "publish-matter: publishing into ${TARGET}"
mkdir -p "${TARGET}"
# p2's publisher, run inside the product (a scratch Miaopi home: the desk's own is not touched)
MIAOPI_HOME="${WORK}/home" MIAOPI_JVM_OPTS="${MIAOPI_JVM_OPTS:-}" "${REPO}/miaopi" __launch publish \
  -application org.eclipse.equinox.p2.publisher.FeaturesAndBundlesPublisher -nosplash \
  -metadataRepository "file:${TARGET}" -artifactRepository "file:${TARGET}" -metadataRepositoryName "Miaopi matter plugins" \
  -artifactRepositoryName "Miaopi matter plugins" -bundles "${WORK}/bundles/plugins" -features "${WORK}/bundles/features" -append -publishArtifacts \
  > "${WORK}/publisher.log" 2>&1 || { cat "${WORK}/publisher.log" >&2; die "p2's publisher failed"; }
[ -f "${TARGET}/artifacts.xml" ] || { cat "${WORK}/publisher.log" >&2; die "p2's publisher wrote no artifacts.xml in ${TARGET}"; }

# one category per department, labelled as the matters site labels it
if [ ${#CATEGORIES[@]} -gt 0 ]; then
  "${JAVA_HOME}/bin/java" "${REPO}/releng/publish-matter/Categorize.java" \
    "${TARGET}" "${REPO}/releng/org.miaopi.matters.site/category.xml" "${VERSION}" "${CATEGORIES[@]}"
fi

# Bouncy Castle's OpenPGP jar and the provider of the same release (the product may hold two)
BCPG="$(jar_of bcpg)"
BC_VERSION="$(basename "${BCPG}" .jar)"; BC_VERSION="${BC_VERSION#bcpg_}"
BC="${BCPG}:${PLUGINS}/bcprov_${BC_VERSION}.jar:${PLUGINS}/bcutil_${BC_VERSION}.jar"
[ -f "${PLUGINS}/bcprov_${BC_VERSION}.jar" ] || die "the product has no bcprov ${BC_VERSION} beside bcpg ${BC_VERSION}"
"${JAVA_HOME}/bin/java" -cp "${BC}" \
  "${REPO}/releng/org.miaopi.matters.site/SignRepository.java" \
  "${TARGET}" "${SIGNING}/miaopi-signer-secret.asc" "${SIGNING}/miaopi-signer.asc" "${PASSPHRASE}"

cat <<MSG
publish-matter: ${PUBLISHED[*]} ${VERSION} in ${TARGET}. On a desk:
  ./miaopi plugins check --repository ${TARGET}
  ./miaopi plugins update ${PUBLISHED[0]} --repository ${TARGET}     (or install, for a new matter)
MSG
