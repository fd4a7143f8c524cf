package com.sciaticachat.safety;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For developers refitting the {@link SecondReader} (src/fit/safety_reader.py): the token ids of each line of a text
 * file, one line of space-separated ids per line, cut at the reader's length, exactly as the reader tokenizes a message at run
 * time. {@code java -cp target/sciatica-chat.jar com.sciaticachat.safety.ReaderTokens IN OUT}
 */
public final class ReaderTokens {
    private ReaderTokens() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ReaderTokens IN OUT (one text per line in, one line of token ids per line out)");
            System.exit(2);
        }
        try (HuggingFaceTokenizer tokenizer = com.sciaticachat.embed.FineTunedModel.tokenizer(SecondReader.readSettings().maxTokens());
             BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                StringBuilder ids = new StringBuilder();
                for (long id : tokenizer.encode(line).getIds()) ids.append(ids.isEmpty() ? "" : " ").append(id);
                out.println(ids);
            }
        }
    }
}
