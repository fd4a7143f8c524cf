package com.sciaticachat.search;

import com.sciaticachat.config.Config;
import com.sciaticachat.embed.Embedder;
import com.sciaticachat.embed.VisitorEncoder;
import com.sciaticachat.index.UnitKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last look at the ranking: the visitor question encoder ({@link VisitorEncoder}) reads the question again and
 * compares it with the few best sections' own vectors (the whole section, its headings, items and sentences, as the
 * index has them); its cosine and the ranking's score choose a section. When its cosine to that section is above the
 * threshold it answers with it, whatever the ranking's confidence. Below, when the chat's own first choice is a section
 * staff filed questions for, or one the encoder picks too and the chat is sure of, the chat's reading stands (its
 * filings teach it what the encoder never saw; the encoder was fitted on one guide's questions); otherwise, for a section
 * nobody filed questions for (a new document's), the encoder's doubt declines. Its numbers were fitted with the encoder, on
 * questions neither had been fitted on. A question staff filed keeps its filing.
 */
public final class EncoderRanking {
    /** The units a section is read by: what it says, not questions filed for it. */
    static final Set<UnitKind> READ = Set.of(UnitKind.SECTION, UnitKind.HEADING, UnitKind.ITEM, UnitKind.SENTENCE);
    /** The log-odds of the chat's default minimum confidence: the confidence given at the fitted threshold. */
    private static final double AT_THRESHOLD = Math.log(Config.DEFAULT_MIN_CONFIDENCE / (1 - Config.DEFAULT_MIN_CONFIDENCE));

    private final VisitorEncoder.Settings settings;

    public EncoderRanking(VisitorEncoder.Settings settings) {
        this.settings = settings;
    }

    /** Each section's own units' vectors, built once per snapshot. */
    record SectionVectors(Map<String, List<float[]>> bySection) {
        static SectionVectors of(Snapshot snapshot) {
            Map<String, List<float[]>> by = new HashMap<>();
            for (int doc : snapshot.guideDocs()) {
                Snapshot.Unit u = snapshot.unit(doc);
                if (u.sectionId() == null || !READ.contains(u.kind())) continue;
                by.computeIfAbsent(u.sectionId(), k -> new ArrayList<>()).add(snapshot.vector(doc));
            }
            return new SectionVectors(Map.copyOf(by));
        }

        double cosine(String sectionId, float[] question) {
            double best = 0;
            for (float[] v : bySection.getOrDefault(sectionId, List.of())) best = Math.max(best, Embedder.cosine(v, question));
            return best;
        }
    }

    /** Each section's own units' vectors in a snapshot (for fitting the encoder on exactly what the index holds). */
    public static Map<String, List<float[]>> sectionVectors(Snapshot snapshot) {
        return snapshot.derived(SectionVectors.class, SectionVectors::of).bySection();
    }

    /** The ranking read again with the question's encoding; unchanged when staff filed the question. */
    public Scorer.Scored rerank(Snapshot snapshot, Scorer.Scored scored, float[] question) {
        if (scored.ranked().isEmpty() || scored.filedUnder() != null) return scored;
        SectionVectors vectors = snapshot.derived(SectionVectors.class, SectionVectors::of);
        List<Scorer.Ranked> ranked = scored.ranked();
        int n = Math.min(settings.candidates(), ranked.size());
        double top = ranked.get(0).score();
        int pick = 0;
        double pickRead = 0, best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double read = settings.scale() * vectors.cosine(ranked.get(i).sectionId(), question);
            double s = read + settings.rerank() * (ranked.get(i).score() - top);
            if (s > best) {
                best = s;
                pick = i;
                pickRead = read;
            }
        }
        double threshold = Features.unfiled(ranked.get(pick).hit()) ? settings.unfiledThreshold() : settings.filedThreshold();
        double sure = 1 / (1 + Math.exp(-(pickRead - threshold + AT_THRESHOLD)));
        // not sure, about a section staff filed questions for: the chat's own reading stands (it knows their filings)
        if (pickRead <= threshold && !Features.unfiled(ranked.get(0).hit())) return scored;
        // the chat's own first choice, and the encoder sure of it too; or, the chat sure of it, the encoder's doubt about a
        // section nobody filed questions for does not overrule the chat's own reading of the section's words ("how much is
        // a 60 minutes massage" and a new price list's "A 60-minute massage costs $90.")
        if (pick == 0 && (pickRead > threshold || scored.confidence() >= settings.ownStands())) {
            return scored.reread(ranked, Math.max(sure, scored.confidence()));
        }
        List<Scorer.Ranked> reordered = new ArrayList<>(ranked);
        reordered.add(0, reordered.remove(pick));
        return scored.reread(List.copyOf(reordered), sure);
    }
}
