package com.sciaticachat.embed;

/** Turns text into a unit-length vector; similar meanings give vectors with a high dot product. */
public interface Embedder {

    float[] embed(String text);

    int dimension();

    /** Names the model, so an index built with another model is rebuilt rather than misread. */
    String modelId();

    /** Dot product of two unit vectors: their cosine similarity. */
    static float cosine(float[] a, float[] b) {
        float dot = 0f;
        for (int i = 0; i < a.length; i++) dot += a[i] * b[i];
        return dot;
    }

    static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        if (norm == 0) return out;
        for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
        return out;
    }
}
