package com.sciaticachat.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sciaticachat.Application;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Explanation;
import com.sciaticachat.config.Config;
import com.sciaticachat.corpus.Corpus;
import com.sciaticachat.corpus.CorpusError;
import com.sciaticachat.corpus.CorpusException;
import com.sciaticachat.embed.MiniLmEmbedder;
import com.sciaticachat.index.IndexBuilder;
import com.sciaticachat.search.LiveIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * {@code java -jar sciatica-chat.jar [command] [options]}: serve (the default), index, ask.
 * Exit codes: 0 done, 1 the work failed (a corpus mistake, a failed check), 2 bad usage.
 */
public final class Main {
    static final int OK = 0, FAILED = 1, USAGE = 2, RUNNING = -1;

    private static final String USAGE_TEXT = """
            Sciatica Chat: answers visitors' questions about sciatica from the clinic's own documents.

            Usage: java -jar target/sciatica-chat.jar [command] [options]

            Commands:
              serve   Start the chat service (the default command).
              index   Build the index from the corpus and print a summary.
              check   Check the corpus for mistakes without changing anything.
              ask     Answer one question and print the reply as the API would.
              eval    Run a question set through the chat and report its accuracy.

            Run 'java -jar target/sciatica-chat.jar <command> --help' for a command's options.
            """;

    private static final Map<String, String> COMMAND_HELP = Map.of(
            "serve", """
                    Usage: java -jar target/sciatica-chat.jar serve [--port N] [--corpus DIR] [--index DIR] [--web DIR]
                                                                    [--min-confidence X]

                    Starts the service: the demo page at http://localhost:PORT/, the widget at /widget.js, the API at
                    /api/v1/ask. Builds the index first when it is missing or older than the corpus.

                      --port N             HTTP port (default 7070, or PORT)
                      --corpus DIR         the clinic's Markdown documents (default corpus, or CORPUS_DIR)
                      --index DIR          where the index lives (default index, or INDEX_DIR)
                      --web DIR            serve the widget from DIR instead of the copy in the jar (or WEB_DIR)
                      --min-confidence X   answers below this confidence (0-1) become "no match" (default 0.6)

                    Environment: ALLOWED_ORIGINS (sites that may embed the chat, comma-separated), CLINIC_NAME,
                    CLINIC_CONTACT (phone or URL offered when there is no answer), DISCLAIMER.
                    """,
            "index", """
                    Usage: java -jar target/sciatica-chat.jar index [--corpus DIR] [--index DIR] [--dry-run]

                    Checks the corpus and builds the index. Prints a summary; on mistakes prints
                    'file:line: message' for each and exits 1, leaving the previous index as it was.
                    --dry-run checks without writing (the same as the check command).
                    """,
            "check", """
                    Usage: java -jar target/sciatica-chat.jar check [--corpus DIR]

                    Checks every corpus file (Markdown, synonyms, topics not covered, safety rules, small talk)
                    and that every known red flag still alarms, without changing anything. Prints
                    'file:line: message' for each mistake and exits 1, or says the corpus is ready.
                    """,
            "ask", """
                    Usage: java -jar target/sciatica-chat.jar ask [--corpus DIR] [--index DIR] [--explain] "question"

                    Answers one question and prints the reply JSON exactly as POST /api/v1/ask returns it.
                    --explain also prints how the question was read and the five best sections with their scores.
                    """,
            "eval", """
                    Usage: java -jar target/sciatica-chat.jar eval [FILE] [--corpus DIR] [--index DIR] [--split tune|holdout|all] [thresholds]

                    Runs labelled questions through the real chat and prints accuracy per category, the misses
                    with what came back, and latency percentiles. Without FILE, runs the question and safety sets
                    that come with the chat. FILE is tab-separated: split, category, expected section (or level),
                    question; categories: paraphrase, lay, typo, section, item, story, offtopic, smalltalk,
                    redflag-emergency, redflag-see_doctor, safe. A section is its id as the API returns it
                    (document/heading-slug; a document's lead paragraph is document/intro) or the part after the
                    slash. --corpus DIR measures a copy of the corpus (a new guide, say) instead of corpus/.

                    Thresholds (exit 1 when a measure is below its minimum or above its maximum):
                      --min-top1 X          in-domain questions answered with the right section first (0-1)
                      --min-top3 X          in-domain questions with the right section in the top 3
                      --min-declined X      off-topic questions declined
                      --min-redflag X       red-flag questions alarmed at the right level
                      --max-false-alarm X   questions that must not alarm but did
                      --min-smalltalk X     small talk recognised
                      --fit                 refit the confidence of filed sections to the chosen questions and write
                                            the scorer's weights (src/main/resources/model/scorer-weights.json, or --out FILE)
                      --fit-ranking         the same, refitting the ranking and the confidence of sections nobody
                                            filed questions for (for developers; run it before --fit)
                      --followups           FILE holds follow-up pairs (kind, first question, its section, follow-up,
                                            its section): each follow-up asked after its first turn, and alone
                      --baselines           compare with plain BM25, English BM25, dense alone, and this pipeline
                                            without the staff's synonyms, alternate and visitors' questions and
                                            topics not covered

                    A question that is also filed in the corpus's visitor-questions.txt is answered by an index
                    built without it (cross-validation), never by its own copy:
                      --folds N             how many parts the filed questions are split into (default 5)

                    Safety (the red-flag triage, with the corpus's safety.yml):
                      --safety              run a safety set (FILE, or the bundled phrasings the detector learnt
                                            from): per sign, red flags alarmed by the rules alone, the detector
                                            alone and both (as the chat runs them, with the second reader); per
                                            calm kind, false alarms, check questions, cautions.
                                            FILE is tab-separated: message, label (sign id or calm kind), who, voice.
                        --misses            also list every message the chat got wrong
                        --min-redflag X     exit 1 when fewer red flags alarm at the right level
                        --max-false-alarm X exit 1 when more calm messages alarm
                      --fit-safety          fit the red-flag detector and framing model on the bundled phrasings
                                            (for developers); writes --out (default
                                            src/main/resources/model/safety-model.json)
                        --neighbours-only   only remake its nearest-neighbours file (the phrasings and the
                                            visitor questions embedded again; a few minutes)
                    """);

    private Main() {}

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err, System.getenv());
        if (code == RUNNING) return;
        // a model still loading in native code when the JVM exits can crash it (a failed start): let the loads finish
        com.sciaticachat.embed.ModelLoads.settle(java.time.Duration.ofSeconds(60));
        System.exit(code);
    }

    static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        if (!args.isEmpty() && List.of("--help", "-h", "help").contains(args.get(0))) {
            out.print(USAGE_TEXT);
            return OK;
        }
        String command = args.isEmpty() || args.get(0).startsWith("-") ? "serve" : args.get(0);
        List<String> rest = args.isEmpty() || args.get(0).startsWith("-") ? args : args.subList(1, args.size());
        if (!COMMAND_HELP.containsKey(command)) {
            err.println("Unknown command '" + command + "'.");
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Args parsed;
        try {
            parsed = Args.parse(rest, Set.of("port", "corpus", "index", "web", "min-confidence", "split", "min-top1", "min-top3",
                    "min-declined", "min-redflag", "max-false-alarm", "min-smalltalk", "folds", "out"),
                    Set.of("help", "fit", "fit-ranking", "explain", "dry-run", "baselines", "safety", "fit-safety", "neighbours-only", "misses", "followups"));
            if (parsed.flags().containsKey("help")) {
                out.print(COMMAND_HELP.get(command));
                return OK;
            }
            int maxPositional = command.equals("ask") || command.equals("eval") ? 1 : 0;
            if (command.equals("ask") ? parsed.positional().size() != 1 : parsed.positional().size() > maxPositional) {
                throw new Args.UsageException(command.equals("ask") ? "ask takes one question, in quotes"
                        : "unexpected argument '" + parsed.positional().get(0) + "'");
            }
        } catch (Args.UsageException e) {
            err.println("Error: " + e.getMessage() + ".");
            err.print(COMMAND_HELP.get(command));
            return USAGE;
        }
        Config config;
        try {
            config = Config.from(parsed.flags(), env);
        } catch (Config.ConfigException e) {
            err.println("Error: " + e.getMessage() + ".");
            return USAGE;
        }
        try {
            return switch (command) {
                case "serve" -> serve(config, err);
                case "index" -> parsed.flags().containsKey("dry-run") ? check(config, out, err) : index(config, out, err);
                case "check" -> check(config, out, err);
                case "ask" -> ask(config, parsed.positional().get(0), parsed.flags().containsKey("explain"), out, err);
                case "eval" -> EvalCommand.run(config, parsed, out, err);
                default -> USAGE;
            };
        } catch (LiveIndex.StartupException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("Error: " + ioMessage(e));
            return FAILED;
        }
    }

    private static int serve(Config config, PrintStream err) throws LiveIndex.StartupException, IOException {
        // a mistyped folder is a setting to fix, not a corpus to create and serve an old index for (a replica on a shared
        // store fills an empty folder from the store, so it may start without one)
        if (!config.database().shared() && !java.nio.file.Files.isDirectory(config.corpusDir())) {
            err.println("Error: the corpus folder " + config.corpusDir() + " does not exist; check --corpus or CORPUS_DIR"
                    + " (the folder with the clinic's documents).");
            return FAILED;
        }
        // SIGTERM: stop taking connections, let requests in flight finish (SHUTDOWN_GRACE_SECONDS), close the
        // inbox, the statistics and the index, and exit 0: a stop asked for is not a failure. Registered before
        // the start, so a stop that comes while the service starts is clean too.
        java.util.concurrent.atomic.AtomicReference<Application> running = new java.util.concurrent.atomic.AtomicReference<>();
        Thread hook = new Thread(() -> {
            int status = 0;
            try {
                Application app = running.get();
                if (app != null) app.close();
            } catch (IOException | RuntimeException e) {
                err.println("Error while stopping: " + e.getMessage());
                status = 1;
            }
            err.flush();
            Runtime.getRuntime().halt(status);
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            running.set(Application.start(config));
        } catch (com.sciaticachat.store.StoreException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            // the embedded store's file is locked by another service on the same index folder: the database settings are not the cause
            boolean locked = !config.database().shared() && String.valueOf(e.getMessage()).contains("locked");
            err.println("Error: " + e.getMessage() + (locked
                    ? ". Another service is probably running on the same index folder (" + config.indexDir() + "): stop it, or give this one its own --index."
                    : ". Check DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD."));
            return FAILED;
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("Error: the service could not listen on port " + config.port() + " (" + rootMessage(e) + ").");
            return FAILED;
        } catch (LiveIndex.StartupException | IOException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
        return RUNNING;
    }

    private static int index(Config config, PrintStream out, PrintStream err) throws IOException {
        Corpus corpus;
        try {
            corpus = Application.corpusReader(config).read(config.corpusDir());
        } catch (CorpusException e) {
            printErrors(e.errors(), err);
            err.println("The index was not changed.");
            return FAILED;
        }
        Files.createDirectories(config.indexDir());
        try (Directory dir = FSDirectory.open(config.indexDir())) {
            IndexBuilder.Summary s = new IndexBuilder(MiniLmEmbedder.shared()).build(corpus, dir);
            out.printf("Indexed %d document%s, %d sections (%d units) from %s into %s in %d ms.%n", s.documents(),
                    s.documents() == 1 ? "" : "s", s.sections(), s.units(), config.corpusDir(), config.indexDir(), s.millis());
            return OK;
        } catch (LockObtainFailedException e) {
            err.println("The index folder " + config.indexDir() + " is in use by a running service or another 'index' command; "
                    + "a running service picks up corpus changes by itself.");
            return FAILED;
        }
    }

    private static int check(Config config, PrintStream out, PrintStream err) {
        try {
            com.sciaticachat.index.CorpusReader.Reading r = Application.corpusReader(config)
                    .read(config.corpusDir(), com.sciaticachat.search.LiveIndex.lastServed(config.indexDir(), MiniLmEmbedder.MODEL_ID));
            Corpus corpus = r.corpus();
            List<CorpusError> warnings = new java.util.ArrayList<>(r.warnings());
            // the warnings of what would be served meanwhile (broken files set aside) are worth reading beside the mistakes
            if (corpus != null) {
                com.sciaticachat.embed.Embedder embedder = MiniLmEmbedder.shared();
                warnings.addAll(com.sciaticachat.index.NewContent.warnings(com.sciaticachat.index.NewContent.find(corpus, embedder::embed),
                        corpus.folder()));
            }
            if (!r.errors().isEmpty()) {
                printErrors(r.errors(), warnings, err);
                return FAILED;
            }
            warnings.forEach(w -> out.println(w));
            out.printf("The corpus is ready: %d document%s, %d sections; its settings files and safety rules are fine%s.%n",
                    corpus.documents().size(), corpus.documents().size() == 1 ? "" : "s", corpus.sections().size(),
                    warnings.isEmpty() ? "" : " (" + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s")
                            + " above: worth a look, nothing is blocked)");
            return OK;
        } catch (CorpusException e) {
            printErrors(e.errors(), err);
            return FAILED;
        }
    }

    private static int ask(Config config, String question, boolean explain, PrintStream out, PrintStream err)
            throws LiveIndex.StartupException, IOException {
        String q = question.strip();
        if (q.isEmpty() || q.codePointCount(0, q.length()) > 500) {
            err.println("Error: the question must have 1 to 500 characters.");
            return USAGE;
        }
        try (Application app = Application.open(config)) {
            ChatService.Trace trace = app.chat().trace(q);
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(trace.reply()));
            if (explain) {
                out.println();
                out.print(Explanation.of(trace).text());
            }
            return OK;
        }
    }

    static void printErrors(List<CorpusError> errors, PrintStream err) {
        printErrors(errors, List.of(), err);
    }

    /** The mistakes, then the warnings, then how many of each. */
    static void printErrors(List<CorpusError> errors, List<CorpusError> warnings, PrintStream err) {
        errors.forEach(e -> err.println(e));
        warnings.forEach(w -> err.println(w));
        err.println((errors.size() == 1 ? "1 mistake" : errors.size() + " mistakes") + " in the corpus"
                + (warnings.isEmpty() ? "." : ", and " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s") + "."));
    }

    /** An I/O failure in words: Java's own message for a refused folder is only its path. */
    static String ioMessage(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return a.getFile() + " cannot be written or read by this user (permission denied); give the service's user access to it, or choose another folder";
        }
        if (e instanceof java.nio.file.NoSuchFileException n) return n.getFile() + " does not exist";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getFile() + ": " + f.getReason();
        return e.getMessage();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
