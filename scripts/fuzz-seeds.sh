#!/usr/bin/env bash
# Refreshes the fuzz_dto seeds from the sandbox's demo workspace: one answer of each App API read the
# client makes (lists, single objects, paged members, deliveries). Usage: scripts/fuzz-seeds.sh
# (after a build of the ci preset; writes tests/fuzz/seeds/fuzz_dto/*.json).
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/fuzz/seeds/fuzz_dto
port=$((20000 + RANDOM % 20000))
CIO_SANDBOX_API_KEY=seed-key build/sandbox/cio-sandbox --port "$port" --rate-limit 0 >/dev/null 2>&1 &
sandbox=$!
trap 'kill $sandbox' EXIT
sleep 1
get() { curl -sf -H "Authorization: Bearer seed-key" "http://127.0.0.1:$port/v1/$2" >"$out/$1.json"; }
get newsletters 'newsletters?limit=3'
newsletter=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["newsletters"][0]["id"])' "$out/newsletters.json")
get newsletter "newsletters/$newsletter"
get contents "newsletters/$newsletter/contents"
content=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["contents"][0]["id"])' "$out/contents.json")
get content "newsletters/$newsletter/contents/$content"
get test_groups "newsletters/$newsletter/test_groups"
get snippets snippets
get segments segments
segment=$(python3 -c 'import json,sys; print([s["id"] for s in json.load(open(sys.argv[1]))["segments"] if s.get("type")=="manual"][0])' "$out/segments.json")
get segment "segments/$segment"
get membership "segments/$segment/membership?limit=5"
get used_by "segments/$segment/used_by"
get senders sender_identities
get messages 'messages?limit=3'
message=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["messages"][0]["id"])' "$out/messages.json")
get message "messages/$message"
get archived "messages/$message/archived_message"
ls -l "$out"
