package com.sciaticachat.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 (quantized) running in-process through ONNX Runtime; the model ships inside the jar,
 * so no network is needed. One instance per process ({@link #shared()}): the model lives in native memory.
 *
 * <p>Recent texts are cached: rebuilding the index after a small edit only embeds what changed, and a
 * question many visitors ask is embedded once.
 */
public final class MiniLmEmbedder implements Embedder {
    private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
    private static final int CACHE_SIZE = 4096;
    public static final String MODEL_ID = "all-minilm-l6-v2-q";
    public static final int DIMENSION = 384;

    private static volatile MiniLmEmbedder shared;

    private final EmbeddingModel model;
    private final Map<String, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private MiniLmEmbedder() {
        long start = System.nanoTime();
        this.model = loadModel();
        model.embed("warm up");
        LOG.info("Embedding model all-MiniLM-L6-v2 (quantized) loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** The optimised copy from the user's cache when possible; the stock loader when the cache cannot be used. */
    private static EmbeddingModel loadModel() {
        try {
            return OptimizedModel.load(OptimizedSessions.defaultCacheDir());
        } catch (Exception | UnsatisfiedLinkError e) {
            LOG.warn("Could not use the model cache ({}); loading the model from the jar", e.toString());
            return new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
    }

    /** The process-wide model, loaded on first use (about half a second). */
    public static MiniLmEmbedder shared() {
        MiniLmEmbedder local = shared;
        if (local == null) {
            synchronized (MiniLmEmbedder.class) {
                local = shared;
                if (local == null) shared = local = new MiniLmEmbedder();
            }
        }
        return local;
    }

    /** Always runs the model (benchmarks measure this; the service uses {@link #embed}). */
    public float[] embedUncached(String text) {
        try {
            return Embedder.normalize(model.embed(text).content().vector());
        } catch (IllegalArgumentException nothingToRead) {
            // the model refuses text it reads as nothing (a sentence of replacement characters): near nothing at all
            return new float[DIMENSION];
        }
    }

    @Override
    public float[] embed(String text) {
        synchronized (cache) {
            float[] hit = cache.get(text);
            if (hit != null) return hit;
        }
        float[] vector = embedUncached(text);
        synchronized (cache) {
            cache.put(text, vector);
        }
        return vector;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String modelId() {
        return MODEL_ID;
    }
}
