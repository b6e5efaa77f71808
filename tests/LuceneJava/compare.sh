#!/bin/sh
# Builds the same corpus with ChatBrief (lexical only) and with stock Java Lucene 8, alternately, ROUNDS times each,
# and prints one JSON line per build (README, "Building the index").
# Usage: tests/LuceneJava/compare.sh PASSAGES [ROUNDS] [CORPUS.jsonl] [QUESTIONS.jsonl]
# Run from the repository root after `dotnet build -c Release src/ChatBrief`. The corpus defaults to SQuAD v1.1 dev
# (../shared/bench/squad-v1.1-dev), grown to PASSAGES by `bench` and written once to a temporary file that both read.
set -eu
passages=$1
rounds=${2:-2}
bench=$(cd "$(dirname "$0")/../.." && pwd)/../shared/bench/squad-v1.1-dev
corpus=${3:-$bench/passages.jsonl}
questions=${4:-$bench/questions.jsonl}
here=$(cd "$(dirname "$0")" && pwd)
chatbrief="dotnet $here/../../src/ChatBrief/bin/Release/net10.0/chatbrief.dll"
written=$(mktemp --suffix=.jsonl)
trap 'rm -f "$written"' EXIT

echo "machine: $(uptime)" >&2
$chatbrief bench --corpus "$corpus" --questions "$questions" --passages "$passages" --seconds 1 --threads 1 --lexical-only --write-corpus "$written" > /dev/null
round=1
while [ "$round" -le "$rounds" ]; do
    echo "round $round: $(uptime)" >&2
    $chatbrief bench --corpus "$written" --questions "$questions" --passages "$passages" --seconds 1 --threads 1 --lexical-only | tail -n 1
    "$here/run.sh" "$written"
    round=$((round + 1))
done
