import collections,sys
W='/usr/share/wordnet/'
syn={}; hyper={}; deriv=[]  # (pos,offset) -> words
for pos in ['noun','verb','adj','adv']:
    for line in open(W+'data.'+pos,encoding='latin-1'):
        if line.startswith('  '): continue
        f=line.split()
        off=f[0]; n=int(f[3],16)
        words=[f[4+2*i].lower() for i in range(n)]
        words=[w.split('(')[0] for w in words]
        syn[(pos,off)]=words
        p=int(f[4+2*n]); ptrs=f[5+2*n:5+2*n+4*p]
        hyper[(pos,off)]=[ptrs[4*i+1] for i in range(p) if ptrs[4*i]=='@' and ptrs[4*i+2]==pos[0]]
        for i in range(p):
            if ptrs[4*i]=='+':
                src=int(ptrs[4*i+3][:2],16); tgt=int(ptrs[4*i+3][2:],16)
                tp={'n':'noun','v':'verb','a':'adj','s':'adj','r':'adv'}[ptrs[4*i+2]]
                deriv.append((words[src-1],tp,ptrs[4*i+1],tgt))
out=collections.defaultdict(set)
for pos in ['noun','verb','adj','adv']:
    for line in open(W+'index.'+pos,encoding='latin-1'):
        if line.startswith('  '): continue
        f=line.split()
        lemma=f[0]; scnt=int(f[2]); pcnt=int(f[3]); tag=int(f[5+pcnt])
        offs=f[6+pcnt:6+pcnt+scnt]
        if '_' in lemma or tag==0: continue
        for o in offs[:min(tag,3)]:
            for w in syn[(pos,o)]+([w for h in hyper[(pos,o)] for w in syn[(pos,h)]] if pos=='verb' else []):
                if '_' not in w and w!=lemma and '-' not in w: out[lemma].add(w)
for w,tp,o,t in deriv:
    tw=syn[(tp,o)][t-1]
    if '_' not in w and '_' not in tw and '-' not in tw and w!=tw: out[w].add(tw)
# irregular forms
for pos in ['noun','verb','adj']:
    for line in open(W+pos+'.exc'):
        f=line.split()
        if len(f)>=2 and '_' not in f[0]: 
            for b in f[1:]:
                if '_' not in b: out[f[0]].add(b)
n=0
with open('/tmp/lexicon.tsv','w') as o:
    for k in sorted(out):
        if out[k]: o.write(k+'\t'+' '.join(sorted(out[k]))+'\n'); n+=1
print(n)
