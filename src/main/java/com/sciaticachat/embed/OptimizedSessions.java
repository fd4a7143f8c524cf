package com.sciaticachat.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ONNX Runtime sessions whose graph is optimised once and kept in the user's cache folder: later starts load the
 * optimised copy as it is, skipping the optimisation (and reading the model from the jar), which is most of a model's
 * load time on a small machine. Used by the embedding model and the fine-tuned models ({@link FineTunedModel}).
 */
public final class OptimizedSessions {
    private static final Logger LOG = LoggerFactory.getLogger(OptimizedSessions.class);

    private OptimizedSessions() {}

    /** The model's bytes, read only when no optimised copy is cached. */
    @FunctionalInterface
    public interface Model {
        byte[] bytes() throws IOException;
    }

    /** What a model's sessions need besides the optimisation level (threads, configuration entries). */
    @FunctionalInterface
    public interface Configure {
        void apply(OrtSession.SessionOptions options) throws OrtException;
    }

    /** The session from {@code cached} when it is there; else the model optimised, saved there whole or not at all. */
    public static OrtSession open(OrtEnvironment env, Path cached, Model model, Configure configure) throws IOException, OrtException {
        if (Files.isRegularFile(cached)) {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
                configure.apply(options);
                return env.createSession(cached.toString(), options);
            }
        }
        byte[] bytes = model.bytes();
        Files.createDirectories(cached.getParent());
        Path partial = Files.createTempFile(cached.getParent(), "model", ".partial");
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setOptimizedModelFilePath(partial.toString());
            configure.apply(options);
            session = env.createSession(bytes, options);
        }
        // whole or not at all: a crash mid-write leaves a .partial file, never a broken model
        Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        LOG.info("Cached the optimised model in {}", cached);
        return session;
    }

    /** {@code $XDG_CACHE_HOME/sciatica-chat}, else {@code ~/.cache/sciatica-chat}: where optimised models are kept. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("sciatica-chat");
    }
}
