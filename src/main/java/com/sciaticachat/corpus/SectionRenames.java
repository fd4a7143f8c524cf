package com.sciaticachat.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Follows sections that staff renamed, so that what was filed under a section's former name still
 * reaches it. A section is recognised by its id when the heading kept one ({@code ## New name {#old-id}}),
 * else by its text: a section that is gone and a new section whose text is mostly the same are one
 * section under a new heading. Former names stay known across later renames and restarts.
 */
public final class SectionRenames {
    /** Share of words two versions of a section must have in common to count as one section. */
    static final double SAME_TEXT = 0.6;

    private SectionRenames() {}

    /** Every name a section can be filed under: its id, the id after the document, its heading's slug, and for a lead the document's. */
    public static List<String> names(Document doc, Section s) {
        List<String> keys = new ArrayList<>(List.of(s.id(), s.id().substring(s.id().indexOf('/') + 1), Slugs.slug(s.title())));
        if (s.level() == 1) keys.addAll(List.of(doc.id(), Slugs.slug(doc.title())));
        return keys.stream().distinct().toList();
    }

    /** The former names (slug or id) → the section's id now, for sections renamed since {@code before}, and those known already. */
    public static Map<String, String> aliases(List<Document> before, Map<String, String> known, List<Document> now) {
        Set<String> ids = new HashSet<>();
        Set<String> beforeIds = new HashSet<>();
        now.forEach(d -> d.sections().forEach(s -> ids.add(s.id())));
        before.forEach(d -> d.sections().forEach(s -> beforeIds.add(s.id())));
        Map<String, String> moved = new HashMap<>();
        for (Document d : before) {
            for (Section old : d.sections()) {
                if (ids.contains(old.id())) continue;
                String to = sameText(d, old, now, beforeIds);
                if (to == null) continue;
                moved.put(old.id(), to);
                for (String name : names(d, old)) moved.putIfAbsent(name, to);
            }
        }
        Map<String, String> out = new HashMap<>();
        known.forEach((name, id) -> {
            String target = ids.contains(id) ? id : moved.get(id);
            if (target != null) out.put(name, target);
        });
        moved.forEach(out::put);
        out.keySet().removeIf(ids::contains);
        return out;
    }

    /** The new section (one that was not there before) whose text is most like {@code old}'s, if alike enough. */
    private static String sameText(Document oldDoc, Section old, List<Document> now, Set<String> beforeIds) {
        Set<String> words = words(oldDoc.answerText(old));
        if (words.isEmpty()) return null;
        String best = null;
        double bestShare = SAME_TEXT;
        for (Document d : now) {
            for (Section s : d.sections()) {
                if (beforeIds.contains(s.id())) continue;
                Set<String> other = words(d.answerText(s));
                Set<String> common = new HashSet<>(words);
                common.retainAll(other);
                Set<String> all = new HashSet<>(words);
                all.addAll(other);
                double share = all.isEmpty() ? 0 : (double) common.size() / all.size();
                if (share >= bestShare) {
                    bestShare = share;
                    best = s.id();
                }
            }
        }
        return best;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) if (!w.isEmpty()) out.add(w);
        return out;
    }
}
