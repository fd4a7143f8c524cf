package com.sciaticachat.index;

import java.io.IOException;
import java.util.function.IntPredicate;
import java.util.function.ObjIntConsumer;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;

/** Reads the units' vectors ({@link Fields#VECTOR}) back from an index. */
public final class UnitVectors {
    private UnitVectors() {}

    /** Calls {@code visit} with a copy of each wanted unit's vector and its doc id in {@code reader}. */
    public static void forEach(IndexReader reader, IntPredicate wanted, ObjIntConsumer<float[]> visit) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
            if (values == null) continue;
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (wanted.test(leaf.docBase + doc)) visit.accept(values.vectorValue().clone(), leaf.docBase + doc);
            }
        }
    }
}
