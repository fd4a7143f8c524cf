package com.sciaticachat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Reply;
import com.sciaticachat.inbox.Pii;
import com.sciaticachat.stats.Insights;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/v1/feedback}: a visitor says whether an answer helped, with an optional comment after
 * "not helpful". Question and comment are scrubbed of personal data before anything is kept; a "not
 * helpful" joins the staff inbox.
 */
final class Feedback {
    static final int MAX_COMMENT = 500;

    private Feedback() {}

    static Map<String, Object> take(Context ctx, ObjectMapper mapper, ChatService chat, Insights insights, String client) throws IOException {
        JsonNode body = AdminApi.object(HttpApi.body(ctx), mapper);
        JsonNode helpful = body.get("helpful");
        if (helpful == null || !helpful.isBoolean()) throw new ApiException(400, "missing_helpful", "Send \"helpful\": true or false");
        String sectionId = body.path("sectionId").asText("");
        Reply section = chat.section(sectionId).orElseThrow(() ->
                new ApiException(400, "unknown_section", "\"sectionId\" must name the section the answer came from"));
        String question = HttpApi.question(body);
        String comment = comment(body);
        String title = section.answer().title();
        // the vote is kept first: refused while the store is away (503, "try again"), it must not be counted either, or the retry
        // counts it twice and the statistics disagree with the feedback list
        String key = insights.feedback().add(Pii.scrub(question), sectionId, helpful.asBoolean(), comment.isEmpty() ? null : Pii.scrub(comment));
        insights.statistics().feedback(sectionId, helpful.asBoolean());
        if (!helpful.asBoolean()) chat.notHelpful(question, sectionId, title, client);
        return key == null ? Map.of("thanks", true) : Map.of("thanks", true, "commentKey", key);
    }

    /** The visitor's comment after a "not helpful" vote already counted: {"commentKey": ..., "comment": ...}. */
    static Map<String, Object> comment(Context ctx, ObjectMapper mapper, Insights insights) throws IOException {
        JsonNode body = AdminApi.object(HttpApi.body(ctx), mapper);
        String key = body.path("commentKey").asText("");
        String comment = comment(body);
        if (key.isEmpty() || comment.isEmpty()) {
            throw new ApiException(400, "missing_comment", "Send \"commentKey\" (from the vote's reply) and \"comment\"");
        }
        if (!insights.feedback().comment(key, Pii.scrub(comment))) {
            throw new ApiException(404, "feedback_not_found", "There is no vote waiting for a comment with that key");
        }
        return Map.of("thanks", true);
    }

    private static String comment(JsonNode body) {
        String comment = body.path("comment").isTextual() ? Questions.visible(body.get("comment").asText()) : "";
        if (comment.length() > MAX_COMMENT) {
            throw new ApiException(400, "comment_too_long", "A comment may be at most " + MAX_COMMENT + " characters");
        }
        return comment;
    }
}
