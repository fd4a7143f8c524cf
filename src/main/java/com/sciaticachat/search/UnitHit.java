package com.sciaticachat.search;

import java.util.Comparator;

/**
 * A section's best unit for one retriever: its score (BM25, or cosine) and its doc.
 *
 * @param doc the unit's Lucene doc, -1 for none
 */
record UnitHit(double score, int doc) {
    static final UnitHit NONE = new UnitHit(0, -1);

    /** Higher score first; of equal scores, the lower doc, as in Lucene's own top-k order. */
    static final Comparator<UnitHit> BEST_FIRST = Comparator.comparingDouble(UnitHit::score).reversed().thenComparingInt(UnitHit::doc);

    /** The better of two hits for the same section. */
    static UnitHit better(UnitHit a, UnitHit b) {
        return BEST_FIRST.compare(a, b) <= 0 ? a : b;
    }
}
