package com.sciaticachat.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Collects, for each section, the best-scoring unit among all the units that match: section id →
 * {score, doc}. Only that maximum is wanted, so no top-k heap is kept (sorting the top thousand units
 * cost more than scoring them), and no section is lost behind a cut-off. Units filed as not covered are
 * skipped. Ties go to the lower doc, as in Lucene's own top-k order.
 */
final class BestUnitPerSection implements CollectorManager<BestUnitPerSection.Collector, Map<String, double[]>> {
    private final Snapshot snapshot;

    BestUnitPerSection(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Collector newCollector() {
        return new Collector();
    }

    @Override
    public Map<String, double[]> reduce(Collection<Collector> collectors) {
        Map<String, double[]> out = new HashMap<>();
        for (Collector c : collectors) {
            c.best.forEach((section, hit) -> out.merge(section, hit,
                    (a, b) -> a[0] > b[0] || (a[0] == b[0] && a[1] < b[1]) ? a : b));
        }
        return out;
    }

    final class Collector extends SimpleCollector {
        private final Map<String, double[]> best = new HashMap<>();
        private Scorable scorer;
        private int docBase;

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            docBase = context.docBase;
        }

        @Override
        public void setScorer(Scorable scorer) {
            this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
            int global = docBase + doc;
            Snapshot.Unit unit = snapshot.unit(global);
            if (unit == null || unit.kind().notCovered()) return;
            float score = scorer.score();
            double[] hit = best.get(unit.sectionId());
            if (hit == null) {
                best.put(unit.sectionId(), new double[] {score, global});
            } else if (score > hit[0]) { // docs arrive in order, so an equal score keeps the lower doc
                hit[0] = score;
                hit[1] = global;
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}
