package com.sciaticachat.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sciaticachat.Application;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.embed.Embedder;
import com.sciaticachat.embed.MiniLmEmbedder;
import com.sciaticachat.support.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexBuilderTest {

    private static Corpus bundled() throws Exception {
        return Application.corpusReader(Config.defaults()).read(TestFiles.bundledCorpus());
    }

    @Test
    void writes_every_section_as_units_in_one_commit_that_names_its_corpus(@TempDir Path dir) throws Exception {
        Corpus corpus = bundled();
        try (Directory d = FSDirectory.open(dir)) {
            IndexBuilder.Summary s = new IndexBuilder(MiniLmEmbedder.shared()).build(corpus, d);
            assertEquals(1, s.documents());
            assertEquals(corpus.sections().size(), s.sections());
            assertTrue(s.units() > 2 * s.sections(), "sections, headings, items and alternate questions are units");
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertEquals(corpus.sections().size(), searcher.count(new TermQuery(new Term(Fields.KIND, "section"))));
                BooleanQuery causesItems = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Fields.SECTION_ID, "massage-for-sciatic-pain/causes")), BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(Fields.KIND, "item")), BooleanClause.Occur.FILTER)
                        .build();
                assertEquals(8, searcher.count(causesItems), "the causes section has one unit per list item");
                Map<String, String> commit = reader.getIndexCommit().getUserData();
                assertEquals(corpus.fingerprint(), commit.get(Fields.COMMIT_FINGERPRINT));
                assertEquals(Fields.schema(), commit.get(Fields.COMMIT_SCHEMA));
                assertEquals(Integer.toString(s.sections()), commit.get(Fields.COMMIT_SECTIONS));
            }
        }
    }

    @Test
    void a_build_that_fails_midway_leaves_the_previous_commit_whole(@TempDir Path dir) throws Exception {
        Corpus corpus = bundled();
        try (Directory d = FSDirectory.open(dir)) {
            new IndexBuilder(MiniLmEmbedder.shared()).build(corpus, d);
            int docsBefore;
            try (DirectoryReader r = DirectoryReader.open(d)) {
                docsBefore = r.numDocs();
            }
            AtomicInteger calls = new AtomicInteger();
            Embedder failing = new Embedder() {
                public float[] embed(String text) {
                    if (calls.incrementAndGet() > 20) throw new IllegalStateException("simulated failure during a rebuild");
                    return MiniLmEmbedder.shared().embed(text);
                }
                public int dimension() { return 384; }
                // another model: nothing of the previous commit may be reused, so the rebuild embeds and fails
                public String modelId() { return "another-model"; }
            };
            Corpus changed = new Corpus(corpus.documents(), corpus.settingsFiles(), "another-fingerprint", corpus.folder());
            assertThrows(IllegalStateException.class, () -> new IndexBuilder(failing).build(changed, d));
            try (DirectoryReader r = DirectoryReader.open(d)) {
                assertEquals(docsBefore, r.numDocs());
                assertEquals(corpus.fingerprint(), r.getIndexCommit().getUserData().get(Fields.COMMIT_FINGERPRINT));
                assertNotEquals("another-fingerprint", r.getIndexCommit().getUserData().get(Fields.COMMIT_FINGERPRINT));
            }
        }
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith("pending_segments")));
    }

    @Test
    void a_rebuild_embeds_only_the_texts_the_previous_commit_does_not_hold(@TempDir Path dir) throws Exception {
        Corpus corpus = bundled();
        try (Directory d = FSDirectory.open(dir)) {
            new IndexBuilder(MiniLmEmbedder.shared()).build(corpus, d);
            java.util.List<String> embedded = new java.util.concurrent.CopyOnWriteArrayList<>();
            Embedder counting = new Embedder() {
                public float[] embed(String text) {
                    embedded.add(text);
                    return MiniLmEmbedder.shared().embed(text);
                }
                public int dimension() { return 384; }
                public String modelId() { return MiniLmEmbedder.MODEL_ID; }
            };
            Map<String, String> settings = new java.util.HashMap<>(corpus.settingsFiles());
            settings.merge("visitor-questions.txt", "\n[Symptoms]\nmy left foot keeps going numb at night\n", String::concat);
            Corpus edited = new Corpus(corpus.documents(), settings, "edited", corpus.folder());
            IndexBuilder.Summary s = new IndexBuilder(counting).build(edited, d);
            assertEquals(java.util.List.of("my left foot keeps going numb at night"), embedded, "only the new question");
            try (DirectoryReader r = DirectoryReader.open(d)) {
                assertEquals(s.units(), new IndexSearcher(r).count(new org.apache.lucene.search.FieldExistsQuery(Fields.VECTOR)),
                        "every unit still has its vector");
            }
        }
    }
}
