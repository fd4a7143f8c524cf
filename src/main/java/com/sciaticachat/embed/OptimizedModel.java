package com.sciaticachat.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * all-MiniLM-L6-v2 (quantized) with its ONNX graph optimised once and kept in the user's cache folder
 * ({@code $XDG_CACHE_HOME/sciatica-chat} or {@code ~/.cache/sciatica-chat}): later starts skip inflating
 * the 23 MB model from the jar and re-optimising it, which is most of the model's load time on a small
 * machine. Same model, same mean pooling as langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel}.
 */
final class OptimizedModel extends AbstractInProcessEmbeddingModel {
    static final String MODEL = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder encoder;

    private OptimizedModel(OnnxBertBiEncoder encoder) {
        super(Runnable::run);
        this.encoder = encoder;
    }

    /** Loads the model, from the cache when an optimised copy is there, else optimising and caching it. */
    static OptimizedModel load(Path cacheDir) throws IOException, OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = OptimizedSessions.open(env, cacheDir.resolve("all-minilm-l6-v2-q.ort-1.20.0.optimized.onnx"), () -> {
            try (InputStream in = resource(MODEL)) {
                return in.readAllBytes();
            }
        }, OptimizedModel::threading);
        try (InputStream tokenizer = resource(TOKENIZER)) {
            return new OptimizedModel(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
        }
    }

    /**
     * One thread per inference, on the caller's thread. A question is a dozen tokens: splitting it over
     * ONNX Runtime's own pool gains nothing, and the pool's threads keep spinning after each run, taking
     * the cores from the Java work that follows (and from the other requests, and from the index build's
     * own threads). Measured on the 2-core build machine: embedding a question 1.3 to 1.7 ms instead of
     * 2.3 to 2.9, the rest of the pipeline 1.0 to 1.3 ms instead of 1.8 to 2.1, building the index 2.6 to
     * 2.9 s instead of 4.3 to 4.5; the vectors are the same to the bit.
     */
    private static void threading(OrtSession.SessionOptions options) throws OrtException {
        options.setIntraOpNumThreads(1);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OptimizedModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IOException(name + " is missing from the classpath (it comes with the embedding model jar)");
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return MiniLmEmbedder.DIMENSION;
    }
}
