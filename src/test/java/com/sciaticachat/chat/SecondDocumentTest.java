package com.sciaticachat.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sciaticachat.config.Config;
import com.sciaticachat.support.TestFiles;
import com.sciaticachat.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clinic's fixture corpus with a second document, a neck-pain guide, dropped in and nothing else touched. The
 * conversation must stay with the document it is about.
 */
class SecondDocumentTest {
    private static TestServer server;
    private static ChatService chat;

    @BeforeAll
    static void start() throws Exception {
        Path corpus = TestFiles.copyOf(TestFiles.bundledCorpus());
        Files.copy(Path.of(SecondDocumentTest.class.getResource("/guides/neck-pain.md").toURI()), corpus.resolve("neck-pain.md"));
        server = TestServer.start(corpus, Config.defaults());
        chat = server.app.chat();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void a_follow_up_that_points_back_stays_with_the_document_just_shown() {
        Reply r = chat.ask("what causes it?", null, null, List.of(new ChatService.Turn("tell me about neck pain", "neck-pain/symptoms-of-neck-pain")));
        assertEquals("neck-pain/common-causes", r.answer() == null ? r.status().value() : r.answer().sectionId());
    }
}
