package com.sciaticachat.safety;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.embed.FineTunedModel;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second opinion on what the phrase rules and the detector find: all-MiniLM-L6-v2 fine-tuned, as a whole, on the
 * labelled phrasings to tell each sign told as happening now from a calm message (denied, over, someone's history,
 * supposed, asked about, a harmless sense). Unlike the detector's sentence embedding, which is fixed, its attention
 * was trained on exactly those differences. It reads only messages the rules or the detector already found something in
 * ({@link Triage}), so an ordinary question never pays for it.
 *
 * <p>The model ships in the jar ({@value #MODEL}, weights stored as 8-bit integers and widened once when the session
 * loads); its classes and thresholds are in {@value #SETTINGS}, fitted with it (see docs/safety.md).
 */
public final class SecondReader {
    private static final Logger LOG = LoggerFactory.getLogger(SecondReader.class);
    static final String MODEL = "/model/safety-reader.onnx";
    static final String SETTINGS = "/model/safety-reader.json";
    /** The class of messages with no sign told as happening now. */
    public static final String CALM = "calm";

    /**
     * @param classes    the model's outputs in order: {@value #CALM}, then sign ids of {@code safety.yml}
     * @param veto       an alarm the reader reads as calm at least this surely becomes the check question
     * @param confirm    a check question whose sign the reader reads at least this surely becomes the alarm
     * @param dismiss    a check question for a message the reader reads as calm at least this surely is not asked
     * @param maxTokens  longer messages are cut (the model was trained on at most this many)
     * @param phrasings  the fingerprint of the phrasings it was fitted on ({@link Phrasings#fingerprint()})
     * @param questions  the fingerprint of the visitor questions it learnt as calm ({@link Neighbours#fingerprint})
     */
    public record Settings(List<String> classes, double veto, double confirm, double dismiss, int maxTokens, String phrasings, String questions) {}

    /**
     * What the reader makes of a message: how surely it is calm, its likeliest sign told as happening now, and whether it
     * read all of the message (a long one is cut at {@code maxTokens}: a sign told after that is not in its reading).
     */
    public record Opinion(double calm, String sign, double signProbability, boolean whole) {}

    private static volatile SecondReader bundled;

    private final Settings settings;
    private final FineTunedModel model;

    private SecondReader(Settings settings, FineTunedModel model) {
        this.settings = settings;
        this.model = model;
    }

    /** The reader in the jar, loaded on first use (about a second); an error when the jar's copy cannot be loaded. */
    public static SecondReader bundled() {
        SecondReader r = bundled;
        if (r == null) {
            synchronized (SecondReader.class) {
                r = bundled;
                if (r == null) bundled = r = load();
            }
        }
        return r;
    }

    private static SecondReader load() {
        long start = System.nanoTime();
        try {
            Settings settings = readSettings();
            SecondReader reader = new SecondReader(settings, FineTunedModel.load("safety-reader", MODEL, settings.maxTokens()));
            reader.opinion("warm up");
            LOG.info("Safety second reader loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return reader;
        } catch (IOException | ai.onnxruntime.OrtException | RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("the safety second reader is part of the jar and could not be loaded", e);
        }
    }

    /** The reader's classes and thresholds, as the jar has them. */
    static Settings readSettings() throws IOException {
        try (InputStream in = FineTunedModel.resource(SETTINGS)) {
            return new ObjectMapper().readValue(in, Settings.class);
        }
    }

    public Settings settings() {
        return settings;
    }

    /** The probability of each class for a message. */
    public Map<String, Double> read(String message) {
        return probabilities(model.run(message));
    }

    private Map<String, Double> probabilities(float[] p) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < p.length && i < settings.classes().size(); i++) out.put(settings.classes().get(i), (double) p[i]);
        return out;
    }

    /** How surely a message is calm, and the sign it most likely tells of. */
    public Opinion opinion(String message) {
        FineTunedModel.Output read = model.read(message);
        Map<String, Double> p = probabilities(read.values());
        String best = null;
        double top = -1;
        for (Map.Entry<String, Double> e : p.entrySet()) {
            if (e.getKey().equals(CALM)) continue;
            if (e.getValue() > top) {
                top = e.getValue();
                best = e.getKey();
            }
        }
        return new Opinion(p.getOrDefault(CALM, 0.0), best, Math.max(0, top), read.whole());
    }
}
