package com.sciaticachat.safety;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The bundled phrasings as the sentence model places them, for a second opinion where the detector is
 * unsure: when most of a message's nearest phrasings (weighed by how near) are red flags, the message is
 * one too, whatever its framing model was unsure of. The linear models weigh every word and dimension
 * the same everywhere; the nearest phrasings are local, so a red flag told in a voice close to ones the
 * phrasings hold is recognised as such, and a calm message close to calm mirrors is not.
 *
 * <p>The embeddings are written by {@code eval --fit-safety} beside the model (8 bits per dimension, one
 * scale per phrasing) and used only when they were made from the phrasings the model was fitted on.
 */
public final class Neighbours {
    public static final String FILE_NAME = "safety-neighbours.bin";
    private static final String RESOURCE = "/model/" + FILE_NAME;
    private static final int MAGIC = 0x53434e31; // "SCN1"

    private final boolean[] red;
    /** The embeddings one after another, as floats again (about 10 MB for the shipped phrasings). */
    private final float[] vectors;
    private final int dim;

    private Neighbours(boolean[] red, float[] vectors, int dim) {
        this.red = red;
        this.vectors = vectors;
        this.dim = dim;
    }

    /**
     * The similarity-weighted share of red flags among the {@code k} phrasings nearest to an embedding
     * (unit length, as the sentence model gives them).
     */
    public double redShare(float[] embedding, int k) {
        int count = red.length;
        int n = Math.min(k, count);
        double[] best = new double[n];
        boolean[] bestRed = new boolean[n];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int i = 0, from = 0; i < count; i++, from += dim) {
            // four running sums, so the loop need not wait on one (the JIT cannot reorder a float sum itself)
            float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int d = 0;
            for (; d + 3 < dim; d += 4) {
                s0 += vectors[from + d] * embedding[d];
                s1 += vectors[from + d + 1] * embedding[d + 1];
                s2 += vectors[from + d + 2] * embedding[d + 2];
                s3 += vectors[from + d + 3] * embedding[d + 3];
            }
            for (; d < dim; d++) s0 += vectors[from + d] * embedding[d];
            float s = (s0 + s1) + (s2 + s3);
            if (s <= best[n - 1]) continue;
            int at = n - 1;
            while (at > 0 && best[at - 1] < s) {
                best[at] = best[at - 1];
                bestRed[at] = bestRed[at - 1];
                at--;
            }
            best[at] = s;
            bestRed[at] = red[i];
        }
        double all = 0, reds = 0;
        for (int j = 0; j < n; j++) {
            double w = Math.max(0, best[j]);
            all += w;
            if (bestRed[j]) reds += w;
        }
        return all == 0 ? 0 : reds / all;
    }

    /** The file's bytes for these phrasings' embeddings (in the phrasings' order) and whether each is a red flag. */
    public static byte[] write(String phrasingsFingerprint, List<float[]> embeddings, List<Boolean> redFlags) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeUTF(phrasingsFingerprint);
            out.writeInt(embeddings.size());
            out.writeInt(embeddings.isEmpty() ? 0 : embeddings.get(0).length);
            for (int i = 0; i < embeddings.size(); i++) {
                float[] e = embeddings.get(i);
                float max = 0;
                for (float x : e) max = Math.max(max, Math.abs(x));
                float s = max == 0 ? 1 : max / 127f;
                out.writeBoolean(redFlags.get(i));
                out.writeFloat(s);
                for (float x : e) out.writeByte(Math.round(x / s));
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Loaded(String fingerprint, Neighbours neighbours) {}

    private static volatile Loaded bundled;

    /** The bundled embeddings when they were made from these phrasings, else null; read once. */
    public static Neighbours bundled(String phrasingsFingerprint) {
        Loaded l = bundled;
        if (l == null || !l.fingerprint().equals(phrasingsFingerprint)) {
            synchronized (Neighbours.class) {
                l = bundled;
                if (l == null || !l.fingerprint().equals(phrasingsFingerprint)) bundled = l = new Loaded(phrasingsFingerprint, read(phrasingsFingerprint));
            }
        }
        return l.neighbours();
    }

    private static Neighbours read(String phrasingsFingerprint) {
        try (InputStream raw = Neighbours.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) return null;
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw));
            if (in.readInt() != MAGIC || !in.readUTF().equals(phrasingsFingerprint)) return null;
            int count = in.readInt(), dim = in.readInt();
            boolean[] red = new boolean[count];
            float[] vectors = new float[count * dim];
            byte[] row = new byte[dim];
            for (int i = 0; i < count; i++) {
                red[i] = in.readBoolean();
                float scale = in.readFloat();
                in.readFully(row);
                for (int d = 0; d < dim; d++) vectors[i * dim + d] = row[d] * scale;
            }
            return new Neighbours(red, vectors, dim);
        } catch (IOException e) {
            return null;
        }
    }
}
