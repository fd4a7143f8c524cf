package com.sciaticachat.safety;

import com.sciaticachat.analysis.Shorthand;
import com.sciaticachat.analysis.Words;
import com.sciaticachat.embed.Embedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The learnt detector: how strongly a message tells of each sign, and whether what it tells is happening
 * now. It reads the message's embedding (the same text retrieval embeds, so a question is embedded once),
 * and for a message of several sentences each sentence's too, so a sign told in the middle of a long
 * story counts.
 */
public final class RedFlagDetector {
    /** Messages longer than this many words are also read sentence by sentence. */
    static final int SENTENCE_VIEW_WORDS = 12;
    /** A comma before a question that closes the message or its sentence ("..., does stretching help?"). */
    private static final String QUESTION_AFTER_COMMA = ",\\s+(?=(?:does|do|did|can|could|will|would|should|is|are|am|was|what|how|why|which|who|where"
            + "|any|anything|puede|puedo|es|que|como|cual)\\b[^.!?;:\\n,]*(?:\\?|$))";
    /**
     * Where a long message breaks into views: sentence ends, and a comma or colon before a word that starts
     * a clause of its own ("..., although over the last two days I have ...", "..., pero desde ayer ..."), so a sign told in a subordinate
     * clause of one long sentence is read on its own too; and a comma before a question that closes it.
     */
    private static final java.util.regex.Pattern CLAUSE_BREAK = java.util.regex.Pattern.compile(
            "[.!?;:\\n]+|\\s[-\u2013\u2014]+\\s|,\\s+(?=(?:but|and|plus|also|now|although|though|which|because|since|so|while|when|then|after|except|apart|only|yet"
                    + "|pero|y|aunque|porque|desde|cuando|entonces|ademas|tambien|ahora|pues)\\b)|" + QUESTION_AFTER_COMMA);

    /**
     * What the detector read.
     *
     * @param signs   each sign's probability
     * @param current   the probability that what the message tells is happening now (to the writer or to
     *                  someone they speak for)
     * @param embedding the whole message's embedding, for the nearest-phrasings vote; null when the reading
     *                  was not made from the message (the safety gate's stored readings of the phrasings)
     */
    public record Detection(Map<String, Double> signs, double current, float[] embedding) {
        public Detection(Map<String, Double> signs, double current) {
            this(signs, current, null);
        }

        /**
         * This reading with each sign at most as strong, and the message at most as current, as in {@code kept}: the
         * message with its denials set aside. The framing keeps the lower reading because the denials, set aside, still
         * say that nothing is happening now ("not weak, only one side, sleep ok"). Nothing at all when {@code kept} is
         * null: a message that only denies.
         */
        public Detection atMost(Detection kept) {
            Map<String, Double> lower = new LinkedHashMap<>();
            signs.forEach((id, p) -> lower.put(id, kept == null ? 0.0 : Math.min(p, kept.signs().getOrDefault(id, 0.0))));
            return new Detection(lower, kept == null ? 0 : Math.min(current, kept.current()), embedding);
        }

        /**
         * The signs as {@code kept} reads them (the message with its denials set aside), and the message at most as current
         * as there: what a message denies only dilutes what it tells ("leg giving out more every day, bladder ok"), and the
         * denials, set aside, still say that nothing is happening now. Nothing at all when {@code kept} is null.
         */
        public Detection signsOf(Detection kept) {
            if (kept == null) return atMost(null);
            return new Detection(kept.signs(), Math.min(current, kept.current()), embedding);
        }

        /** This reading with these signs read as absent. */
        public Detection without(Set<String> ids) {
            Map<String, Double> kept = new LinkedHashMap<>(signs);
            for (String id : ids) kept.computeIfPresent(id, (k, p) -> 0.0);
            return new Detection(kept, current, embedding);
        }

        public double strongest() {
            return signs.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    private final SafetyModel model;
    private final Embedder embedder;
    private final Map<String, Integer> ngramIndex;

    public RedFlagDetector(SafetyModel model, Embedder embedder) {
        if (!model.cues().equals(Framing.CUE_NAMES)) {
            throw new IllegalStateException("the safety model was fitted on other framing cues than the code computes; run eval --fit-safety");
        }
        this.model = model;
        this.embedder = embedder;
        this.ngramIndex = model.vocabulary() == null ? Map.of() : model.vocabulary().index();
    }

    public SafetyModel model() {
        return model;
    }

    /**
     * The text the detector embeds for a message: the whole of it, folded, contractions spelt out. It is
     * the text retrieval embeds when no word needed correcting, so the embedder's cache serves it once.
     */
    public static String wholeView(String message) {
        return folded(reading(message));
    }

    private static String folded(String read) {
        return Words.expandContractions(Words.fold(read));
    }

    /**
     * What the detector reads of a message, the message read once: {@code texts}, the message with its shorthand in
     * plain words, then its sentence views; {@code embedded}, the texts it embeds for them (the whole view first).
     */
    public record Views(List<String> texts, List<String> embedded) {
        public static Views of(String message) {
            String read = reading(message);
            String whole = folded(read);
            List<String> sentences = split(whole);
            List<String> texts = new ArrayList<>(), embedded = new ArrayList<>();
            texts.add(read);
            embedded.add(whole);
            texts.addAll(sentences);
            embedded.addAll(sentences);
            return new Views(List.copyOf(texts), List.copyOf(embedded));
        }

        /**
         * These views with what the message denies set aside, view by view ({@link Denials}); a view left with fewer
         * than three words goes. The same views when the message denies nothing; no views when it is all denial.
         */
        public Views withoutDenials() {
            List<String> texts = new ArrayList<>(), embedded = new ArrayList<>();
            boolean changed = false;
            for (int i = 0; i < this.embedded.size(); i++) {
                String view = this.embedded.get(i), kept = Denials.setAside(view);
                if (kept.equals(view)) {
                    texts.add(this.texts.get(i));
                    embedded.add(view);
                    continue;
                }
                changed = true;
                if (i == 0 && kept.isBlank()) return new Views(List.of(), List.of());
                if (i > 0 && kept.split("\\s+").length < 3) continue;
                texts.add(kept);
                embedded.add(kept);
            }
            return changed ? new Views(List.copyOf(texts), List.copyOf(embedded)) : this;
        }

        /** What the message tells of now and what it tells that is not ({@link NotNow}), read from the whole message. */
        public NotNow.Split past() {
            return NotNow.split(embedded.get(0));
        }

        /** A text of the message's own as views: itself and its sentences. */
        static Views ofFolded(String folded) {
            if (folded.isBlank()) return new Views(List.of(), List.of());
            List<String> views = new ArrayList<>();
            views.add(folded);
            views.addAll(split(folded));
            return new Views(List.copyOf(views), List.copyOf(views));
        }
    }

    /** The message as the detector reads it: shorthand in plain words ("hx prostate CA" → "history of prostate cancer"). */
    public static String reading(String message) {
        return Shorthand.get().expand(message);
    }

    /**
     * Where a short message breaks into views: before a question that closes it ("i wet myself and cannot feel my
     * bum, does stretching help sciatica?"). Read whole, the question drowns the sign it follows.
     */
    private static final java.util.regex.Pattern QUESTION_BREAK = java.util.regex.Pattern.compile(
            "[.!;:\\n]+\\s*(?=[^.!?;:\\n]*(?:\\?|$))|" + RedFlagDetector.QUESTION_AFTER_COMMA);

    /**
     * The sentences of a long message, each a view of its own; for a short one, the part before a question that
     * closes it and that question; otherwise none.
     */
    public static List<String> sentenceViews(String message) {
        return split(wholeView(message));
    }

    private static List<String> split(String folded) {
        boolean isShort = folded.split("\\s+").length <= SENTENCE_VIEW_WORDS;
        List<String> out = new ArrayList<>();
        for (String s : (isShort ? QUESTION_BREAK : CLAUSE_BREAK).split(folded)) {
            if (s.strip().split("\\s+").length >= 3) out.add(s.strip());
        }
        return out.size() < 2 ? List.of() : out;
    }

    /**
     * What the detector reads in a message: each sign at most as strongly as in the message with its denials set
     * aside ({@link Denials}), so "no numbness, toilet is normal" is not read as numbness and the toilet.
     */
    public Detection detect(String message) {
        return detect(Read.of(message, embedder));
    }

    /** The same, with what is not happening now already read from the message's {@link #wholeView}. */
    public Detection detect(String message, NotNow.Split notNow) {
        return detect(Read.of(message, notNow, embedder));
    }

    /**
     * A message as the detector embeds it: its views as written ({@code views}); with its denials set aside
     * ({@code denied}, the same views when it denies nothing); and, when it tells something that is not happening now
     * ({@link NotNow}: an episode that is over, a supposition, someone else's history), what it tells of now with its
     * denials set aside ({@code present}) and the rest ({@code over}); both null otherwise.
     */
    public record Read(Embedded views, Embedded denied, Embedded present, Embedded over) {
        /** Views and their embeddings. */
        public record Embedded(Views views, List<float[]> vectors) {
            boolean isEmpty() {
                return views.texts().isEmpty();
            }
        }

        public static Read of(String message, Embedder embedder) {
            Views v = Views.of(message);
            return of(v, v.past(), embedder);
        }

        /** The same, with what is not happening now already read from the message's {@link #wholeView}. */
        public static Read of(String message, NotNow.Split notNow, Embedder embedder) {
            return of(Views.of(message), notNow, embedder);
        }

        private static Read of(Views v, NotNow.Split past, Embedder embedder) {
            Map<String, float[]> cache = new LinkedHashMap<>();
            Function<Views, Embedded> embed = views -> new Embedded(views,
                    views.embedded().stream().map(s -> cache.computeIfAbsent(s, embedder::embed)).toList());
            Embedded asWritten = embed.apply(v);
            Views withoutDenials = v.withoutDenials();
            Embedded denied = withoutDenials == v ? asWritten : embed.apply(withoutDenials);
            if (past.over().isEmpty()) return new Read(asWritten, denied, null, null);
            return new Read(asWritten, denied, embed.apply(Views.ofFolded(past.present()).withoutDenials()), embed.apply(Views.ofFolded(past.over())));
        }
    }

    /**
     * The reading of a message already embedded: as written, each sign no stronger than with its denials set aside; and
     * a sign that what is not happening now ({@link NotNow}) tells at least as strongly as the rest of it, no stronger than in
     * the rest ("couldn't pee for a day years ago, never happened since, my back's just stiff").
     */
    public Detection detect(Read r) {
        Detection asWritten = detect(r.views());
        Detection denied = r.denied() == r.views() ? asWritten : asWritten.signsOf(detect(r.denied()));
        if (r.present() == null) return denied;
        Detection present = asWritten.atMost(detect(r.present()));
        Detection over = detect(r.over());
        Map<String, Double> signs = new LinkedHashMap<>();
        denied.signs().forEach((id, p) -> {
            double now = present.signs().getOrDefault(id, 0.0);
            double then = over == null ? 0 : over.signs().getOrDefault(id, 0.0);
            signs.put(id, then >= now ? Math.min(p, now) : p);
        });
        // the framing stays as the message reads without its denials: what is over no longer carries a sign, and the rest
        // of a red flag told beside an old episode reads no less current for it
        return new Detection(signs, denied.current(), asWritten.embedding());
    }

    /** The reading of these views, or null when there are none (a message all denied or over). */
    private Detection detect(Read.Embedded e) {
        return e.isEmpty() ? null : detect(e.views().texts(), e.vectors());
    }

    /** From embeddings already computed: the message and its sentences (the whole message first), and their embeddings. */
    public Detection detect(List<String> texts, List<float[]> views) {
        double[] best = new double[model.signs().size()];
        int strongestView = 0;
        double strongest = -1;
        List<Map<Integer, Double>> grams = new ArrayList<>();
        for (String t : texts) grams.add(NGrams.tfidf(NGrams.of(t), ngramIndex, model.vocabulary().idf()));
        for (int at = 0; at < views.size(); at++) {
            double[] p = model.signProbabilities(grams.get(at), views.get(at));
            for (int i = 0; i < best.length; i++) {
                best[i] = Math.max(best[i], p[i]);
                if (p[i] > strongest) {
                    strongest = p[i];
                    strongestView = at;
                }
            }
        }
        Map<String, Double> signs = new LinkedHashMap<>();
        for (int i = 0; i < best.length; i++) signs.put(model.signs().get(i).id(), best[i]);
        int framed = model.gates() != null && model.gates().framingOnSign() ? strongestView : 0;
        double current = model.framing().current(grams.get(framed), model.vocabulary().size(), Framing.cues(texts.get(framed)), views.get(framed));
        return new Detection(signs, current, views.get(0));
    }
}
