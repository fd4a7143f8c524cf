package com.sciaticachat.embed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * An embedder whose model loads on a background thread, so the service can open its index and start
 * listening meanwhile; the first call that needs the model waits for it.
 */
public final class BackgroundEmbedder implements Embedder {
    private final CompletableFuture<Embedder> model;
    private final String modelId;
    private final int dimension;

    public BackgroundEmbedder(Supplier<Embedder> load, String modelId, int dimension) {
        this.model = ModelLoads.track(CompletableFuture.supplyAsync(load, r -> {
            Thread t = new Thread(r, "model-load");
            t.setDaemon(true);
            t.start();
        }));
        this.modelId = modelId;
        this.dimension = dimension;
    }

    /** The MiniLM model, loading in the background. */
    public static BackgroundEmbedder miniLm() {
        return new BackgroundEmbedder(MiniLmEmbedder::shared, MiniLmEmbedder.MODEL_ID, MiniLmEmbedder.DIMENSION);
    }

    private Embedder model() {
        try {
            return model.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the embedding model loaded", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedding model could not be loaded", e.getCause());
        }
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }
}
