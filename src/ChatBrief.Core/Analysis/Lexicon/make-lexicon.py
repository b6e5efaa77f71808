#!/usr/bin/env python3
"""Writes wordnet-lexicon.tsv from WordNet 3.0 (Debian: apt-get install wordnet-base; files in /usr/share/wordnet).

One line per single-word lemma of WordNet (so that the list also tells which words are English), and per irregular form:
the word, a tab, and the single words that can stand for it, if any:
  - the other words of its three most frequent senses, counting only senses seen in WordNet's sense-tagged corpus;
  - for verbs, the words of those senses' direct hypernyms as well ("beat" -> "defeat");
  - words derivationally related to it ("die" -> "death", "invade" -> "invasion");
  - irregular forms from WordNet's exception lists ("won" -> "win");
  - spelling variants: words of any one sense within two edits of each other, with the same first letter ("defence" ->
    "defense", "centre" -> "center").
Usage: make-lexicon.py [WORDNET_DIR] > wordnet-lexicon.tsv
"""
import collections
import sys

WORDNET = (sys.argv[1] if len(sys.argv) > 1 else '/usr/share/wordnet').rstrip('/') + '/'
PARTS = ['noun', 'verb', 'adj', 'adv']
POINTER_PART = {'n': 'noun', 'v': 'verb', 'a': 'adj', 's': 'adj', 'r': 'adv'}
MOST_FREQUENT_SENSES = 3


def single(word):
    return '_' not in word and '-' not in word


synsets = {}      # (part, offset) -> words
hypernyms = {}    # (part, offset) -> offsets of direct hypernyms
derivations = []  # (word, target part, target offset, target word number)
for part in PARTS:
    for line in open(WORDNET + 'data.' + part, encoding='latin-1'):
        if line.startswith('  '):
            continue  # licence header
        fields = line.split()
        offset, count = fields[0], int(fields[3], 16)
        words = [fields[4 + 2 * i].lower().split('(')[0] for i in range(count)]
        synsets[(part, offset)] = words
        pointer_count = int(fields[4 + 2 * count])
        pointers = [fields[5 + 2 * count + 4 * i: 9 + 2 * count + 4 * i] for i in range(pointer_count)]
        hypernyms[(part, offset)] = [target for symbol, target, target_part, _ in pointers if symbol == '@' and target_part == part[0]]
        for symbol, target, target_part, words_field in pointers:
            if symbol == '+':
                source, target_word = int(words_field[:2], 16), int(words_field[2:], 16)
                derivations.append((words[source - 1], POINTER_PART[target_part], target, target_word))

synonyms = collections.defaultdict(set)
for part in PARTS:
    for line in open(WORDNET + 'index.' + part, encoding='latin-1'):
        if line.startswith('  '):
            continue
        fields = line.split()
        lemma, sense_count, pointer_count = fields[0], int(fields[2]), int(fields[3])
        tagged_senses = int(fields[5 + pointer_count])
        offsets = fields[6 + pointer_count: 6 + pointer_count + sense_count]
        if not single(lemma):
            continue
        synonyms[lemma].update([])
        if tagged_senses == 0:
            continue
        for offset in offsets[:min(tagged_senses, MOST_FREQUENT_SENSES)]:
            related = list(synsets[(part, offset)])
            if part == 'verb':
                related += [word for hypernym in hypernyms[(part, offset)] for word in synsets[(part, hypernym)]]
            synonyms[lemma].update(word for word in related if single(word) and word != lemma)

for word, part, offset, target_word in derivations:
    target = synsets[(part, offset)][target_word - 1]
    if single(word) and single(target) and word != target:
        synonyms[word].add(target)

def within_two_edits(a, b):
    if abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1] <= 2


for words in synsets.values():
    variants = [word for word in words if single(word) and len(word) >= 4]
    for a in variants:
        for b in variants:
            if a != b and a[0] == b[0] and within_two_edits(a, b):
                synonyms[a].add(b)

for part in ['noun', 'verb', 'adj']:
    for line in open(WORDNET + part + '.exc'):
        fields = line.split()
        if len(fields) >= 2 and '_' not in fields[0]:
            synonyms[fields[0]].update(base for base in fields[1:] if '_' not in base)

for lemma in sorted(synonyms):
    print(lemma + '\t' + ' '.join(sorted(synonyms[lemma])))
