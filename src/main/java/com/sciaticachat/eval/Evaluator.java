package com.sciaticachat.eval;

import com.sciaticachat.chat.ChatService;
import com.sciaticachat.chat.Reply;
import com.sciaticachat.search.Scorer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a question set through the real chat and measures it the way a visitor would experience it:
 * an in-domain question is right only when it is <em>answered</em> with the expected section first; an
 * off-topic question is right when the chat declines; red-flag questions must alarm at the expected level,
 * questions that must not alarm must not; small talk must be recognised as such.
 */
public final class Evaluator {

    /** One question's outcome. */
    public record Outcome(EvalSet.Case c, Reply.Status status, String section, double score, boolean right, boolean inTop3,
                          boolean offered, String urgentLevel, long nanos) {}

    /** Counts per category, and the outcomes. */
    public record Report(List<Outcome> outcomes) {
        public Map<String, int[]> byCategory() {
            Map<String, int[]> out = new LinkedHashMap<>();
            for (Outcome o : outcomes) {
                int[] n = out.computeIfAbsent(o.c().category(), k -> new int[3]);
                n[0]++;
                if (o.right()) n[1]++;
                if (o.inTop3()) n[2]++;
            }
            return out;
        }

        /** The questions expecting a section. */
        private List<Outcome> inDomain() {
            return outcomes.stream().filter(o -> isRetrieval(o.c())).toList();
        }

        /** Share right among questions expecting a section. */
        public double inDomainTop1() {
            return share(inDomain(), Outcome::right);
        }

        public double inDomainTop3() {
            return share(inDomain(), Outcome::inTop3);
        }

        /**
         * Share of in-domain questions answered with a section that is not the expected one: the confident
         * wrong answer visitors complain of, worse than an honest "no match" with a way to contact the clinic.
         */
        public double inDomainWrong() {
            return share(inDomain(), o -> !o.right() && o.status() == Reply.Status.ANSWERED);
        }

        /**
         * Share of in-domain questions whose reply shows the right section, as the answer or among the related
         * sections it offers (a declined question offers the nearest ones): one click away for the visitor.
         */
        public double inDomainOffered() {
            return share(inDomain(), Outcome::offered);
        }

        public double offTopicDeclined() {
            return share(outcomes.stream().filter(o -> o.c().category().equals("offtopic")).toList(), Outcome::right);
        }

        public double redFlagRecall() {
            return share(outcomes.stream().filter(o -> o.c().category().startsWith("redflag")).toList(), Outcome::right);
        }

        public double falseAlarmRate() {
            List<Outcome> safe = outcomes.stream().filter(o -> o.c().category().equals("safe")).toList();
            return safe.isEmpty() ? Double.NaN : 1 - share(safe, Outcome::right);
        }

        public double smallTalk() {
            return share(outcomes.stream().filter(o -> o.c().category().equals("smalltalk")).toList(), Outcome::right);
        }

        public long percentileMicros(double p) {
            long[] t = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
            if (t.length == 0) return 0;
            return t[Math.min(t.length - 1, (int) Math.ceil(p * t.length) - 1)] / 1000;
        }

        private static double share(List<Outcome> list, java.util.function.Predicate<Outcome> ok) {
            return list.isEmpty() ? Double.NaN : list.stream().filter(ok).count() / (double) list.size();
        }
    }

    static boolean isRetrieval(EvalSet.Case c) {
        return !c.expectsNoAnswer() && !c.category().startsWith("redflag") && !c.category().equals("safe")
                && !c.category().equals("smalltalk");
    }

    private final ChatService chat;

    public Evaluator(ChatService chat) {
        this.chat = chat;
    }

    public Report run(EvalSet set) {
        // warm the JIT on slightly different text, so the timed pass is neither cold nor served from the embedding cache
        for (EvalSet.Case c : set.cases()) chat.trace(c.question() + " ...");
        List<Outcome> out = new ArrayList<>();
        for (EvalSet.Case c : set.cases()) {
            long start = System.nanoTime();
            ChatService.Trace t = chat.trace(c.question());
            long nanos = System.nanoTime() - start;
            Reply r = t.reply();
            String section = r.answer() == null ? null : r.answer().sectionId();
            List<Scorer.Ranked> ranked = t.scored() == null ? List.of() : t.scored().ranked();
            boolean top3 = ranked.stream().limit(3).anyMatch(x -> EvalSet.matches(c, x.sectionId()));
            String level = r.urgent() == null ? null : r.urgent().level();
            boolean right = switch (c.category()) {
                case "offtopic" -> r.status() == Reply.Status.NO_MATCH;
                case "redflag-emergency" -> "emergency".equals(level);
                case "redflag-see_doctor" -> "see_doctor".equals(level);
                case "safe" -> level == null;
                case "smalltalk" -> r.status() == Reply.Status.SMALLTALK;
                default -> r.status() == Reply.Status.ANSWERED && EvalSet.matches(c, section);
            };
            String shown = section != null ? section : ranked.isEmpty() ? null : ranked.get(0).sectionId();
            boolean offered = (section != null && EvalSet.matches(c, section))
                    || r.related().stream().anyMatch(x -> EvalSet.matches(c, x.sectionId()));
            out.add(new Outcome(c, r.status(), shown, t.confidence(), right, top3, offered, level, nanos));
        }
        return new Report(out);
    }

    /** The table staff read: per category, the misses with what came back, latency percentiles. */
    public static void print(Report report, String name, PrintStream out) {
        out.println("Evaluation of " + name + ": " + report.outcomes().size() + " questions");
        out.println();
        out.printf(Locale.ROOT, "  %-22s %6s %8s %8s%n", "category", "n", "right", "in top 3");
        report.byCategory().forEach((cat, n) -> out.printf(Locale.ROOT, "  %-22s %6d %7.1f%% %7s%n", cat, n[0],
                100.0 * n[1] / n[0], isRetrievalCategory(cat) ? String.format(Locale.ROOT, "%.1f%%", 100.0 * n[2] / n[0]) : "-"));
        out.println();
        line(out, "In-domain answered right first", report.inDomainTop1());
        line(out, "In-domain right in top 3", report.inDomainTop3());
        line(out, "In-domain answered wrong", report.inDomainWrong());
        line(out, "In-domain right section in the reply", report.inDomainOffered());
        line(out, "Off-topic declined", report.offTopicDeclined());
        line(out, "Red flags caught at the right level", report.redFlagRecall());
        line(out, "False alarms on safe questions", report.falseAlarmRate());
        line(out, "Small talk recognised", report.smallTalk());
        out.printf(Locale.ROOT, "  Latency per question (whole pipeline): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                report.percentileMicros(0.50) / 1000.0, report.percentileMicros(0.95) / 1000.0, report.percentileMicros(0.99) / 1000.0);
        List<Outcome> misses = report.outcomes().stream().filter(o -> !o.right()).toList();
        if (!misses.isEmpty()) {
            out.println();
            out.println("Misses (" + misses.size() + "):");
            for (Outcome o : misses) {
                out.printf(Locale.ROOT, "  [%s] %s%n      expected %s, got %s%s (score %.2f)%n", o.c().category(), o.c().question(),
                        o.c().expectsNoAnswer() ? "no answer" : String.join("|", o.c().expected()),
                        o.status(), o.section() == null ? "" : (o.status() == Reply.Status.NO_MATCH ? " (best: " + shortId(o.section()) + ")"
                                : " " + shortId(o.section())), o.score())
                        ;
                if (o.urgentLevel() != null || o.c().category().startsWith("redflag")) {
                    out.printf("      urgent level: %s%n", o.urgentLevel());
                }
            }
        }
    }

    private static boolean isRetrievalCategory(String cat) {
        return !Arrays.asList("offtopic", "redflag-emergency", "redflag-see_doctor", "safe", "smalltalk").contains(cat);
    }

    private static void line(PrintStream out, String label, double v) {
        if (!Double.isNaN(v)) out.printf(Locale.ROOT, "  %-38s %6.1f%%%n", label + ":", 100 * v);
    }

    static String shortId(String id) {
        int slash = id.indexOf('/');
        return slash >= 0 ? id.substring(slash + 1) : id;
    }
}
