package com.sciaticachat.eval;

import java.util.Arrays;

/**
 * Logistic and softmax regression with an L2 penalty, fitted by full-batch gradient descent with Adam:
 * small and dependency-free, for the few thousand labelled messages the safety models
 * learn from. Rows are sparse (the n-grams a message has, then dense parts such as its embedding) and
 * end with a constant 1 (the bias), which is not penalised. Each epoch sums the rows' gradients on every core.
 */
final class Logistic {
    static final double RATE = 0.05;

    private Logistic() {}

    /** One row of weights per class of a softmax model over sparse rows (as {@link #binarySparse}). */
    static double[][] softmaxSparse(int[][] idx, double[][] val, int dim, int[] y, int classes, double[] weight, double l2, int epochs) {
        int n = idx.length;
        double[][] w = new double[classes][dim], m = new double[classes][dim], v = new double[classes][dim];
        double total = Arrays.stream(weight).sum();
        int chunks = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int epoch = 1; epoch <= epochs; epoch++) {
            double[][] grad = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(chunk -> {
                double[][] g = new double[classes][dim];
                double[] p = new double[classes];
                for (int i = chunk; i < n; i += chunks) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < classes; c++) {
                        double z = 0;
                        for (int k = 0; k < idx[i].length; k++) z += w[c][idx[i][k]] * val[i][k];
                        p[c] = z;
                        max = Math.max(max, z);
                    }
                    double sum = 0;
                    for (int c = 0; c < classes; c++) sum += p[c] = Math.exp(p[c] - max);
                    for (int c = 0; c < classes; c++) {
                        double err = (p[c] / sum - (y[i] == c ? 1 : 0)) * weight[i] / total;
                        for (int k = 0; k < idx[i].length; k++) g[c][idx[i][k]] += err * val[i][k];
                    }
                }
                return g;
            }).reduce((a, b) -> {
                for (int c = 0; c < classes; c++) for (int k = 0; k < dim; k++) a[c][k] += b[c][k];
                return a;
            }).orElseThrow();
            for (int c = 0; c < classes; c++) {
                for (int k = 0; k < dim - 1; k++) grad[c][k] += l2 * w[c][k];
                adam(w[c], grad[c], m[c], v[c], epoch);
            }
        }
        return w;
    }

    /**
     * Weights of a binary model over sparse rows: row i has values {@code val[i]} at columns {@code idx[i]}
     * (the bias column, {@code dim - 1}, included).
     */
    static double[] binarySparse(int[][] idx, double[][] val, int dim, boolean[] y, double[] weight, double l2, int epochs) {
        int n = idx.length;
        double[] w = new double[dim], m = new double[dim], v = new double[dim], grad = new double[dim];
        double total = Arrays.stream(weight).sum();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int k = 0; k < idx[i].length; k++) z += w[idx[i][k]] * val[i][k];
                double err = (1 / (1 + Math.exp(-z)) - (y[i] ? 1 : 0)) * weight[i] / total;
                for (int k = 0; k < idx[i].length; k++) grad[idx[i][k]] += err * val[i][k];
            }
            for (int k = 0; k < dim - 1; k++) grad[k] += l2 * w[k];
            adam(w, grad, m, v, epoch);
        }
        return w;
    }

    private static void adam(double[] w, double[] grad, double[] m, double[] v, int t) {
        double b1 = 0.9, b2 = 0.999;
        double c1 = 1 - Math.pow(b1, t), c2 = 1 - Math.pow(b2, t);
        for (int k = 0; k < w.length; k++) {
            m[k] = b1 * m[k] + (1 - b1) * grad[k];
            v[k] = b2 * v[k] + (1 - b2) * grad[k] * grad[k];
            w[k] -= RATE * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
        }
    }
}
