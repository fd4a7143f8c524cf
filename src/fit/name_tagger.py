#!/usr/bin/python3
"""Fits the privacy scrubber's learnt second look for names (com.sciaticachat.inbox.NameTagger).

A logistic regression reads each word as Names reads it (the message with e-mails, phones, dates and addresses
already replaced) and gives its chance of being part of a person's name, from its shape, the name lists and the
dictionary, and the words around it (the features are computed by the jar, NameTaggerFeatures, so the fit and the
service read the same words). Words at or above the threshold are scrubbed on top of the rules.

Labels: in a `pii` line, the words of a fragment that is a name (letters only, no figures, no street, month or number
word) are names; the words of its other fragments are left out; every other word is not a name. Every word of a
`plain` line is not a name.

Data (roles fixed here, never chosen by looking at held-out results):
  train: pii-dev, pii-dev2 and the rounds 1 to 31 of src/test/resources/privacy/, all read before; and, as ordinary
         lines, the visitor questions of the evaluation's tune split and of the sciatica rounds 7 to 20 (misspelt,
         lower-case questions: "what is fibromyalgia", "how is sciatica diagnozed" name no one);
  fit:   the regularisation and the threshold are chosen by cross-validation over those sets (five folds of whole
         sets; what counts: personal-data lines the rules leave leaking that the tagger makes whole, minus ordinary
         lines it changes), then the model is fitted on all of them;
  held out: privacy round 32 and later, and the sciatica rounds 21 and later (what the tagger does to ordinary
         questions nobody fitted on), never read here.

From the repository's root (under a minute):
    mvn -q package -DskipTests
    src/fit/name_tagger.py          # writes src/main/resources/model/name-tagger.json
"""
import collections, glob, json, math, os, re, subprocess, sys, tempfile
FOLDS_OF = {}
import numpy as np
from scipy import optimize, sparse

JAR = 'target/sciatica-chat.jar'
SETS = 'src/test/resources/privacy'
OUT = 'src/main/resources/model/name-tagger.json'
TRAIN = ['pii-dev.tsv', 'pii-dev2.tsv'] + ['pii-r%d.tsv' % n for n in range(1, 32)]
FOLDS = 5
QUESTIONS = ['src/main/resources/eval/questions.tsv'] + ['src/test/resources/heldout/sciatica-r%d.tsv' % n for n in range(7, 21)]
QUESTION_SET = 'visitor-questions.tsv'  # the questions above as ordinary lines, written where the privacy sets are read from


def write_questions(folder):
    """The visitor questions as a privacy set of ordinary lines (the question is each file's last column)."""
    seen = []
    for path in QUESTIONS:
        with open(path, encoding='utf-8') as fh:
            for line in fh:
                if line.startswith('#') or not line.strip():
                    continue
                q = line.rstrip('\n').split('\t')[-1]
                if q not in seen:
                    seen.append(q)
    with open(os.path.join(folder, QUESTION_SET), 'w', encoding='utf-8') as fh:
        for q in seen:
            fh.write('plain\t%s\t-\n' % q)
NOT_NAME_WORDS = set('''street st road rd avenue ave drive dr lane ln boulevard blvd court ct way circle cir place pl parkway pkwy
trail highway hwy route box apt apartment suite unit district county city town village estate estates po p.o. rue calle
january february march april may june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand dot at gmail yahoo
hotmail outlook com net org'''.split())


def is_name(fragment):
    f = fragment.strip()
    if re.search(r'[\d@_/:#]', f) or len(f.split()) > 4:
        return False
    words = re.findall(r"[^\W\d_]+", f.lower())
    return bool(words) and not any(w in NOT_NAME_WORDS for w in words)


def occurrences(text, fragment):
    f = re.escape(fragment.strip().lower())
    return [(m.start(), m.end()) for m in re.finditer(r'(?<![^\W_])' + f + r'(?![^\W_])', text.lower())]


def path(name):
    return os.path.join(QUESTIONS_DIR if name == QUESTION_SET else SETS, name)


def read_fragments(name):
    frags = {}
    with open(path(name), encoding='utf-8') as fh:
        for n, line in enumerate(fh, 1):
            if line.startswith('#') or not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            frags[n] = [] if cols[0] != 'pii' else [f for f in cols[2].split(' || ') if f.strip() and f.strip() != '-']
    return frags


def dump(names):
    out = subprocess.run(['java', '-cp', JAR, 'com.sciaticachat.inbox.NameTaggerFeatures'] + [path(n) for n in names],
                         check=True, capture_output=True, text=True, encoding='utf-8').stdout
    lines, words = {}, collections.defaultdict(list)
    for row in out.split('\n'):
        cols = row.split('\t')
        if cols[0] == 'L':
            lines[(cols[1], int(cols[2]))] = dict(kind=cols[3], text=cols[4], ruled=cols[5])
        elif cols[0] == 'W':
            words[(cols[1], int(cols[2]))].append(dict(start=int(cols[3]), end=int(cols[4]), word=cols[5], features=cols[6].split('\x1f')))
    return lines, words


def examples(names):
    """(features, label, line key, word) for every word the tagger would read, with its label (None: left out)."""
    lines, words = dump(names)
    rows = []
    for name in names:
        frags = read_fragments(name)
        for n, fs in frags.items():
            key = (name, n)
            text = lines[key]['text']
            spans = [(s, e, is_name(f)) for f in fs for s, e in occurrences(text, f)]
            for w in words[key]:
                if w['word'] == '[name]' or len(w['word']) < 2:
                    continue
                over = [named for s, e, named in spans if s < w['end'] and w['start'] < e]
                label = None if over and not any(over) else 1 if any(over) else 0
                rows.append((w['features'], label, key, w['word']))
    return lines, rows


def keeps(out, fragment):
    f = fragment.strip().lower()
    before, after = (r'(?<![^\W_])', r'(?![^\W_])') if len(f) > 1 else (r'(?<![^\W\d_\[])', r'(?![^\W\d_\]])')
    return re.search(before + re.escape(f) + after, out.lower()) is not None


def fit(rows, index, lam):
    X, y = matrix(rows, index), np.array([r[1] for r in rows], dtype=float)

    def loss(w):
        z = X @ w
        p = 1 / (1 + np.exp(-z))
        l = np.sum(np.logaddexp(0, z) - y * z) + lam * 0.5 * w @ w
        return l, X.T @ (p - y) + lam * w

    w0 = np.zeros(len(index))
    return optimize.minimize(loss, w0, jac=True, method='L-BFGS-B', options=dict(maxiter=2000)).x


def matrix(rows, index):
    data, ri, ci = [], [], []
    for i, r in enumerate(rows):
        for f in r[0]:
            j = index.get(f)
            if j is not None:
                ri.append(i); ci.append(j); data.append(1.0)
    return sparse.csr_matrix((data, (ri, ci)), shape=(len(rows), len(index)))


def judge(lines, rows, chances, threshold, names, wanted=lambda key: True):
    """Personal-data lines whole and ordinary lines untouched, the rules alone and with the tagger at this threshold."""
    tagged = collections.defaultdict(set)
    for (feats, label, key, word), p in zip(rows, chances):
        if p >= threshold:
            tagged[key].add(word)
    whole = untouched = whole_rules = untouched_rules = 0
    for name in list(names) + [QUESTION_SET]:
        for n, fs in read_fragments(name).items():
            key = (name, n)
            if not wanted(key) or key not in lines:
                continue
            ruled = lines[key]['ruled']
            out = ruled
            for w in tagged[key]:
                out = re.sub(r'(?<![^\W\d_\[])' + re.escape(w) + r'(?![^\W\d_\]])', '[name]', out)
            if lines[key]['kind'] == 'pii':
                whole_rules += not any(keeps(ruled, f) for f in fs)
                whole += not any(keeps(out, f) for f in fs)
            else:
                untouched_rules += ruled == raw_text(name, n)
                untouched += out == raw_text(name, n)
    return whole_rules, whole, untouched_rules, untouched


_raw = {}


def raw_text(name, n):
    if name not in _raw:
        with open(path(name), encoding='utf-8') as fh:
            _raw[name] = {i: l.rstrip('\n').split('\t')[1] for i, l in enumerate(fh, 1) if not l.startswith('#') and l.strip()}
    return _raw[name][n]


QUESTIONS_DIR = tempfile.mkdtemp()


def main():
    write_questions(QUESTIONS_DIR)
    lines, rows = examples(TRAIN + [QUESTION_SET])
    # the questions' lines are shared out among the folds by their line number
    def held_out(key, held):
        return key[0] in held or key[0] == QUESTION_SET and key[1] % FOLDS == FOLDS_OF[tuple(held)]
    folds = [TRAIN[k::FOLDS] for k in range(FOLDS)]
    FOLDS_OF.update({tuple(f): k for k, f in enumerate(folds)})
    scores = collections.defaultdict(lambda: [0, 0, 0, 0])
    for lam in (0.3, 1.0, 3.0):
        for k, held in enumerate(folds):
            train = [r for r in rows if r[1] is not None and not held_out(r[2], held)]
            counts = collections.Counter(f for r in train for f in r[0])
            index = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
            w = fit(train, index, lam)
            test = [r for r in rows if held_out(r[2], held)]
            chances = 1 / (1 + np.exp(-(matrix(test, index) @ w)))
            for t in np.arange(0.30, 0.96, 0.05):
                for i, v in enumerate(judge(lines, test, chances, t, held, lambda key: held_out(key, held))):
                    scores[(lam, round(float(t), 2))][i] += v
    best = None
    for (lam, t), (wr, wt, ur, ut) in sorted(scores.items()):
        gain = (wt - wr) - (ur - ut)
        print('lambda %.1f threshold %.2f: personal-data lines whole %d -> %d, ordinary untouched %d -> %d' % (lam, t, wr, wt, ur, ut))
        if best is None or gain > best[0] or gain == best[0] and t > best[2]:
            best = (gain, lam, t)
    gain, lam, t = best
    train = [r for r in rows if r[1] is not None]
    counts = collections.Counter(f for r in train for f in r[0])
    index = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
    w = fit(train, index, lam)
    names = sorted(index, key=index.get)
    weights = {f: round(float(w[index[f]]), 4) for f in names if abs(w[index[f]]) >= 1e-3}
    with open(OUT, 'w', encoding='utf-8') as fh:
        json.dump(dict(fitted='src/fit/name_tagger.py on %s and %s (%d words, %d names)' % (', '.join(TRAIN), ', '.join(QUESTIONS), len(train), sum(r[1] for r in train)),
                       regularisation=lam, threshold=t, weights=weights), fh, ensure_ascii=False, indent=0)
        fh.write('\n')
    print('chosen: lambda %.1f, threshold %.2f (cross-validated gain %d); %d weights written to %s' % (lam, t, gain, len(weights), OUT))


if __name__ == '__main__':
    main()
