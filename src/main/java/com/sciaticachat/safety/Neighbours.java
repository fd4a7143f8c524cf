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
 * <p>Beside the phrasings it holds the visitor questions the model learnt as ordinary traffic (those it
 * reads as calm): the other way round, a message whose nearest messages are nearly all ordinary visitor
 * questions is asked like them ("how many sessions before I feel anything?"), not checked for an emergency.
 *
 * <p>The embeddings are written by {@code eval --fit-safety} beside the model (8 bits per dimension, one
 * scale per message) and used only when they were made from the phrasings the model was fitted on.
 */
public final class Neighbours {
    public static final String FILE_NAME = "safety-neighbours.bin";
    private static final String RESOURCE = "/model/" + FILE_NAME;
    private static final int MAGIC = 0x53434e32; // "SCN2"

    /** What a stored message is. */
    public enum Kind { CALM_PHRASING, RED_FLAG_PHRASING, ORDINARY_QUESTION }

    private final Kind[] kinds;
    /** The embeddings one after another, as floats again (about 12 MB for the shipped messages). */
    private final float[] vectors;
    private final int dim;
    private final String questionsFingerprint;
    private final int ordinaryQuestions;

    private Neighbours(Kind[] kinds, float[] vectors, int dim, String questionsFingerprint) {
        this.kinds = kinds;
        this.vectors = vectors;
        this.dim = dim;
        this.questionsFingerprint = questionsFingerprint;
        int n = 0;
        for (Kind k : kinds) if (k == Kind.ORDINARY_QUESTION) n++;
        this.ordinaryQuestions = n;
    }

    /** Which visitor questions the ordinary ones were taken from ({@link #fingerprint(List)}). */
    public String questionsFingerprint() {
        return questionsFingerprint;
    }

    /** How many ordinary visitor questions it holds. */
    public int ordinaryQuestions() {
        return ordinaryQuestions;
    }

    /** The stored embedding of the {@code i}-th message: the phrasings first, in their file's order, then the questions. */
    public float[] vector(int i) {
        return java.util.Arrays.copyOfRange(vectors, i * dim, (i + 1) * dim);
    }

    /**
     * The similarity-weighted share of red flags among the {@code k} phrasings nearest to an embedding
     * (unit length, as the sentence model gives them).
     */
    public double redShare(float[] embedding, int k) {
        return redShare(embedding, k, false);
    }

    /** The same share among the {@code k} nearest of the phrasings and the ordinary visitor questions together. */
    public double redShareWithQuestions(float[] embedding, int k) {
        return redShare(embedding, k, true);
    }

    private double redShare(float[] embedding, int k, boolean withQuestions) {
        int count = kinds.length;
        int n = Math.min(k, count);
        double[] best = new double[n];
        boolean[] bestRed = new boolean[n];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int i = 0, from = 0; i < count; i++, from += dim) {
            if (!withQuestions && kinds[i] == Kind.ORDINARY_QUESTION) continue;
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
            bestRed[at] = kinds[i] == Kind.RED_FLAG_PHRASING;
        }
        double all = 0, reds = 0;
        for (int j = 0; j < n; j++) {
            double w = Math.max(0, best[j]);
            all += w;
            if (bestRed[j]) reds += w;
        }
        return all == 0 ? 0 : reds / all;
    }

    /** A fingerprint of a list of messages (their text, in order). */
    public static String fingerprint(List<String> messages) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            for (String m : messages) {
                md.update(m.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return java.util.HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The file's bytes for these messages' embeddings and kinds: the phrasings (in their order) and the
     * ordinary visitor questions, with the fingerprints of both.
     */
    public static byte[] write(String phrasingsFingerprint, String questionsFingerprint, List<float[]> embeddings, List<Kind> kinds) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeUTF(phrasingsFingerprint);
            out.writeUTF(questionsFingerprint);
            out.writeInt(embeddings.size());
            out.writeInt(embeddings.isEmpty() ? 0 : embeddings.get(0).length);
            for (int i = 0; i < embeddings.size(); i++) {
                float[] e = embeddings.get(i);
                float max = 0;
                for (float x : e) max = Math.max(max, Math.abs(x));
                float s = max == 0 ? 1 : max / 127f;
                out.writeByte(kinds.get(i).ordinal());
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
            String questions = in.readUTF();
            int count = in.readInt(), dim = in.readInt();
            Kind[] kinds = new Kind[count];
            float[] vectors = new float[count * dim];
            byte[] row = new byte[dim];
            for (int i = 0; i < count; i++) {
                kinds[i] = Kind.values()[in.readByte()];
                float scale = in.readFloat();
                in.readFully(row);
                for (int d = 0; d < dim; d++) vectors[i * dim + d] = row[d] * scale;
            }
            return new Neighbours(kinds, vectors, dim, questions);
        } catch (IOException e) {
            return null;
        }
    }
}
