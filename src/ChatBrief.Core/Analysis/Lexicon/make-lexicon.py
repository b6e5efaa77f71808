#!/usr/bin/env python3
"""Writes wordnet-lexicon.tsv and wordnet-acronyms.txt from WordNet 3.0 (Debian: apt-get install wordnet-base; files in
/usr/share/wordnet).

wordnet-lexicon.tsv has one line per single-word lemma of WordNet (so that the list also tells which words are English), and per irregular form:
the word, a tab, and the single words that can stand for it, if any:
  - the other words of its three most frequent senses, counting only senses seen in WordNet's sense-tagged corpus;
  - for verbs, the words of those senses' direct hypernyms as well ("beat" -> "defeat");
  - words derivationally related to it ("die" -> "death", "invade" -> "invasion");
  - irregular forms from WordNet's exception lists ("won" -> "win");
  - spelling variants: words of any one sense within two edits of each other, with the same first letter ("defence" ->
    "defense", "centre" -> "center").

wordnet-acronyms.txt has one line per acronym, in the format of the moderators' aliases.txt: the acronym and the other
names of its sense that it abbreviates, separated by " = " ("GPS = Global Positioning System"). An acronym is left out
when it has several senses ("USA": the country or its army), or when it is also an ordinary lower-case word.

Usage: make-lexicon.py [WORDNET_DIR] [OUTPUT_DIR]
"""
import collections
import re
import sys

WORDNET = (sys.argv[1] if len(sys.argv) > 1 else '/usr/share/wordnet').rstrip('/') + '/'
OUTPUT = (sys.argv[2] if len(sys.argv) > 2 else '.').rstrip('/') + '/'
PARTS = ['noun', 'verb', 'adj', 'adv']
POINTER_PART = {'n': 'noun', 'v': 'verb', 'a': 'adj', 's': 'adj', 'r': 'adv'}
MOST_FREQUENT_SENSES = 3


def single(word):
    return '_' not in word and '-' not in word


synsets = {}      # (part, offset) -> words
written = []      # each synset's words as WordNet writes them (case kept), for acronyms
hypernyms = {}    # (part, offset) -> offsets of direct hypernyms
derivations = []  # (word, target part, target offset, target word number)
for part in PARTS:
    for line in open(WORDNET + 'data.' + part, encoding='latin-1'):
        if line.startswith('  '):
            continue  # licence header
        fields = line.split()
        offset, count = fields[0], int(fields[3], 16)
        written.append([fields[4 + 2 * i].split('(')[0] for i in range(count)])
        words = [word.lower() for word in written[-1]]
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

with open(OUTPUT + 'wordnet-lexicon.tsv', 'w') as lexicon:
    for lemma in sorted(synonyms):
        lexicon.write(lemma + '\t' + ' '.join(sorted(synonyms[lemma])) + '\n')

SMALL_WORDS = {'of', 'the', 'and', 'for', 'to', 'in', 'on', 'de', 'du', 'a', 'an'}
lower_case_words = {word for words in written for word in words if word.islower()}


def initials(name):
    return ''.join(word[0] for word in re.split(r"[_\-\s]+", name) if word and word.lower() not in SMALL_WORDS).upper()


senses = collections.defaultdict(list)  # acronym -> for each of its senses, the names it stands for there
for words in written:
    for word in words:
        letters = word.replace('.', '')
        if re.fullmatch(r'[A-Z][A-Z0-9&]+', letters) and letters.lower() not in lower_case_words:
            # Only the names it abbreviates, and its dotted spelling: "Europe" is in the sense of "EU" but is not the EU.
            names = [other.replace('_', ' ') for other in words if other != word and (initials(other) == letters or other.replace('.', '') == letters)]
            if any(' ' in name for name in names):
                senses[word].append(names)

with open(OUTPUT + 'wordnet-acronyms.txt', 'w') as out:
    for acronym in sorted(senses):
        if len(senses[acronym]) == 1:  # an acronym of several senses ("USA": the country or its army) is left out
            out.write(' = '.join([acronym] + sorted(senses[acronym][0])) + '\n')
