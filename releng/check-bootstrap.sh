#!/usr/bin/env bash
# Bootstraps ./mvnw into an empty, throwaway home, as on a machine that never built Miaopi.
# CI runs it on every submission so that a broken first run cannot hide behind a warm ~/.m2.
# Java takes user.home from the password database, not from $HOME: both are pointed at it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
home="$(mktemp -d "${TMPDIR:-/tmp}/miaopi-fresh-home.XXXXXX")"
trap 'rm -rf "${home}"' EXIT
log="${home}.log"
if HOME="${home}" MAVEN_OPTS="-Duser.home=${home}" ./mvnw -v >"${log}" 2>&1 \
    && grep -q "Apache Maven 3.9.11" "${log}" \
    && [ -x "${home}/.m2/wrapper/dists/apache-maven-3.9.11/bin/mvn" ]; then
  echo "check-bootstrap: ./mvnw bootstrapped Maven 3.9.11 into an empty home"
  rm -f "${log}"
else
  echo "check-bootstrap: FAILED: ./mvnw could not bootstrap Maven into an empty home. It said:" >&2
  cat "${log}" >&2
  rm -f "${log}"
  exit 1
fi
