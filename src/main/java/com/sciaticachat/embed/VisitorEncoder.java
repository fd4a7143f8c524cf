package com.sciaticachat.embed;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question side of the sentence model, fine-tuned on visitors' questions: all-MiniLM-L6-v2 trained so that a
 * question, however it is worded ("me sciatic's at me again, would a rub help"), lands near the embedding the chat's own
 * sentence model gives the section that answers it. The sections keep the vectors the index already has (the same
 * model, untouched), so a guide nobody wrote questions for is read as well as the one the questions were written for:
 * what was learnt is how visitors ask, not which sections exist. Fitted on the shipped guide's questions and on
 * development guides (src/fit/visitor_encoder.py; docs/evaluation.md).
 *
 * <p>The model ships in the jar ({@value #MODEL}, weights stored as 8-bit integers and widened once when the session
 * loads); how its cosine joins the ranking is in {@value #SETTINGS}, fitted with it.
 */
public final class VisitorEncoder {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorEncoder.class);
    static final String MODEL = "/model/visitor-encoder.onnx";
    static final String SETTINGS = "/model/visitor-encoder.json";

    /**
     * How the encoder's reading joins the chat's ({@code search.EncoderRanking}).
     *
     * @param candidates the pipeline's best sections it reads again
     * @param scale      its cosine is multiplied by this (the temperature it was trained at, inverted)
     * @param rerank     weight of the chat's own blend score beside it, to choose among the candidates
     * @param filedThreshold   the scaled cosine above which it answers with a section staff filed questions for (below,
     *                         the chat's own reading stands)
     * @param unfiledThreshold the same for a section with few or no filed questions (a new document's)
     * @param ownStands        the chat's own confidence at which its first choice stands when the encoder picks it too,
     *                         however unsure the encoder is of a section with no filed questions (chosen on development
     *                         rounds, not fitted: docs/new-guides.md)
     * @param fitted           how, when and on what it was fitted
     */
    public record Settings(int candidates, double scale, double rerank, double filedThreshold, double unfiledThreshold,
                           double ownStands, Map<String, Object> fitted) {}

    /** Longer questions are cut (as in training; the service takes at most 500 characters). */
    public static final int MAX_TOKENS = 256;

    private static volatile VisitorEncoder bundled;

    private final Settings settings;
    private final FineTunedModel model;

    private VisitorEncoder(Settings settings, FineTunedModel model) {
        this.settings = settings;
        this.model = model;
    }

    /** The encoder in the jar, loaded on first use (about a second); an error when the jar's copy cannot be loaded. */
    public static VisitorEncoder bundled() {
        VisitorEncoder e = bundled;
        if (e == null) {
            synchronized (VisitorEncoder.class) {
                e = bundled;
                if (e == null) bundled = e = load();
            }
        }
        return e;
    }

    private static VisitorEncoder load() {
        long start = System.nanoTime();
        try {
            VisitorEncoder encoder = new VisitorEncoder(readSettings(), FineTunedModel.load("visitor-encoder", MODEL, MAX_TOKENS));
            encoder.embed("warm up");
            LOG.info("Visitor question encoder loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return encoder;
        } catch (IOException | OrtException | RuntimeException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("the visitor question encoder is part of the jar and could not be loaded", e);
        }
    }

    /** The settings as the jar has them. */
    public static Settings readSettings() throws IOException {
        try (InputStream in = FineTunedModel.resource(SETTINGS)) {
            return new ObjectMapper().readValue(in, Settings.class);
        }
    }

    public Settings settings() {
        return settings;
    }

    /** The question's embedding, unit length, in the sentence model's space. */
    public float[] embed(String question) {
        return Embedder.normalize(model.run(question));
    }
}
