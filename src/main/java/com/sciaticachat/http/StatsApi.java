package com.sciaticachat.http;

import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Reply;
import com.sciaticachat.inbox.UnansweredInbox;
import com.sciaticachat.stats.FeedbackLog;
import com.sciaticachat.stats.VisitorStatistics;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's statistics: what visitors asked over a range of days, as counts for the console's charts
 * and as CSV; and the newest feedback on answers. Behind the console's token like every admin route.
 */
final class StatsApi {
    static final int MAX_DAYS = 366;
    static final int DECLINED_SHOWN = 10;
    static final int SECTIONS_SHOWN = 10;

    private StatsApi() {}

    record Range(LocalDate from, LocalDate to) {}

    static void register(JavalinConfig cfg, ChatRef chat) {
        cfg.routes.get("/api/v1/admin/stats", ctx -> ctx.json(report(chat.get(), chat.insights().statistics(), range(ctx))));
        cfg.routes.get("/api/v1/admin/stats.csv", ctx -> {
            Range r = range(ctx);
            ctx.header("Content-Disposition", "attachment; filename=\"sciatica-chat-" + r.from() + "-to-" + r.to() + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(chat.insights().statistics().csv(r.from(), r.to(), statusNames()));
        });
        cfg.routes.get("/api/v1/admin/feedback", ctx -> {
            ChatService c = chat.get();
            List<Map<String, Object>> rows = new ArrayList<>();
            Range r = range(ctx);
            for (FeedbackLog.Entry e : chat.insights().feedback().newest(50, r.from(), r.to())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("time", e.time());
                row.put("question", e.question());
                row.put("sectionId", e.sectionId());
                row.put("title", title(c, e.sectionId()));
                row.put("helpful", e.helpful());
                row.put("comment", e.comment());
                rows.add(row);
            }
            ctx.json(Map.of("feedback", rows));
        });
    }

    static List<String> statusNames() {
        return Arrays.stream(Reply.Status.values()).map(Reply.Status::value).toList();
    }

    /** {@code from} and {@code to} (ISO dates, UTC) or {@code days} back from today; the last 30 days by default. */
    static Range range(Context ctx) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            String days = ctx.queryParam("days");
            LocalDate to = ctx.queryParam("to") == null ? today : LocalDate.parse(ctx.queryParam("to"));
            LocalDate from = ctx.queryParam("from") != null ? LocalDate.parse(ctx.queryParam("from"))
                    : to.minusDays((days == null ? 30 : Integer.parseInt(days)) - 1L);
            if (from.isAfter(to)) throw new ApiException(400, "invalid_range", "\"from\" must not be after \"to\"");
            if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                throw new ApiException(400, "invalid_range", "A range may span at most " + MAX_DAYS + " days");
            }
            return new Range(from, to);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ApiException(400, "invalid_range", "Dates look like 2026-12-31, and \"days\" is a whole number");
        }
    }

    private static String title(ChatService chat, String sectionId) {
        return chat.section(sectionId).map(r -> r.answer().title()).orElseGet(() -> formerTitle(sectionId));
    }

    /** A section renamed or deleted since, by the name its id spells ("…/what-to-bring": "What to bring"), which staff know. */
    static String formerTitle(String sectionId) {
        String slug = sectionId.substring(sectionId.lastIndexOf('/') + 1).replace('-', ' ').strip();
        String name = slug.isEmpty() ? sectionId : Character.toUpperCase(slug.charAt(0)) + slug.substring(1);
        return name + " (no longer in the guide)";
    }

    private static Map<String, Object> report(ChatService chat, VisitorStatistics stats, Range range) {
        VisitorStatistics.Report r = stats.report(range.from(), range.to());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", r.from().toString());
        out.put("to", r.to().toString());
        out.put("questions", r.questions());
        out.put("days", r.days());
        out.put("statuses", r.statuses());
        List<Map<String, Object>> sections = new ArrayList<>();
        r.sections().stream().filter(s -> s.asked() > 0).limit(SECTIONS_SHOWN).forEach(s -> sections.add(section(chat, s)));
        out.put("sections", sections);
        List<Map<String, Object>> rated = new ArrayList<>();
        r.sections().stream().filter(s -> s.helpful() + s.notHelpful() > 0)
                .sorted(Comparator.comparingInt((VisitorStatistics.SectionFigures s) -> s.helpful() + s.notHelpful()).reversed())
                .limit(SECTIONS_SHOWN).forEach(s -> rated.add(section(chat, s)));
        out.put("rated", rated);
        List<Map<String, Object>> declined = new ArrayList<>();
        UnansweredInbox inbox = chat.inbox();
        if (inbox != null) {
            inbox.groups().stream()
                    .filter(g -> !g.lastSeen().atZone(ZoneOffset.UTC).toLocalDate().isBefore(range.from())
                            && !g.firstSeen().atZone(ZoneOffset.UTC).toLocalDate().isAfter(range.to()))
                    .sorted(Comparator.comparingInt(UnansweredInbox.Group::count).reversed())
                    .limit(DECLINED_SHOWN)
                    .forEach(g -> declined.add(Map.of("question", g.question(), "count", g.count(), "status", g.lastStatus(),
                            "dealtWith", dealtWith(chat, g))));
        }
        out.put("declined", declined);
        return out;
    }

    /**
     * Whether staff need do nothing more about a question of the list: its group was filed or marked done, or the
     * guide now answers it confidently (a question a visitor called unhelpful is not settled by a confident answer).
     */
    static boolean dealtWith(ChatService chat, UnansweredInbox.Group g) {
        return g.done() || AdminApi.answersWell(g, chat.trace(g.question()));
    }

    private static Map<String, Object> section(ChatService chat, VisitorStatistics.SectionFigures s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sectionId", s.sectionId());
        row.put("title", title(chat, s.sectionId()));
        row.put("asked", s.asked());
        row.put("helpful", s.helpful());
        row.put("notHelpful", s.notHelpful());
        return row;
    }
}
