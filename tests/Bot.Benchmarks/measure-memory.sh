#!/usr/bin/env bash
# Resident memory of the running bot (docs/PERFORMANCE.md, "Hybrid retrieval: memory").
#
# Runs the real executable, `Bot.dll ask --json`, reading questions from a pipe that stays open,
# feeds it the dev questions PASSES times (so the model is loaded and warm), waits for every
# answer, then reads /proc/<pid>/status and smaps while it is still running, and closes the pipe.
# Configurations: hybrid (the default); `--mode lexical` with the model configured (never loads
# it); and Knowledge__Semantic=false (no model at all). (A "hybrid-gc" configuration, one full GC
# after the model loaded through a startup hook, was measured once; docs/PERFORMANCE.md keeps it.)
# Each index is built by a first, unmeasured run, so
# the measured run is a restart, as a bot's usually is.
#
# Usage (from anywhere; build first: dotnet build -c Release src/Bot):
#   tests/Bot.Benchmarks/measure-memory.sh [KNOWLEDGE_FOLDER [DATA_FOLDER]]
# KNOWLEDGE_FOLDER defaults to the repository's knowledge/; DATA_FOLDER to a temp folder, deleted
# afterwards (pass one holding data/index to measure a prebuilt index, e.g. a large corpus).
# Environment: BOT_DLL (default src/Bot/bin/Release/net10.0/Bot.dll), BOT_BENCH_QUESTIONS (a jsonl
# with a "question" field; default tests/data/dev-questions.jsonl), PASSES (default 3), CONFIGS
# (default "hybrid lexical-mode semantic-off").
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
knowledge=$(cd "${1:-$repo/knowledge}" && pwd)
bot=${BOT_DLL:-$repo/src/Bot/bin/Release/net10.0/Bot.dll}
questions=${BOT_BENCH_QUESTIONS:-$repo/tests/data/dev-questions.jsonl}
passes=${PASSES:-3}
configs=${CONFIGS:-hybrid lexical-mode semantic-off}

[[ -f $bot ]] || { echo "no $bot; run: dotnet build -c Release src/Bot" >&2; exit 2; }
[[ -f $questions ]] || { echo "no $questions; set BOT_BENCH_QUESTIONS" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bot-bench-memory-XXXXXX")
trap 'exec 3>&- 2>/dev/null || true; rm -rf "$work"' EXIT
if [[ -n ${2:-} ]]; then data_root=$(cd "$2" && pwd); else data_root=$work; fi

# $1: configuration; prints the environment assignments and arguments for it, one per line.
settings() {
  case $1 in
    hybrid)       echo "--data=$data_root/data" ;;
    lexical-mode) echo "--data=$data_root/data"; echo "--mode=lexical" ;;
    semantic-off) echo "ENV:Knowledge__Semantic=false"; echo "--data=$data_root/data-lexical" ;;
    *) echo "unknown configuration $1" >&2; exit 2 ;;
  esac
}

# $1: configuration; the rest: extra arguments. Becomes the bot (exec: same process id) with the
# configuration's settings; call it in a subshell or pipeline.
run_bot() {
  local config=$1; shift
  local env_args=() bot_args=()
  while IFS= read -r s; do
    if [[ $s == ENV:* ]]; then env_args+=("${s#ENV:}"); else bot_args+=("$s"); fi
  done < <(settings "$config")
  exec env "${env_args[@]}" dotnet "$bot" ask --json --knowledge "$knowledge" "${bot_args[@]}" "$@"
}

kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$2/status"; }

printf '# %s, %s; load average %s on %s cores\n' "$(date -u +%FT%TZ)" "$(basename "$bot")" "$(cut -d' ' -f1 /proc/loadavg)" "$(nproc)"
printf '# knowledge %s, %s questions x %s passes\n' "$knowledge" "$(grep -c . "$questions")" "$passes"
printf '\n| Configuration | VmRSS | VmHWM (peak) | RssAnon | RssFile | Startup to first answer |\n|---|---:|---:|---:|---:|---:|\n'
details=""
for config in $configs; do
  # Build (or bring up to date) this configuration's index: the measured run is then a restart.
  head -n1 "$questions" | jq -r .question | run_bot "$config" > /dev/null

  fifo=$work/in-$config; out=$work/out-$config
  mkfifo "$fifo"
  start=$(date +%s.%N)
  run_bot "$config" < "$fifo" > "$out" 2> "$work/err-$config" &
  pid=$!
  exec 3> "$fifo"
  expected=0
  for ((pass = 0; pass < passes; pass++)); do
    jq -r .question "$questions" >&3
    expected=$((expected + $(grep -c . "$questions")))
  done
  first=""
  for ((wait = 0; wait < 1200; wait++)); do # up to 120 s
    lines=$(grep -c . "$out" || true)
    [[ -z $first && $lines -gt 0 ]] && first=$(date +%s.%N)
    ((lines >= expected)) && break
    sleep 0.1
  done
  ((lines >= expected)) || { echo "$config: only $lines of $expected answers after 120 s" >&2; cat "$work/err-$config" >&2; exit 1; }
  sleep 1 # let the runtime settle (background JIT, finalizers) before reading

  rss=$(kb VmRSS $pid); hwm=$(kb VmHWM $pid); anon=$(kb RssAnon $pid); file=$(kb RssFile $pid)
  printf '| %s | %d MB | %d MB | %d MB | %d MB | %.1f s |\n' "$config" $((rss / 1024)) $((hwm / 1024)) $((anon / 1024)) $((file / 1024)) \
    "$(echo "$first - $start" | bc)"
  # The biggest mappings by resident size: files by name, anonymous memory together (the GC heap,
  # ONNX Runtime's and glibc's allocations, thread stacks).
  details+=$'\n'"## $config: largest resident mappings (MB)"$'\n'
  details+=$(awk '
    /^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6) ? $6 : "[anonymous]"; n = split(name, parts, "/"); name = parts[n]; next }
    $1 == "Rss:" { rss[name] += $2 }
    END { for (m in rss) if (rss[m] >= 1024) printf "%8.1f  %s\n", rss[m] / 1024, m }' "/proc/$pid/smaps" | sort -rn | head -n 10)
  details+=$'\n'

  exec 3>&-
  wait $pid
  rm -f "$fifo"
done
printf '%s' "$details"
printf '\n# load average %s at the end\n' "$(cut -d' ' -f1 /proc/loadavg)"
