package com.sciaticachat.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VisitorEncoderTest {

    @Test
    void the_settings_the_ranking_reads_are_in_range() {
        VisitorEncoder.Settings s = VisitorEncoder.bundled().settings();
        assertTrue(s.candidates() >= 2 && s.candidates() <= 20, "candidates " + s.candidates());
        assertTrue(s.scale() > 1, "scale " + s.scale());
        assertTrue(s.rerank() >= 0, "rerank " + s.rerank());
        // a cosine times the scale: a threshold at or above the scale could never be passed
        assertTrue(s.filedThreshold() > 0 && s.filedThreshold() < s.scale(), "filed threshold " + s.filedThreshold());
        assertTrue(s.unfiledThreshold() > 0 && s.unfiledThreshold() < s.scale(), "unfiled threshold " + s.unfiledThreshold());
        assertTrue(s.fitted().containsKey("how") && s.fitted().containsKey("date"), "how and when it was fitted: " + s.fitted());
    }

    @Test
    void a_question_is_a_unit_vector_in_the_sentence_models_space() {
        float[] v = VisitorEncoder.bundled().embed("does sitting all day make sciatica worse");
        assertEquals(MiniLmEmbedder.DIMENSION, v.length);
        double n = 0;
        for (float x : v) n += x * x;
        assertEquals(1.0, Math.sqrt(n), 1e-4);
        float[] empty = VisitorEncoder.bundled().embed("");
        assertEquals(MiniLmEmbedder.DIMENSION, empty.length);
    }

    /**
     * The sections keep the stock model's vectors: a visitor's wording, far from a section's own, lands nearer the
     * section that answers it, and nearer than the stock model puts it. Sections of a guide the encoder never saw.
     */
    @Test
    void a_visitors_wording_lands_nearer_the_section_that_answers_it_than_the_stock_model_puts_it() {
        MiniLmEmbedder stock = MiniLmEmbedder.shared();
        float[] answers = stock.embed("Scar Tissue and Massage - When a Scar Is Ready - Wait until the wound has fully closed, "
                + "with no scabs, stitches or weeping, usually six to eight weeks after surgery, and ask your surgeon first.");
        float[] other = stock.embed("Scar Tissue and Massage - How Scars Form - When skin is cut or torn, the body lays down "
                + "collagen fibres to close the wound quickly.");
        String question = "my stitches came out last month, is it too early for someone to rub on my c section cut";
        float[] read = VisitorEncoder.bundled().embed(question);
        float[] plain = stock.embed(question);
        assertTrue(Embedder.cosine(read, answers) > Embedder.cosine(read, other), "nearer the section that answers it");
        assertTrue(Embedder.cosine(read, answers) - Embedder.cosine(read, other) > Embedder.cosine(plain, answers) - Embedder.cosine(plain, other),
                "by more than the stock model: " + (Embedder.cosine(read, answers) - Embedder.cosine(read, other)) + " against "
                        + (Embedder.cosine(plain, answers) - Embedder.cosine(plain, other)));
    }
}
