#!/usr/bin/env bash
# Smoke of the front door: `npm start` with NO DATABASE_URL (embedded PostgreSQL), wait for the
# gateway, run one cross-subgraph query with a minted token, stop everything, fail on any error.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL
export START_WEB=${START_WEB:-true}
log=$(mktemp)
# Its own process group, so Ctrl-C reaches the whole tree (npm does not pass SIGINT on).
setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() {
  kill -INT -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}
trap cleanup EXIT

for i in $(seq 1 120); do
  if curl -sf http://localhost:4000/health >/dev/null; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "npm start exited early:"; cat "$log"; exit 1; fi
  sleep 0.5
done
curl -sf http://localhost:4000/health >/dev/null || { echo "gateway did not come up in 60 s"; cat "$log"; exit 1; }

arvid=$(npx tsx -e "import { DEMO } from '@behorig/kit/demo'; console.log(DEMO.people.find((p) => p.givenName === 'Arvid')!.personalNumber)")
token=$(npm run -s token -- "$arvid")
body='{"query":"{ me { givenName memberships { organisation { name orgNumber auditLog(first: 1) { totalCount } } units { name } roles { role { code } } } } }"}'
answer=$(curl -sf http://localhost:4000/graphql -H 'content-type: application/json' -H "authorization: Bearer $token" -d "$body")
echo "answer: $answer"
echo "$answer" | grep -q '"errors"' && { echo "the query returned errors"; cat "$log"; exit 1; }
echo "$answer" | grep -q '"name":"Dorotea kommun"' || { echo "Dorotea kommun missing"; cat "$log"; exit 1; }
echo "$answer" | grep -q '"givenName":"Arvid"' || { echo "Arvid missing"; cat "$log"; exit 1; }
refused=$(curl -s http://localhost:4000/graphql -H 'content-type: application/json' -d "$body")
echo "$refused" | grep -q 'UNAUTHENTICATED' || { echo "a query without token was not refused: $refused"; exit 1; }
if [ "$START_WEB" = true ]; then curl -sf http://localhost:5173/ | grep -q '<div id="root">' || { echo "web not served"; exit 1; }; fi
echo "smoke: ok"
