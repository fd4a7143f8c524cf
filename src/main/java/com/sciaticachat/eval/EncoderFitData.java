package com.sciaticachat.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.Application;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Reply;
import com.sciaticachat.config.Config;
import com.sciaticachat.embed.FineTunedModel;
import com.sciaticachat.embed.VisitorEncoder;
import com.sciaticachat.search.EncoderRanking;
import com.sciaticachat.search.Features;
import com.sciaticachat.search.Scorer;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For developers refitting the {@link VisitorEncoder} (src/fit/visitor_encoder.py), which reads what the chat itself
 * computes: {@code java -cp target/sciatica-chat.jar com.sciaticachat.eval.EncoderFitData}
 * <ul>
 * <li>{@code tokens IN OUT}: each line's token ids, as the encoder tokenizes a question;</li>
 * <li>{@code sections CORPUS OUT}: each section of a corpus with its title and its own units' vectors, as indexed;</li>
 * <li>{@code pipeline CORPUS OUT FILE...}: each question of the files with the chat's ranking (without the encoder),
 * its confidence and its reply.</li>
 * </ul>
 */
public final class EncoderFitData {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The ranked sections written per question. */
    private static final int RANKED = 10;

    private EncoderFitData() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !List.of("tokens", "sections", "pipeline").contains(args[0])) {
            System.err.println("usage: EncoderFitData tokens IN OUT | sections CORPUS OUT | pipeline CORPUS OUT FILE...");
            System.exit(2);
        }
        switch (args[0]) {
            case "tokens" -> tokens(Path.of(args[1]), Path.of(args[2]));
            case "sections" -> sections(Path.of(args[1]), Path.of(args[2]));
            default -> pipeline(Path.of(args[1]), Path.of(args[2]), args);
        }
    }

    private static void tokens(Path in, Path out) throws IOException {
        try (HuggingFaceTokenizer tokenizer = FineTunedModel.tokenizer(VisitorEncoder.MAX_TOKENS);
             BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                StringBuilder ids = new StringBuilder();
                for (long id : tokenizer.encode(line).getIds()) ids.append(ids.isEmpty() ? "" : " ").append(id);
                w.println(ids);
            }
        }
    }

    private static Application open(Path corpus) throws Exception {
        Path index = Files.createTempDirectory("encoder-fit-index");
        return Application.open(Config.defaults().withDirs(corpus, index));
    }

    private static void sections(Path corpus, Path out) throws Exception {
        try (Application app = open(corpus); PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            app.index().withSnapshot(snapshot -> {
                Map<String, List<float[]>> vectors = EncoderRanking.sectionVectors(snapshot);
                snapshot.catalog().sections().values().forEach(s -> {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("id", s.id());
                    o.put("parent", s.parentId());
                    o.put("path", s.path());
                    o.put("vectors", vectors.getOrDefault(s.id(), List.of()));
                    w.println(write(o));
                });
                return null;
            });
        }
    }

    private static void pipeline(Path corpus, Path out, String[] args) throws Exception {
        try (Application app = open(corpus); PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            ChatService chat = app.chat().withoutEncoderRanking();
            for (int i = 3; i < args.length; i++) {
                Path file = Path.of(args[i]);
                for (EvalSet.Case c : EvalSet.read(file).cases()) {
                    ChatService.Trace t = chat.trace(c.question());
                    Reply r = t.reply();
                    List<Object> ranked = new ArrayList<>();
                    if (t.scored() != null) {
                        for (Scorer.Ranked x : t.scored().ranked().stream().limit(RANKED).toList()) {
                            ranked.add(List.of(x.sectionId(), x.score(), Features.unfiled(x.hit())));
                        }
                    }
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("file", file.getFileName().toString());
                    o.put("line", c.line());
                    o.put("category", c.category());
                    o.put("expected", c.expected());
                    o.put("question", c.question());
                    o.put("status", r.status().toString());
                    o.put("confidence", t.scored() == null ? 0 : t.scored().confidence());
                    o.put("filed", t.scored() != null && t.scored().filedUnder() != null);
                    o.put("ranked", ranked);
                    w.println(write(o));
                }
            }
        }
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
