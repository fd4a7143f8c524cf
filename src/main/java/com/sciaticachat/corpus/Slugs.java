package com.sciaticachat.corpus;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe ids from headings and file names: "Hot or Cold Packs" → "hot-or-cold-packs". */
public final class Slugs {
    private Slugs() {}

    public static String slug(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "section" : slug;
    }
}
