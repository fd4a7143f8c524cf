package com.sciaticachat.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/** Makes a {@link Snapshot} for each reader the {@link org.apache.lucene.search.SearcherManager} opens. */
public final class SnapshotFactory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
        return new Snapshot(reader);
    }
}
