#!/bin/sh
# Indexes a corpus file written by `chatbrief bench --write-corpus` with Java Lucene 8 (Debian's liblucene8-java),
# stock EnglishAnalyzer and BM25, and prints one JSON object of figures (README, "Building the index").
# Usage: tests/LuceneJava/run.sh CORPUS.jsonl [INDEX_DIR]
# Needs: apt-get install liblucene8-java default-jdk-headless
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# Debian names the jars after an older version than the one they hold (lucene-core-8.7.0.jar is 8.8.1), so glob.
classpath=$(ls /usr/share/java/lucene-core-8*.jar /usr/share/java/lucene-analyzers-common-8*.jar 2>/dev/null | tr '\n' ':')
if [ -z "$classpath" ]; then
    echo "run.sh: Java Lucene 8 is not installed (apt-get install liblucene8-java default-jdk-headless)" >&2
    exit 1
fi

build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
javac -d "$build" -cp "$classpath" "$here/IndexCorpus.java"
java -cp "$build:$classpath" IndexCorpus "$@"
