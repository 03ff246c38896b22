"""held_back() of lspkit.nlp.procedure before and after a speed change: the same answer on every labelled
paragraph, every gold paragraph and 60,000 generated ones.  Usage: cp lspkit/nlp/procedure.py /tmp/procedure_old.py
before the change; after it: PYTHONPATH=$PWD python3 bench/procedure_identity.py"""
import sys, json, glob, random, importlib.util, time
sys.path.insert(0,'.')
spec=importlib.util.spec_from_file_location('lspkit.nlp.procedure_old','/tmp/procedure_old.py'); old=importlib.util.module_from_spec(spec); sys.modules['lspkit.nlp.procedure_old']=old; spec.loader.exec_module(old)
from lspkit.nlp import procedure as new
texts=[]
for f in glob.glob('data/labels/**/*.jsonl', recursive=True):
    for l in open(f):
        try: t=json.loads(l).get('text')
        except Exception: continue
        if t: texts.append(t)
for f in glob.glob('data/real/gold/*.json'):
    g=json.load(open(f))
    for p in g.get('paragraphs',[]):
        if p.get('text'): texts.append(p['text'])
    for b in g.get('not_paragraphs',[]):
        t = b if isinstance(b, str) else b.get('printed')  # (gold files list them as strings or as {printed: ...})
        if t: texts.append(t)
texts=list(dict.fromkeys(texts))
# fuzz: splice fragments of the patterns' own words with texts
words=[w for t in texts for w in t.split()][:200000]
rng=random.Random(1)
vocab="called to order roll call present: absent apologies received declarations of interest minutes approved agenda moved seconded carried 4-0 (3-1) ayes nays abstained adjourned next meeting will be dates of meetings noted deferred no questions were raised consent agenda recommend approval of the preliminary plat Call to Order Public Comment New Business Reports of Officers shall must welcomed pledge quorum excluded public carried. Agreed. Accepted.".split()
for i in range(60000):
    n=rng.randint(1,25); texts.append(" ".join(rng.choice(vocab if rng.random()<0.6 else words) for _ in range(n)))
t0=time.process_time(); a=[old.held_back(t) for t in texts]; t1=time.process_time(); b=[new.held_back(t) for t in texts]; t2=time.process_time()
f=lambda x: x and x.to_dict(); diff=[t for t,x,y in zip(texts,a,b) if f(x)!=f(y)]
print(len(texts),'texts', sum(1 for x in a if x), 'held; differ', len(diff), 'old %.2fs new %.2fs'%(t1-t0,t2-t1))
for t in diff[:5]: print(repr(t))
