"""Ways of choosing the blend's alpha and thresholds inside the training rounds, on themes_loro_cache.py's scores.

    python3 bench/themes_loro_posthoc.py /tmp/themes_loro_TAG.pkl

Per strategy: macro-F1 of the held-out rounds pooled (per-theme F1) and the mean of the rounds.
`default` is fit_blends' choice (one alpha by inner macro-F1, per-theme thresholds maximising the pooled
inner out-of-fold F1); `setbal*` weigh the training sets alike in that choice, `noreal`/`real.3` leave the
first corpus out of it or weigh it 0.3, `pta` an alpha per theme, `lex*` a fixed alpha, `thr*` the thresholds
scaled, `top*` a theme only when its score/threshold is within that ratio of the paragraph's best theme,
`bag` the final and the inner models' probabilities averaged.  Then the ceiling that thresholds cannot
pass: each theme's best F1 on the pooled held-out rounds with one cut chosen on them (oracle), and the
average precision of its ranking.
"""
import sys, pickle, numpy as np
ALPHAS = (0.0, 0.25, 0.5, 0.75)

def best_thr(g, s, w=None):
    """weighted F1-max threshold (midpoints), ignoring s<=0"""
    w = np.ones(len(g)) if w is None else w
    o = np.argsort(-s, kind="stable"); s2, g2, w2 = s[o], g[o], w[o]
    P = (w2 * g2).sum()
    if P == 0: return s.max() + 1e-6, 1.0
    tp = np.cumsum(w2 * g2); fp = np.cumsum(w2 * (1 - g2))
    f = 2 * tp / (2 * tp + fp + (P - tp))
    nxt = np.append(s2[1:], 0.0)
    ok = (s2 != nxt) & (s2 > 0)
    if not ok.any(): return 1.0, 0.0
    f = np.where(ok, f, -1); k = int(np.argmax(f))
    return (s2[k] + max(nxt[k], 0)) / 2, f[k]

def macro(gold, pred):
    fs = []
    for j in range(gold.shape[1]):
        g, p = gold[:, j], pred[:, j]
        tp = (g & p).sum(); fp = (~g & p).sum(); fn = (g & ~p).sum()
        P = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
        R = tp / (tp + fn) if tp + fn else 1.0
        fs.append(2 * P * R / (P + R) if P + R else 0.0)
    return np.mean(fs), fs

def run(res, strat, verbose=False):
    names = res["names"]; where = np.array(res["where"]); gold = res["gold"]; lex = res["lex"]; proc = res["proc"]
    pooled_idx, pooled_pred = [], []
    per = {}
    for r, d in res["rounds"].items():
        tr, te = d["train"], d["test"]
        w = strat.get("weights", lambda *a: None)(tr, where, res)
        alphas = strat.get("alphas", ALPHAS)
        best = None
        for a in alphas if not strat.get("per_theme_alpha") else [None]:
            if a is None: break
            comb = a * lex[tr] + (1 - a) * d["oof"]
            cuts = [best_thr(gold[tr, j].astype(float), comb[:, j], w) for j in range(len(names))]
            m = np.mean([f for _, f in cuts])
            if best is None or m > best[0] + 1e-9: best = (m, [a]*len(names), [t for t, _ in cuts])
        if strat.get("per_theme_alpha"):
            al, th = [], []
            for j in range(len(names)):
                bj = max(((best_thr(gold[tr, j].astype(float), a * lex[tr, j] + (1 - a) * d["oof"][:, j], w), a) for a in alphas), key=lambda x: x[0][1])
                al.append(bj[1]); th.append(bj[0][0])
            best = (0, al, th)
        al, th = np.array(best[1]), np.array(best[2])
        th = th * strat.get("thr_scale", 1.0)
        s = al * lex[te] + (1 - al) * d["testp"]
        pred = (s >= th) & (s > 0)
        pred[proc[te]] = False
        per[r] = macro(gold[te], pred)[0]
        pooled_idx.extend(te); pooled_pred.append(pred)
    P = np.vstack(pooled_pred); G = gold[np.array(pooled_idx)]
    m, fs = macro(G, P)
    return m, fs, per

def main():
    res = pickle.load(open(sys.argv[1], "rb"))
    where_ = np.array(res["where"])
    def setw(b):
        def f(tr, where, res):
            ws = where[tr]; u, c = np.unique(ws, return_counts=True); cnt = dict(zip(u, c))
            return np.array([cnt[x] ** -b for x in ws]) * 1.0
        return f
    def noreal(tr, where, res): return (where[tr] != "real").astype(float)
    def realw(x):
        return lambda tr, where, res: np.where(where[tr] == "real", x, 1.0)
    strats = {"default": {}, "pta": {"per_theme_alpha": True}, "setbal1": {"weights": setw(1.0)}, "setbal.5": {"weights": setw(0.5)},
              "noreal": {"weights": noreal}, "real.3": {"weights": realw(0.3)}, "lex.5": {"alphas": (0.5,)}, "lex.25": {"alphas": (0.25,)}, "lex0": {"alphas": (0.0,)},
              "pta+noreal": {"per_theme_alpha": True, "weights": noreal}, "thr1.2": {"thr_scale": 1.2}, "thr0.8": {"thr_scale": 0.8}}
    for k, s in strats.items():
        m, fs, per = run(res, s)
        print(f"{k:12s} pooled {m:.3f} ({' '.join(f'{x:.2f}' for x in fs)})  mean {np.mean(list(per.values())):.3f}  " + " ".join(f"{v:.2f}" for v in per.values()))

def oracle(res, alpha=0.25):
    gold = res["gold"]; lex = res["lex"]
    S, G, L, M = [], [], [], []
    for r, d in res["rounds"].items():
        S.append(alpha * lex[d["test"]] + (1 - alpha) * d["testp"]); G.append(gold[d["test"]]); L.append(lex[d["test"]]); M.append(d["testp"])
    S, G, L, M = map(np.vstack, (S, G, L, M))
    def ap(g, x):
        o = np.argsort(-x, kind='stable'); g = g[o].astype(float); tp = np.cumsum(g)
        prec = tp / np.arange(1, len(g) + 1)
        return (prec * g).sum() / max(g.sum(), 1)
    for nm, X in (("blend", S), ("lex", L), ("model", M)):
        print(nm, "oracle-F1", " ".join(f"{best_thr(G[:, j].astype(float), X[:, j])[1]:.2f}" for j in range(4)),
              "AP", " ".join(f"{ap(G[:, j], X[:, j]):.2f}" for j in range(4)))

def run_top(res, ratio, strat={}):
    names = res["names"]; gold = res["gold"]; lex = res["lex"]; proc = res["proc"]
    idx, preds, per = [], [], {}
    for r, d in res["rounds"].items():
        tr, te = d["train"], d["test"]
        best = None
        for a in ALPHAS:
            comb = a * lex[tr] + (1 - a) * d["oof"]
            cuts = [best_thr(gold[tr, j].astype(float), comb[:, j]) for j in range(4)]
            m = np.mean([f for _, f in cuts])
            if best is None or m > best[0] + 1e-9: best = (m, a, np.array([t for t, _ in cuts]))
        a, th = best[1], best[2]
        s = (a * lex[te] + (1 - a) * d["testp"]) / th
        pred = (s >= 1) & (s >= ratio * s.max(1, keepdims=True))
        pred[proc[te]] = False
        per[r] = macro(gold[te], pred)[0]; idx.extend(te); preds.append(pred)
    m, fs = macro(gold[np.array(idx)], np.vstack(preds))
    return m, fs, per


def bagged(res):
    """The held-out probabilities averaged over the final and the inner models (when the cache kept them)."""
    out = dict(res, rounds={})
    for r, d in res["rounds"].items():
        if not d.get("inner_test"):
            return None
        out["rounds"][r] = dict(d, testp=np.mean([d["testp"], *d["inner_test"]], axis=0))
    return out


if __name__ == "__main__":
    main()
    res = pickle.load(open(sys.argv[1], "rb"))
    for ratio in (0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0):
        m, fs, per = run_top(res, ratio)
        print(f"top{ratio}: pooled {m:.3f} ({' '.join(f'{x:.2f}' for x in fs)}) mean {np.mean(list(per.values())):.3f}")
    b = bagged(res)
    if b is not None:
        m, fs, per = run(b, {})
        print(f"bag          pooled {m:.3f} ({' '.join(f'{x:.2f}' for x in fs)})  mean {np.mean(list(per.values())):.3f}")
    oracle(res)
