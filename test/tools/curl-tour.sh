#!/usr/bin/env bash
# A curl tour of the emulator as issue 13 asks to see it: starts a default emulator (the CLI with no profile flag,
# so `--undocumented-options refuse`, the demo seed, a free port, a data file in a temp folder) and a second one
# with `--undocumented-options honour` for the /beta `$select` steps (every `$select` is undocumented, so the
# default refuses it), then shows each route, code and header with curl: the request line, the status, the
# headers that matter and the start of the body. Every step states the status (and a text) it expects; the
# script exits 1 if any answer differs, so it is a check as well as a demonstration.
#
# Usage: npx tsc -p . && bash test/tools/curl-tour.sh [--markdown]
#   --markdown  print docs/curl-tour.md (an intro and the transcript in a fenced block) instead of the transcript
#   --summary   print only each step's title and verdict (what `npm test` shows)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CLI="${EMULATOR_CLI:-$ROOT/out/src/emulator/cli.js}"
[[ -f "$CLI" ]] || { echo "curl-tour: $CLI not found; run 'npx tsc -p .' first" >&2; exit 2; }
MARKDOWN=0
SUMMARY=0
[[ "${1:-}" == "--markdown" ]] && MARKDOWN=1
[[ "${1:-}" == "--summary" ]] && SUMMARY=1

WORK="$(mktemp -d)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
TOKEN="$(node -e "process.stdout.write(require('crypto').randomBytes(16).toString('hex'))")"

# Starts the CLI with the given flags and prints its base URL once it says it listens.
start_emulator() {
  local name="$1"; shift
  node "$CLI" --port 0 --data "$WORK/$name.json" --control-token "$TOKEN" "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 200); do
    if grep -q 'listening on' "$WORK/$name.log"; then sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$WORK/$name.log" | head -1; return; fi
    kill -0 "${PIDS[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  echo "curl-tour: the $name emulator did not start:" >&2; cat "$WORK/$name.log" >&2; exit 2
}

# `js <expression>`: evaluates a JavaScript expression over the last body (parsed as `b`) and prints the result.
js() { node -e "const b = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')); process.stdout.write(String($1))" "$WORK/body"; }
# The emulator's clock, for time windows the way a client computes them.
iso_minus_days() { node -e "process.stdout.write(new Date(Number(process.argv[1]) - Number(process.argv[2]) * 86400000).toISOString())" "$1" "$2"; }

FAILED=0
OUT="$WORK/transcript"
: >"$OUT"
say() { printf '%s\n' "$*" >>"$OUT"; }

# step <title> <expected status> <text the body must contain, or ''> <method> <url> [curl args…]
step() {
  local title="$1" expected="$2" needle="$3" method="$4" url="$5"; shift 5
  local status
  status="$(curl -sk --globoff -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -X "$method" "$url" "$@")"
  say ""
  say "## $title"
  say "> $method ${url#"$BASE_SHOWN"}"
  local arg
  for arg in "$@"; do
    [[ "$prev" == -H ]] && say "> ${arg/$TOKEN/<control token>}"
    [[ "$prev" == -d ]] && say "> body: $arg"
    prev="$arg"
  done
  prev=""
  say "< $status"
  grep -iE '^(content-type|client-request-id|retry-after|allow|warning|location):' "$WORK/headers" | tr -d '\r' | sed 's/^/< /' >>"$OUT" || true
  local excerpt
  excerpt="$(tr -d '\r\n' <"$WORK/body" | cut -c1-400)"
  [[ -n "$excerpt" ]] && say "  $excerpt$([[ $(wc -c <"$WORK/body") -gt 400 ]] && echo ' …')"
  local verdict="ok"
  if [[ "$status" != "$expected" ]]; then verdict="FAILED: expected $expected"; fi
  if [[ -n "$needle" ]] && ! grep -qF -- "$needle" "$WORK/body" "$WORK/headers"; then verdict="FAILED: expected the text '$needle'"; fi
  [[ "$verdict" == ok ]] || FAILED=$((FAILED + 1))
  say "= $verdict"
}
prev=""
# show <expression>: the part of the last body a step is about (evaluated by `js`), under the excerpt.
show() { say "  ⇒ $(js "$1")"; }
JSON=(-H 'Content-Type: application/json')
PREFER=(-H 'Prefer: include-unknown-enum-members')
CONTROL=(-H "x-emulator-control-token: $TOKEN")

DEFAULT="$(start_emulator default)"
HONOUR="$(start_emulator honour --undocumented-options honour)"
BASE_SHOWN="$DEFAULT"
R="$DEFAULT/v1.0/solutions/backupRestore"
B="$DEFAULT/beta/solutions/backupRestore"

say "Default emulator: node out/src/emulator/cli.js --port 0 --data <temp>/default.json   (profile refuse, demo seed)"
say "Second emulator:  the same with --undocumented-options honour (only for the /beta \$select steps)"

# ---- finding data the way a client does (documented options only) ----
step "The emulator's clock (a control, not Graph)" 200 nowMs GET "$DEFAULT/_emulator/clock" "${CONTROL[@]}"
NOW="$(js b.nowMs)"
HOUR_AFTER="$(node -e "process.stdout.write(new Date(Math.floor($NOW / 3600000) * 3600000 + 1000).toISOString())")"
step "Mailbox protection units (paging is documented)" 200 mailboxProtectionUnit GET "$R/protectionUnits/microsoft.graph.mailboxProtectionUnit"
MAILBOX="$(js "b.value.find((u) => u.status === 'protected' && /adelev/.test(u.email)).id")"
MAILBOX_POLICY="$(js "b.value.find((u) => u.id === '$MAILBOX').policyId")"
step "Site protection units" 200 siteProtectionUnit GET "$R/protectionUnits/microsoft.graph.siteProtectionUnit"
SITE="$(js "b.value.find((u) => u.status === 'protected' && !/Legal|Archive2023/.test(u.siteWebUrl)).id")"
step "Restore points of a mailbox (the documented \$expand and \$filter)" 200 protectionDateTime GET \
  "$R/restorePoints?\$expand=protectionUnit(\$filter=id%20eq%20'$MAILBOX')&\$filter=protectionDateTime%20lt%20$HOUR_AFTER"
POINT="$(js 'b.value[0].id')"
POINT2="$(js 'b.value[1].id')"
step "Restore points of a site" 200 protectionDateTime GET \
  "$R/restorePoints?\$expand=protectionUnit(\$filter=id%20eq%20'$SITE')&\$filter=protectionDateTime%20lt%20$HOUR_AFTER"
FAST_POINT="$(js "b.value.find((p) => p.tags.includes('fastRestore')).id")"

# ---- Deliver 4: the routes ----
step "\$count on a collection: a text/plain integer" 200 'text/plain' GET "$R/restoreSessions/\$count"
step "A restore point's protectionUnit (navigation property)" 200 "$MAILBOX" GET "$R/restorePoints/$POINT/protectionUnit"
step "Create a browse session on a fast restore point" 201 creating POST "$R/sharePointBrowseSessions" "${JSON[@]}" -d "{\"restorePointId\":\"$FAST_POINT\"}"
BROWSE="$(js b.id)"
step "Let the browse session get created (advance the emulator's clock)" 200 '' POST "$DEFAULT/_emulator/clock/advance" "${CONTROL[@]}" "${JSON[@]}" -d '{"seconds":15}'
step "browse on the base collection browseSessions/{id}" 200 itemKey POST "$R/browseSessions/$BROWSE/browse" "${JSON[@]}" -d "{\"filter\":\"(name -contains '.')\"}"
NEXT="$(js "b['@odata.nextLink'] ? new URL(b['@odata.nextLink']).searchParams.get('\$skiptoken') : ''")"
FILES=("$(js "b.value.filter((i) => i.type === 'file')[0].itemKey")" "$(js "b.value.filter((i) => i.type === 'file')[1].itemKey")")
if [[ -n "$NEXT" ]]; then
  step "The CSDL function form browse(nextFetchToken='…') for the next page" 200 itemKey GET "$R/sharePointBrowseSessions/$BROWSE/browse(nextFetchToken='$NEXT')"
else
  say ""; say "## browse(nextFetchToken='…')"; say "= FAILED: the first browse page had no @odata.nextLink to continue from"; FAILED=$((FAILED + 1))
fi
step "Create an Exchange restore session with one mailbox" 201 draft POST "$R/exchangeRestoreSessions" "${JSON[@]}" \
  -d "{\"mailboxRestoreArtifacts\":[{\"restorePoint\":{\"id\":\"$POINT\"},\"destinationType\":\"new\"}]}"
SESSION="$(js b.id)"
step "Its artifacts" 200 restorePoint GET "$R/exchangeRestoreSessions/$SESSION/mailboxRestoreArtifacts"
ARTIFACT="$(js 'b.value[0].id')"
step "An artifact's restorePoint (navigation property)" 200 "$POINT" GET "$R/exchangeRestoreSessions/$SESSION/mailboxRestoreArtifacts/$ARTIFACT/restorePoint"
show "b['@odata.type'] + ' ' + b.id"
step "\$metadata of v1.0" 200 'EntityType Name="restoreSessionBase"' GET "$DEFAULT/v1.0/\$metadata"
step "\$metadata of beta (has beta-only properties)" 200 'backupRetentionPeriodInDays' GET "$DEFAULT/beta/\$metadata"
step "An unknown segment: 400 BadRequest naming it" 400 "Resource not found for the segment 'noSuchThing'" GET "$R/noSuchThing"
step "A documented endpoint the emulator does not implement: 501" 501 'not emulated' PATCH "$R/mailboxProtectionUnits/$MAILBOX" "${JSON[@]}" -d '{}'

# ---- Deliver 5: documented error codes, the failed leak, the @delta answer ----
step "A blank policy id: 400 InvalidPolicyId" 400 InvalidPolicyId GET "$R/protectionPolicies/%20"
step "An unknown policy: 404 PolicyNotFound" 404 PolicyNotFound GET "$R/protectionPolicies/no-such-policy"
step "An unknown protection unit: 400 InvalidProtectionUnitId" 400 InvalidProtectionUnitId GET "$R/protectionUnits/no-such-unit"
step "Sessions, with every status member (to find a failed one)" 200 restoreSessions GET "$R/restoreSessions" "${PREFER[@]}"
FAILED_SESSION="$(js "b.value.find((s) => s.status === 'failed' && s['@odata.type'] === '#microsoft.graph.exchangeRestoreSession').id")"
step "PATCH of a failed session without Prefer: the message does not leak 'failed'" 403 RestoreSessionActionNotAllowed PATCH \
  "$R/exchangeRestoreSessions/$FAILED_SESSION" "${JSON[@]}" -d "{\"mailboxRestoreArtifacts@delta\":[{\"restorePoint\":{\"id\":\"$POINT2\"},\"destinationType\":\"new\"}]}"
grep -q "is failed" "$WORK/body" && { say "= FAILED: the message names the evolvable member 'failed'"; FAILED=$((FAILED + 1)); }
step "PATCH with @delta: the answer is the …@delta array in request order" 200 'mailboxRestoreArtifacts@delta' PATCH \
  "$R/exchangeRestoreSessions/$SESSION" "${JSON[@]}" -d "{\"mailboxRestoreArtifacts@delta\":[{\"restorePoint\":{\"id\":\"$POINT2\"},\"destinationType\":\"new\"}]}"
show "'keys: ' + Object.keys(b).join(', ') + ' | added: ' + b['mailboxRestoreArtifacts@delta'].map((a) => a.status).join(', ')"

# ---- Deliver 6: transport ----
step "A write that is not application/json: 415" 415 '' POST "$R/exchangeRestoreSessions" -H 'Content-Type: text/plain' -d '{}'
step "client-request-id is answered although none was sent" 200 'client-request-id' GET "$R/restoreSessions/\$count"
step "client-request-id is echoed when sent" 200 'tour-0001' GET "$R/restoreSessions/\$count" -H 'client-request-id: tour-0001'
step "Inject one throttle (a control)" 201 throttle POST "$DEFAULT/_emulator/faults" "${CONTROL[@]}" "${JSON[@]}" -d '{"kind":"throttle","count":1,"retryAfterSeconds":2}'
step "The throttled request: 429 with Retry-After" 429 'Retry-After' GET "$R/restoreSessions"
step "Inject one unavailable (a control)" 201 unavailable POST "$DEFAULT/_emulator/faults" "${CONTROL[@]}" "${JSON[@]}" -d '{"kind":"unavailable","count":1}'
step "The unavailable request: 503 with Retry-After" 503 'Retry-After' GET "$R/restoreSessions"

# ---- Deliver 3: \$batch as Graph documents it ----
step "\$batch: each sub-request has its own headers; one that dependsOn a failed one answers 424" 200 '"status":424' POST "$DEFAULT/v1.0/\$batch" "${JSON[@]}" \
  -d '{"requests":[{"id":"missing","method":"GET","url":"/solutions/backupRestore/restoreSessions/00000000-0000-0000-0000-000000000000"},{"id":"after","method":"GET","url":"/solutions/backupRestore/restoreSessions","dependsOn":["missing"]},{"id":"withPrefer","method":"GET","url":"/solutions/backupRestore/restoreSessions","headers":{"Prefer":"include-unknown-enum-members"}},{"id":"withoutPrefer","method":"GET","url":"/solutions/backupRestore/restoreSessions"}]}'
show "b.responses.map((r) => r.id + ' ' + r.status + (r.body && r.body.value ? ' (' + r.body.value.filter((x) => x.status === 'failed').length + ' failed shown)' : '')).join(', ')"
step "Inject one throttle for the session list only (a control)" 201 throttle POST "$DEFAULT/_emulator/faults" "${CONTROL[@]}" "${JSON[@]}" -d '{"kind":"throttle","count":1,"retryAfterSeconds":1,"pathPrefix":"/v1.0/solutions/backupRestore/exchangeRestoreSessions"}'
step "\$batch: only the throttled sub-request answers 429 with Retry-After" 200 '"status":429' POST "$DEFAULT/v1.0/\$batch" "${JSON[@]}" \
  -d '{"requests":[{"id":"sessions","method":"GET","url":"/solutions/backupRestore/exchangeRestoreSessions"},{"id":"units","method":"GET","url":"/solutions/backupRestore/protectionUnits/microsoft.graph.mailboxProtectionUnit"}]}'
show "b.responses.map((r) => r.id + ' ' + r.status + (r.headers && r.headers['Retry-After'] ? ' Retry-After ' + r.headers['Retry-After'] : '')).join(', ')"

# ---- Deliver 1: an undocumented option under the default profile ----
step "An undocumented option (\$orderby on the session list): 400 naming the flag" 400 '--undocumented-options' GET "$R/restoreSessions?\$orderby=createdDateTime%20desc"

# ---- /beta ----
step "/beta \$select naming a beta-only property, default profile: refused like every undocumented \$select" 400 '--undocumented-options' GET \
  "$B/protectionUnits?\$select=id,backupRetentionPeriodInDays"
BASE_SHOWN="$HONOUR"
step "/beta \$select with a beta-only unit property (honour profile): exactly what was selected" 200 backupRetentionPeriodInDays GET \
  "$HONOUR/beta/solutions/backupRestore/protectionUnits?\$select=id,backupRetentionPeriodInDays&\$top=2"
show 'JSON.stringify(b.value)'
step "/beta \$select=protectionMode on policies (honour profile)" 200 protectionMode GET "$HONOUR/beta/solutions/backupRestore/protectionPolicies?\$select=protectionMode&\$top=2"
show 'JSON.stringify(b.value)'
step "v1.0 keeps refusing the beta-only name (honour profile)" 400 "'backupRetentionPeriodInDays' is not a property" GET \
  "$HONOUR/v1.0/solutions/backupRestore/protectionUnits?\$select=id,backupRetentionPeriodInDays"
BASE_SHOWN="$DEFAULT"
SEARCH="{\"protectionUnitIds\":[\"$MAILBOX\"],\"protectionTimePeriod\":{\"startDateTime\":\"$(iso_minus_days "$NOW" 7)\",\"endDateTime\":\"$(iso_minus_days "$NOW" 0)\"},\"tags\":\"fastRestore,includeNewerItems\",\"policyId\":\"$MAILBOX_POLICY\"}"
step "/beta search with tags fastRestore,includeNewerItems and Prefer: the points carry the tag" 200 'fastRestore,includeNewerItems' POST \
  "$B/restorePoints/search" "${JSON[@]}" "${PREFER[@]}" -d "$SEARCH"
show "'tags: ' + b.searchResults.map((r) => r.restorePoint.tags).join(' | ')"
NEWER_POINT="$(js 'b.searchResults[0].restorePoint.id')"
step "The same search without Prefer: the beta-only flag is dropped beside fastRestore" 200 '"tags":"fastRestore"' POST "$B/restorePoints/search" "${JSON[@]}" -d "$SEARCH"
show "'tags: ' + b.searchResults.map((r) => r.restorePoint.tags).join(' | ')"
step "v1.0 refuses includeNewerItems" 400 InvalidSearchRequest POST "$R/restorePoints/search" "${JSON[@]}" \
  -d "{\"protectionUnitIds\":[\"$MAILBOX\"],\"protectionTimePeriod\":{\"startDateTime\":\"$(iso_minus_days "$NOW" 7)\"},\"tags\":\"includeNewerItems\"}"
step "/beta: a session restoring that point" 201 draft POST "$B/exchangeRestoreSessions" "${JSON[@]}" \
  -d "{\"mailboxRestoreArtifacts\":[{\"restorePoint\":{\"id\":\"$NEWER_POINT\"},\"destinationType\":\"new\"}]}"
BETA_SESSION="$(js b.id)"
step "/beta: its artifacts, with Prefer: the restore point keeps the tag" 200 'fastRestore,includeNewerItems' GET \
  "$B/exchangeRestoreSessions/$BETA_SESSION/mailboxRestoreArtifacts" "${PREFER[@]}"
show "'restorePoint.tags: ' + b.value[0].restorePoint.tags"
BETA_ARTIFACT="$(js 'b.value[0].id')"
step "/beta: the artifact's restorePoint navigation, with Prefer" 200 'fastRestore,includeNewerItems' GET \
  "$B/exchangeRestoreSessions/$BETA_SESSION/mailboxRestoreArtifacts/$BETA_ARTIFACT/restorePoint" "${PREFER[@]}"
show "'tags: ' + b.tags"
step "v1.0: the same artifact, with Prefer: no beta-only member" 200 '"tags":"fastRestore"' GET \
  "$R/exchangeRestoreSessions/$BETA_SESSION/mailboxRestoreArtifacts/$BETA_ARTIFACT" "${PREFER[@]}"
show "'restorePoint.tags: ' + b.restorePoint.tags"
step "/beta: a granular file artifact with destinationType new" 201 draft POST "$B/sharePointRestoreSessions" "${JSON[@]}" \
  -d "{\"granularSiteRestoreArtifacts\":[{\"browseSessionId\":\"$BROWSE\",\"id\":\"${FILES[0]}\",\"destinationType\":\"new\"}]}"
GRANULAR_SESSION="$(js b.id)"
step "/beta: the granular artifact answers its destinationType" 200 '"destinationType":"new"' GET "$B/sharePointRestoreSessions/$GRANULAR_SESSION/granularSiteRestoreArtifacts"
show "'destinationType: ' + b.value.map((a) => a.destinationType).join(', ')"
step "/beta: adding one with another destinationType by @delta: 400" 400 DifferentRestoreDestinationType PATCH "$B/sharePointRestoreSessions/$GRANULAR_SESSION" "${JSON[@]}" \
  -d "{\"granularSiteRestoreArtifacts@delta\":[{\"browseSessionId\":\"$BROWSE\",\"itemKey\":\"${FILES[1]}\",\"destinationType\":\"inPlace\"}]}"
step "v1.0 refuses destinationType on a granular file artifact" 400 "'destinationType'" POST "$R/sharePointRestoreSessions" "${JSON[@]}" \
  -d "{\"granularSiteRestoreArtifacts\":[{\"browseSessionId\":\"$BROWSE\",\"id\":\"${FILES[0]}\",\"destinationType\":\"new\"}]}"

STEPS="$(grep -c '^= ' "$OUT")"
say ""
say "$STEPS checks, $FAILED failed"

if [[ "$MARKDOWN" == 1 ]]; then
  cat <<EOF
# A curl tour of the emulator

Generated by \`bash test/tools/curl-tour.sh --markdown > docs/curl-tour.md\` (after \`npx tsc -p .\`). The script starts
the emulator's CLI with its defaults (\`--undocumented-options refuse\`, the demo seed, a free port, a temporary
data file) and a second one with \`--undocumented-options honour\` for the /beta \`\$select\` steps, then runs one
curl per step. Each step shows the request (\`>\`), the status and the headers that matter (\`<\`), the start of
the body, and whether the answer was the expected one (\`=\`); the script exits 1 when any is not, so it doubles as
a check (\`npm run test:curl-tour\`). Ids, dates and tokens differ on every run; the emulator's URL prefix
(\`http://127.0.0.1:<port>\`) is left out of the request lines.

\`\`\`text
EOF
  cat "$OUT"
  echo '```'
elif [[ "$SUMMARY" == 1 ]]; then
  grep -E '^(## |= |[0-9]+ checks)' "$OUT"
else
  cat "$OUT"
fi
[[ "$FAILED" == 0 ]]
