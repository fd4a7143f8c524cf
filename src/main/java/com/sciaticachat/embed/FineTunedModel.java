package com.sciaticachat.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the sentence models fine-tuned for the chat and shipped in the jar (the safety second reader, the visitor
 * question encoder): all-MiniLM-L6-v2's graph reading {@code input_ids} and {@code attention_mask}, its weights stored as
 * 8-bit integers and widened once when the session loads, and the sentence model's tokenizer, cut at the length the
 * model was trained on. The session is optimised once and kept in the user's cache ({@link OptimizedSessions}); one
 * thread on the caller's, as the embedder.
 */
public final class FineTunedModel {
    private static final Logger LOG = LoggerFactory.getLogger(FineTunedModel.class);
    /** The sentence model's tokenizer, from the embedding model's jar. */
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final String name;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final int maxTokens;

    private FineTunedModel(String name, OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, int maxTokens) {
        this.maxTokens = maxTokens;
        this.name = name;
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
    }

    /**
     * The model at {@code resource} in the jar, known by {@code name} (its cached copy's name, and in errors).
     *
     * @param maxTokens longer texts are cut (the model was trained on at most this many)
     */
    public static FineTunedModel load(String name, String resource, int maxTokens) throws IOException, OrtException {
        try (InputStream in = resource(resource)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            return new FineTunedModel(name, env, session(env, name, in.readAllBytes()), tokenizer(maxTokens), maxTokens);
        }
    }

    /** The tokenizer the fine-tuned models read with, cut at {@code maxTokens}; also for their fitting. */
    public static HuggingFaceTokenizer tokenizer(int maxTokens) throws IOException {
        try (InputStream in = resource(TOKENIZER)) {
            return HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "true",
                    "maxLength", String.valueOf(maxTokens)));
        }
    }

    /** A file of the jar; an error naming it when it is not there. */
    public static InputStream resource(String name) throws IOException {
        InputStream in = FineTunedModel.class.getResourceAsStream(name);
        if (in == null) throw new IOException("the jar has no " + name);
        return in;
    }

    /** The model's (first) output for a text, and whether it read all of it (a longer text is cut at the most tokens it takes). */
    public record Output(float[] values, boolean whole) {}

    /** The model's (first) output for one text. */
    public float[] run(String text) {
        return read(text).values();
    }

    /** The model's (first) output for one text, and whether the text was read whole, from one encoding of it. */
    public Output read(String text) {
        long[] ids = tokenizer.encode(text == null ? "" : text).getIds();
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        try (OnnxTensor in = OnnxTensor.createTensor(env, new long[][] {ids});
             OnnxTensor attention = OnnxTensor.createTensor(env, new long[][] {mask});
             OrtSession.Result r = session.run(Map.of("input_ids", in, "attention_mask", attention))) {
            return new Output(((float[][]) r.get(0).getValue())[0], ids.length < maxTokens);
        } catch (OrtException e) {
            throw new IllegalStateException("the " + name + " model failed on a text", e);
        }
    }

    /**
     * The session, from the cache when it holds this very model (its name and a hash of its bytes), else optimised and
     * cached; without the cache when it cannot be used.
     */
    private static OrtSession session(OrtEnvironment env, String name, byte[] model) throws OrtException {
        OptimizedSessions.Configure configure = options -> {
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.disable_quant_qdq", "1");
        };
        try {
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model), 0, 8);
            Path cached = OptimizedSessions.defaultCacheDir().resolve(name + "-" + key + ".ort-1.20.0.optimized.onnx");
            return OptimizedSessions.open(env, cached, () -> model, configure);
        } catch (IOException | NoSuchAlgorithmException | OrtException e) {
            LOG.warn("Could not use the model cache for {} ({}); loading it from the jar", name, e.toString());
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                configure.apply(options);
                return env.createSession(model, options);
            }
        }
    }
}
