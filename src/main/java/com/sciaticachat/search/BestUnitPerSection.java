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
 * ({@link UnitHit}). Only that maximum is wanted, so no top-k heap is kept (sorting the top thousand units
 * cost more than scoring them), and no section is lost behind a cut-off. Units filed as not covered are
 * skipped. Ties go to the lower doc, as in Lucene's own top-k order.
 */
final class BestUnitPerSection implements CollectorManager<BestUnitPerSection.Collector, Map<String, UnitHit>> {
    private final Snapshot snapshot;

    BestUnitPerSection(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Collector newCollector() {
        return new Collector();
    }

    @Override
    public Map<String, UnitHit> reduce(Collection<Collector> collectors) {
        Map<String, UnitHit> out = new HashMap<>();
        for (Collector c : collectors) c.best.forEach((section, hit) -> out.merge(section, hit, UnitHit::better));
        return out;
    }

    final class Collector extends SimpleCollector {
        private final Map<String, UnitHit> best = new HashMap<>();
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
            UnitHit hit = best.get(unit.sectionId());
            // docs arrive in order, so an equal score keeps the lower doc
            if (hit == null || score > hit.score()) best.put(unit.sectionId(), new UnitHit(score, global));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE;
        }
    }
}
