#!/usr/bin/env bash
# Builds the solution and runs every test project in it against a throwaway PostgreSQL.
#
#   ./test.sh              locally (root, or a user with sudo for the one-off apt-get install)
#   CI=true ./test.sh      in CI: PostgreSQL must start, or the run fails
#
# Steps mirror the Dockerfile: restore the solution once, build Release once, then `dotnet test --no-build`.
# Tests find the database in MEDTOUR_TEST_POSTGRES (an Npgsql connection string, superuser, trust auth).
# TRX files go to $TEST_RESULTS_DIR (default ./TestResults). The last line printed is always
# "N passed, N failed, N skipped"; the exit code is non-zero if a test failed, the build failed or no test ran.
# Knobs: PG_BIN (default /usr/lib/postgresql/15/bin), PG_PORT (first port tried, default 55432; the next 20 are
# tried when taken), TEST_RESULTS_DIR.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
REPO_ROOT="$PWD"
SOLUTION="MedTour.Cms.sln"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
RESULTS_DIR="${TEST_RESULTS_DIR:-$REPO_ROOT/TestResults}"
IS_CI=false
case "${CI:-}" in true | TRUE | True | 1 | yes) IS_CI=true ;; esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# In CI leave no MSBuild nodes or compiler servers running after the script; locally keep them warm.
DOTNET_SERVER_ARGS=()
if [[ "$IS_CI" == true ]]; then DOTNET_SERVER_ARGS=(--disable-build-servers); fi

T0=$(date +%s%N)
log() { printf '==> %s\n' "$*" >&2; }
elapsed() { echo $((($(date +%s%N) - $1) / 1000000)); } # ms since a `date +%s%N` stamp

# The summary is the very last line; everything else goes before it.
finish() { # passed failed skipped exit-code
  log "total $(elapsed "$T0") ms"
  echo "$1 passed, $2 failed, $3 skipped"
  exit "$4"
}

# ---------------------------------------------------------------------------------------------------------------
# 1. System packages: only what is missing, one apt-get update at most.
# ---------------------------------------------------------------------------------------------------------------
missing=()
[[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" && -x "$PG_BIN/pg_isready" ]] || missing+=(postgresql)
# The browser tests (tests/MedTour.Cms.BrowserTests) drive /usr/bin/chromium and take axe-core from npm.
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  t=$(date +%s%N)
  log "installing ${missing[*]}"
  SUDO=()
  if ((EUID != 0)); then SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  log "installed ${missing[*]} in $(elapsed "$t") ms"
fi
command -v dotnet >/dev/null || {
  log "dotnet not found: install the .NET 10 SDK (global.json)"
  finish 0 1 0 1
}

# ---------------------------------------------------------------------------------------------------------------
# 2. Throwaway PostgreSQL on 127.0.0.1, stopped and deleted on exit (also when tests fail or the script is killed).
# ---------------------------------------------------------------------------------------------------------------
PG_DIR=""
PG_STARTED=false
MEDTOUR_GRAPHQL_OUT="" # set in step 4 (GraphQL client check)
AS_PG=()
if ((EUID == 0)); then AS_PG=(runuser -u postgres --); fi # initdb refuses to run as root

cleanup() {
  local rc=$?
  if [[ "$PG_STARTED" == true ]]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" stop -D "$PG_DIR/data" -m fast -w -t 30 >/dev/null 2>&1 ||
      "${AS_PG[@]}" "$PG_BIN/pg_ctl" stop -D "$PG_DIR/data" -m immediate -w >/dev/null 2>&1 || true
  fi
  if [[ -n "$PG_DIR" ]]; then rm -rf "$PG_DIR"; fi
  if [[ -n "$MEDTOUR_GRAPHQL_OUT" ]]; then rm -rf "$MEDTOUR_GRAPHQL_OUT"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
  # /tmp, not $TMPDIR: the postgres user must be able to reach the folder.
  PG_DIR=$(mktemp -d /tmp/medtour-pg.XXXXXX)
  chmod 700 "$PG_DIR"
  if ((EUID == 0)); then chown postgres:postgres "$PG_DIR"; fi
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  local port
  for port in $(seq "${PG_PORT:-55432}" $((${PG_PORT:-55432} + 20))); do
    port_in_use "$port" && continue
    if "${AS_PG[@]}" "$PG_BIN/pg_ctl" start -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 30 -s \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null 2>&1; then
      PG_STARTED=true
      local i
      for i in $(seq 1 50); do
        if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres; then
          PG_PORT="$port"
          return 0
        fi
        sleep 0.1
      done
      return 1
    fi
    tail -n 5 "$PG_DIR/postgres.log" >&2 || true # e.g. port taken between the check and the start; try the next
  done
  return 1
}

t=$(date +%s%N)
if start_postgres; then
  export MEDTOUR_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT, up in $(elapsed "$t") ms ($PG_DIR)"
else
  [[ -n "$PG_DIR" && -f "$PG_DIR/postgres.log" ]] && tail -n 20 "$PG_DIR/postgres.log" >&2
  if [[ "$IS_CI" == true ]]; then
    log "PostgreSQL did not start; CI=true requires it"
    finish 0 1 0 1
  fi
  log "WARNING: PostgreSQL did not start; running without MEDTOUR_TEST_POSTGRES (PostgreSQL tests will not run)"
  unset MEDTOUR_TEST_POSTGRES
fi

# ---------------------------------------------------------------------------------------------------------------
# 3. axe-core for the browser tests (pinned in tests/MedTour.Cms.BrowserTests/package.json and its lockfile):
#    `npm ci` only when node_modules lacks the pinned version, so a warm run costs nothing. Then restore once,
#    build once (Release), as the Dockerfile does.
# ---------------------------------------------------------------------------------------------------------------
BROWSER_TESTS="tests/MedTour.Cms.BrowserTests"
if [[ -f "$BROWSER_TESTS/package.json" ]]; then
  axe_wanted=$(grep -o '"axe-core": *"[^"]*"' "$BROWSER_TESTS/package.json" | grep -o '[0-9][^"]*' || true)
  axe_installed=""
  if [[ -f "$BROWSER_TESTS/node_modules/axe-core/package.json" && -f "$BROWSER_TESTS/node_modules/axe-core/axe.min.js" ]]; then
    axe_installed=$(grep -o '"version": *"[^"]*"' "$BROWSER_TESTS/node_modules/axe-core/package.json" | head -n 1 | grep -o '[0-9][^"]*' || true)
  fi
  if [[ -z "$axe_wanted" || "$axe_installed" != "$axe_wanted" ]]; then
    t=$(date +%s%N)
    if ! (cd "$BROWSER_TESTS" && npm ci --no-audit --no-fund --loglevel=error); then
      log "npm ci in $BROWSER_TESTS failed"
      finish 0 1 0 1
    fi
    log "npm ci in $BROWSER_TESTS: $(elapsed "$t") ms"
  fi
fi

t=$(date +%s%N)
build_rc=0
dotnet restore "$SOLUTION" "${DOTNET_SERVER_ARGS[@]}" || build_rc=$?
if ((build_rc == 0)); then
  dotnet build "$SOLUTION" -c Release --no-restore "${DOTNET_SERVER_ARGS[@]}" || build_rc=$?
fi
log "restore + build: $(elapsed "$t") ms"
if ((build_rc != 0)); then
  log "build failed (exit $build_rc)"
  finish 0 1 0 1
fi

# ---------------------------------------------------------------------------------------------------------------
# 4. Test each test project of the solution with its own TRX file (one LogFileName for a whole solution makes
#    every project overwrite the same file).
# ---------------------------------------------------------------------------------------------------------------
mkdir -p "$RESULTS_DIR"
rm -f "$RESULTS_DIR"/*.trx
# The browser tests' full-page screenshots (artifacts), next to the TRX files.
export MEDTOUR_SCREENSHOTS_DIR="$RESULTS_DIR/screenshots"

test_projects=()
while IFS= read -r proj; do
  proj="${proj//\\//}"
  if [[ "$(dotnet msbuild "$proj" -getProperty:IsTestProject -p:Configuration=Release 2>/dev/null | tr -d '[:space:]')" == true ]]; then
    test_projects+=("$proj")
  fi
done < <(dotnet sln "$SOLUTION" list | grep -E '\.(cs|fs|vb)proj$')
if ((${#test_projects[@]} == 0)); then
  log "no test project in $SOLUTION"
  finish 0 1 0 1
fi

# The GraphQL tests write every document they send and each site's introspection result here; the client check
# (step 5b) validates them with the graphql npm library. A fresh folder per run, removed on exit (cleanup).
MEDTOUR_GRAPHQL_OUT="$(mktemp -d "${TMPDIR:-/tmp}/medtour-graphql-out.XXXXXX")"
export MEDTOUR_GRAPHQL_OUT

# The browser tests' host writes its whole log here; step 5c searches it for the values those tests submit.
export MEDTOUR_BROWSER_HOST_LOG="$RESULTS_DIR/browser-host.log"
rm -f "$MEDTOUR_BROWSER_HOST_LOG"

t=$(date +%s%N)
declare -A project_rc=() project_trx=()
for proj in "${test_projects[@]}"; do
  name="$(basename "$proj")"
  name="${name%.*}"
  trx="$name.trx"
  project_trx[$proj]="$RESULTS_DIR/$trx"
  log "dotnet test $proj"
  rc=0
  dotnet test "$proj" -c Release --no-build --no-restore "${DOTNET_SERVER_ARGS[@]}" \
    --logger "trx;LogFileName=$trx" --logger "console;verbosity=normal" --results-directory "$RESULTS_DIR" || rc=$?
  project_rc[$proj]=$rc
done
log "tests: $(elapsed "$t") ms"

# ---------------------------------------------------------------------------------------------------------------
# 5. Summary from the TRX <Counters> elements, summed over the projects.
# ---------------------------------------------------------------------------------------------------------------
counter() { # counters-element attribute
  local v
  v=$(grep -o " $2=\"[0-9]*\"" <<<"$1" | head -n 1 | grep -o '[0-9][0-9]*') || v=0
  echo "${v:-0}"
}

# Each failed test's name and the start of its message, printed again just before the summary line: CI keeps only the
# tail of a run's output, and a failure scrolled far above it cannot be told from there.
failed_tests() { # trx
  tr '\r\n' '  ' <"$1" | grep -oP '<UnitTestResult [^>]*outcome="Failed".*?</UnitTestResult>' | while read -r result; do
    name=$(grep -oP 'testName="\K[^"]*' <<<"$result" | head -n 1)
    message=$(grep -oP '<Message>\K.*?(?=</Message>)' <<<"$result" | head -c 600)
    echo "FAILED $name: $message"
  done
}

passed=0 failed=0 skipped=0 trx_found=0 failures=()
for proj in "${test_projects[@]}"; do
  trx="${project_trx[$proj]}"
  rc="${project_rc[$proj]}"
  if [[ ! -f "$trx" ]]; then
    log "$proj: no TRX written (exit $rc)"
    failed=$((failed + 1))
    continue
  fi
  trx_found=$((trx_found + 1))
  counters=$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1) || counters=""
  p=$(($(counter "$counters" passed) + $(counter "$counters" passedButRunAborted)))
  f=$(($(counter "$counters" failed) + $(counter "$counters" error) + $(counter "$counters" timeout) + $(counter "$counters" aborted)))
  # Skipped tests (outcome NotExecuted) count in total but not in executed; notExecuted itself stays 0 here.
  s=$(($(counter "$counters" total) - $(counter "$counters" executed)))
  ((s >= $(counter "$counters" notExecuted))) || s=$(counter "$counters" notExecuted)
  s=$((s + $(counter "$counters" inconclusive)))
  if ((rc != 0 && f == 0)); then
    # The run itself failed (test host crash, aborted run) without a failed test to show for it.
    log "$proj: dotnet test exited $rc with no failed test in the TRX; counting it as one failure"
    f=1
  fi
  log "$proj: $p passed, $f failed, $s skipped ($trx)"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  if ((f > 0)) && named=$(failed_tests "$trx") && [[ -n "$named" ]]; then failures+=("$named"); fi
done

# ---------------------------------------------------------------------------------------------------------------
# 5b. GraphQL client check (tests/graphql-client): the documents the .NET GraphQL tests sent, validated against each
#     site's introspection result by the graphql npm library (buildClientSchema + validate). Counts as ONE test:
#     passed when every document is as expected, failed otherwise. `npm ci` only when the pinned version is missing.
# ---------------------------------------------------------------------------------------------------------------
GRAPHQL_CLIENT="tests/graphql-client"
if [[ -f "$GRAPHQL_CLIENT/package.json" ]]; then
  gql_wanted=$(grep -o '"graphql": *"[^"]*"' "$GRAPHQL_CLIENT/package.json" | grep -o '[0-9][^"]*' || true)
  gql_installed=""
  if [[ -f "$GRAPHQL_CLIENT/node_modules/graphql/package.json" ]]; then
    gql_installed=$(grep -o '"version": *"[^"]*"' "$GRAPHQL_CLIENT/node_modules/graphql/package.json" | head -n 1 | grep -o '[0-9][^"]*' || true)
  fi
  gql_rc=0
  if [[ -z "$gql_wanted" || "$gql_installed" != "$gql_wanted" ]]; then
    (cd "$GRAPHQL_CLIENT" && npm ci --no-audit --no-fund --loglevel=error) || gql_rc=$?
  fi
  if ((gql_rc == 0)); then
    (cd "$GRAPHQL_CLIENT" && node check.mjs) || gql_rc=$?
  else
    log "npm ci in $GRAPHQL_CLIENT failed"
  fi
  if ((gql_rc == 0)); then
    log "$GRAPHQL_CLIENT: 1 passed"
    passed=$((passed + 1))
  else
    log "$GRAPHQL_CLIENT: 1 failed (exit $gql_rc)"
    failed=$((failed + 1))
  fi
fi

# ---------------------------------------------------------------------------------------------------------------
# 5c. No health data in the logs of a full run: the browser tests' host log must hold none of the values they typed
#     into the consultation form (tests/MedTour.Cms.BrowserTests/submitted-values.txt). Counts as ONE test.
# ---------------------------------------------------------------------------------------------------------------
VALUES_FILE="$BROWSER_TESTS/submitted-values.txt"
if [[ -f "$VALUES_FILE" && -s "$MEDTOUR_BROWSER_HOST_LOG" ]]; then
  if leaks=$(grep -F -n -f <(grep -v -e '^#' -e '^$' "$VALUES_FILE") "$MEDTOUR_BROWSER_HOST_LOG"); then
    log "health data in the browser host's log ($MEDTOUR_BROWSER_HOST_LOG): 1 failed"
    head -n 5 <<<"$leaks" >&2
    failed=$((failed + 1))
  else
    log "no submitted value in the browser host's log ($(wc -l <"$MEDTOUR_BROWSER_HOST_LOG") lines): 1 passed"
    passed=$((passed + 1))
  fi
fi

if ((trx_found == 0)); then
  finish 0 1 0 1
fi
if ((failed > 0)); then
  ((${#failures[@]} == 0)) || printf '%s\n' "${failures[@]}" >&2
  finish "$passed" "$failed" "$skipped" 1
fi
if ((passed + failed == 0)); then
  log "no test ran"
  finish "$passed" "$failed" "$skipped" 1
fi
finish "$passed" "$failed" "$skipped" 0
