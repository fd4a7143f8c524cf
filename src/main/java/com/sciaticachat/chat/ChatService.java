package com.sciaticachat.chat;

import com.sciaticachat.analysis.AskingPart;
import com.sciaticachat.analysis.Durations;
import com.sciaticachat.analysis.Language;
import com.sciaticachat.analysis.OtherLanguage;
import com.sciaticachat.analysis.Shorthand;
import com.sciaticachat.analysis.SpanishGloss;
import com.sciaticachat.analysis.Specifics;
import com.sciaticachat.analysis.QuestionAnalyzer.AnalyzedQuestion;
import com.sciaticachat.corpus.Block;
import com.sciaticachat.embed.Embedder;
import com.sciaticachat.embed.VisitorEncoder;
import com.sciaticachat.search.EncoderRanking;
import com.sciaticachat.index.SectionRecord;
import com.sciaticachat.safety.RedFlagDetector;
import com.sciaticachat.safety.SafetyConfig;
import com.sciaticachat.safety.SafetyModel;
import com.sciaticachat.safety.SafetyRules;
import com.sciaticachat.safety.SecondReader;
import com.sciaticachat.safety.Triage;
import com.sciaticachat.safety.Crisis;
import com.sciaticachat.safety.SmallTalk;
import com.sciaticachat.search.Highlighter;
import com.sciaticachat.search.LiveIndex;
import com.sciaticachat.search.Retriever;
import com.sciaticachat.search.Scorer;
import com.sciaticachat.search.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import com.sciaticachat.inbox.Pii;
import com.sciaticachat.inbox.UnansweredInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Question in, {@link Reply} out: the whole chat without HTTP. Every reply carries the disclaimer.
 * Questions are logged only at DEBUG; above it, only what happened (status, section, score, time).
 */
public final class ChatService {
    private static final Logger LOG = LoggerFactory.getLogger(ChatService.class);
    /** A runner-up this close to the answer is offered first among the related sections. */
    private static final double CLOSE = 0.2;
    private static final int MAX_RELATED = 3;

    /** A section in a listing. */
    public record SectionSummary(String id, String title, List<String> path) {}

    /** The full reasoning behind a reply, for staff and the evaluation. */
    public record Trace(Reply reply, AnalyzedQuestion question, Scorer.Scored scored, List<Candidate> candidates) {
        public double confidence() {
            return scored == null ? 0 : scored.confidence();
        }
    }

    /**
     * One of the best-ranked sections and why it ranked there: the blended score and its parts, the
     * question's words it contains, and the unit (text, item, heading or alternate question) that matched
     * it most closely in meaning.
     */
    public record Candidate(String sectionId, String title, double score, double cosine, double coverage, double bm25,
                            double learnt, List<String> matchedWords, String closestUnitKind, String closestUnitText) {}

    private static final int CANDIDATES = 5;

    private final LiveIndex index;
    private final Embedder embedder;
    private final Retriever retriever;
    private final Scorer scorer;
    private final Highlighter highlighter;
    private final Messages messages;
    private final double minConfidence;
    private final UnansweredInbox inbox;
    private final RedFlagDetector detector;
    private final boolean encoderRanking;
    private final AnswerCache answers = new AnswerCache();
    /** Whether a question of the conversation raised the alarm, by index generation and question (bounded; null: no alarm). */
    private final com.github.benmanes.caffeine.cache.Cache<String, java.util.Optional<Triage.Verdict>> alarms =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(AnswerCache.MAX_ENTRIES).build();
    private final AskLog log = AskLog.shared();

    /** The visitor's answer to the check question. */
    public enum CheckAnswer { YES, NO }

    /** Answers below this confidence are recorded for staff even though they were given (above the default threshold). */
    public static final double WEAK_ANSWER = 0.85;

    public ChatService(LiveIndex index, Embedder embedder, Retriever retriever, Scorer scorer, Messages messages,
                       double minConfidence) {
        this(index, embedder, retriever, scorer, messages, minConfidence, null);
    }

    /** @param inbox where unanswered and weakly answered visitor questions are recorded for staff, or null */
    public ChatService(LiveIndex index, Embedder embedder, Retriever retriever, Scorer scorer, Messages messages,
                       double minConfidence, UnansweredInbox inbox) {
        this(index, embedder, retriever, scorer, messages, minConfidence, inbox, true);
    }

    private ChatService(LiveIndex index, Embedder embedder, Retriever retriever, Scorer scorer, Messages messages,
                        double minConfidence, UnansweredInbox inbox, boolean encoderRanking) {
        this.encoderRanking = encoderRanking;
        this.inbox = inbox;
        this.index = index;
        this.embedder = embedder;
        this.retriever = retriever;
        this.scorer = scorer;
        this.highlighter = new Highlighter();
        this.messages = messages;
        this.minConfidence = minConfidence;
        this.detector = new RedFlagDetector(SafetyModel.bundled(), embedder);
    }

    /** The same chat over another index (a draft's), recording nothing for staff. */
    public ChatService over(LiveIndex other) {
        return new ChatService(other, embedder, retriever, scorer, messages, minConfidence, null, encoderRanking);
    }

    /**
     * The same chat without the visitor question encoder's last look ({@link EncoderRanking}), recording nothing for
     * staff: for fitting that look and for measuring what it adds.
     */
    public ChatService withoutEncoderRanking() {
        return new ChatService(index, embedder, retriever, scorer, messages, minConfidence, null, false);
    }

    /** The clinic's phone or page offered when there is no answer ({@code CLINIC_CONTACT}); empty when none is set. */
    public String contact() {
        return messages.contact();
    }

    /**
     * A visitor's question: answered, and recorded for staff when the chat had no good answer, unless staff
     * already filed this very question (as not covered, say): it has been seen to.
     */
    public Reply ask(String question) {
        return ask(question, null);
    }

    /** A question, with the visitor's answer to the check question the chat asked about it (or null). */
    public Reply ask(String question, CheckAnswer check) {
        return ask(question, check, null);
    }

    /** The same, from a client (its address, for the inbox's per-client share; null when unknown). */
    public Reply ask(String question, CheckAnswer check, String client) {
        return ask(question, check, client, List.of());
    }

    /**
     * A turn of the conversation the visitor saw: their question, and the section it was answered with (null
     * when none). The widget sends the last few; the service keeps nothing between questions.
     */
    public record Turn(String question, String sectionId) {}

    /** At most this many turns are read; the widget sends no more. */
    public static final int MAX_HISTORY = 5;

    /**
     * The same, in a conversation: {@code history} holds the turns before, oldest first. A question asked
     * before of the same index, after the same answer, is answered from the cache, and counted in the inbox again.
     */
    public Reply ask(String question, CheckAnswer check, String client, List<Turn> history) {
        return ask(question, check, client, history, Language.ENGLISH);
    }

    /** The same, with the chat's own sentences and the safety messages in the visitor's language. */
    public Reply ask(String question, CheckAnswer check, String client, List<Turn> history, Language language) {
        // "yes" or "no none of those" typed after the check question answers it, as its buttons do
        Turn asked = check == null && history != null && !history.isEmpty() ? history.get(history.size() - 1) : null;
        CheckAnswer typed = asked != null && asked.sectionId() == null && asked.question() != null ? CheckReply.of(question) : null;
        if (typed != null && index.withSnapshot(snapshot -> answersTheCheck(snapshot, asked.question(), question, typed))) {
            return answered(asked.question(), typed, client, history, language);
        }
        return answered(question, check, client, history, language);
    }

    private Reply answered(String question, CheckAnswer check, String client, List<Turn> history, Language language) {
        long generation = index.generation();
        Turn context = context(history);
        String key = (context == null ? question : question + "\u0000" + context.sectionId() + "\u0000" + context.question())
                + (language == Language.ENGLISH ? "" : "\u0000" + language.code);
        AnswerCache.Entry cached = answers.get(key, check, generation);
        if (cached == null) {
            // the inbox's grouping words are read by the same generation that answered
            long start = System.nanoTime();
            cached = index.withSnapshot(snapshot -> {
                Trace t = traced(snapshot, question, check, context, language);
                // one line per visitor's question; staff's and the evaluation's traces are not visitors
                log.add(t.reply(), (System.nanoTime() - start) / 1_000_000, false);
                // "tell me more" and "the second one" are the conversation's own business, not a question for staff
                FollowUp.Reading reading = FollowUp.read(question);
                FollowUp.Kind kind = reading.kind();
                boolean conversational = context != null && (kind == FollowUp.Kind.MORE || kind == FollowUp.Kind.ORDINAL
                        || kind == FollowUp.Kind.OTHERS && reading.bare());
                return new AnswerCache.Entry(t.reply(), conversational ? null : forInbox(snapshot, question, t));
            });
            answers.put(key, check, generation, cached);
        } else {
            log.add(cached.reply(), 0, true);
        }
        AnswerCache.InboxEntry kept = cached.inbox();
        if (kept != null) inbox.record(kept.scrubbed(), kept.words(), kept.status(), kept.best(), client);
        return reminded(cached.reply(), history, language);
    }

    /**
     * A reply after the conversation raised the alarm, and this question did not: the warning signs told earlier, again,
     * beside it ("its fine now, can I just book a massage for tomorrow?" after numbness down there and wetting oneself).
     */
    private Reply reminded(Reply reply, List<Turn> history, Language language) {
        if (history == null || history.isEmpty() || reply.status() == Reply.Status.URGENT || reply.status() == Reply.Status.CHECK) {
            return reply;
        }
        return index.withSnapshot(snapshot -> {
            SafetyConfig safety = safety(snapshot);
            Triage triage = triage(safety);
            // every sign told in the turns before, in the order told: a weakness told after a bladder sign is kept beside it
            java.util.Set<String> signIds = new java.util.LinkedHashSet<>();
            boolean emergency = false, anyone = false, ownSelf = false;
            for (int i = Math.max(0, history.size() - MAX_HISTORY); i < history.size(); i++) {
                Turn t = history.get(i);
                if (t == null || t.question() == null || t.question().isBlank()) continue;
                Triage.Verdict v = alarms.get(index.generation() + "\u0000" + AnswerCache.normalise(t.question()), k -> {
                    Triage.Verdict assessed = triage.assess(t.question());
                    return assessed.outcome() == Triage.Outcome.URGENT ? java.util.Optional.of(assessed) : java.util.Optional.empty();
                }).orElse(null);
                if (v == null) continue;
                anyone = true;
                signIds.addAll(v.signIds());
                emergency |= v.level() == SafetyRules.Level.EMERGENCY;
                ownSelf |= !v.someoneElse();
            }
            if (!anyone) return reply;
            // worded as the alarms were: for the visitor, or, when every one was about another person, for them
            SafetyRules.Note note = !ownSelf
                    ? emergency ? SafetyRules.Note.EARLIER_EMERGENCY_OTHER : SafetyRules.Note.EARLIER_SEE_DOCTOR_OTHER
                    : emergency ? SafetyRules.Note.EARLIER_EMERGENCY : SafetyRules.Note.EARLIER_SEE_DOCTOR;
            return reply.withCaution(new Reply.Caution(safety.rules().note(note, language), safety.rules().signs(List.copyOf(signIds), language),
                    true));
        });
    }

    /** The turn a follow-up leans on: the last one that showed a section. */
    private static Turn context(List<Turn> history) {
        if (history == null) return null;
        for (int i = history.size() - 1; i >= Math.max(0, history.size() - MAX_HISTORY); i--) {
            Turn t = history.get(i);
            if (t != null && t.sectionId() != null && !t.sectionId().isBlank()) return t;
        }
        return null;
    }

    /**
     * Whether a typed yes or no answers the check question the chat put to the question before: it did put one, and
     * what the reply tells on its own raises no alarm of its own (a yes that tells a sign now, "yes, I wet myself", is
     * read as it is), and, for a no, asks about no sign the check did not ask about ("no, but now both legs are numb"
     * is read as it is; "no, I've had osteoporosis for years" after the check about osteoporosis is the no).
     */
    private boolean answersTheCheck(Snapshot snapshot, String asked, String reply, CheckAnswer typed) {
        if (Crisis.assess(reply) != null) return false;
        Triage triage = triage(safety(snapshot));
        Triage.Verdict before = triage.assess(asked);
        if (before.outcome() != Triage.Outcome.CHECK) return false;
        Triage.Verdict own = triage.assess(reply);
        if (typed == CheckAnswer.YES) return own.outcome() != Triage.Outcome.URGENT;
        boolean raises = own.outcome() == Triage.Outcome.URGENT || own.outcome() == Triage.Outcome.CHECK;
        java.util.Set<String> askedAbout = new java.util.HashSet<>(before.signIds());
        askedAbout.addAll(before.suspected());
        return !raises || askedAbout.containsAll(own.signIds()) && askedAbout.containsAll(own.suspected());
    }

    /** What the inbox keeps of an unanswered or weakly answered question (scrubbed first), or null. */
    private AnswerCache.InboxEntry forInbox(Snapshot snapshot, String question, Trace t) {
        if (inbox == null || t.question() == null || seenTo(snapshot, question, t)) return null;
        Reply r = t.reply();
        boolean unanswered = r.status() == Reply.Status.NO_MATCH;
        boolean weak = r.status() == Reply.Status.ANSWERED && t.confidence() < WEAK_ANSWER;
        if (!unanswered && !weak) return null;
        // scrubbed before anything about it is kept: the grouping words come from the scrubbed text too
        String scrubbed = Pii.scrub(question.strip());
        Set<String> words = groupingWords(snapshot, scrubbed);
        UnansweredInbox.Candidate best = t.candidates().isEmpty() ? null : new UnansweredInbox.Candidate(
                t.candidates().get(0).sectionId(), t.candidates().get(0).title(), Math.round(t.confidence() * 1000) / 1000.0);
        return new AnswerCache.InboxEntry(scrubbed, Set.copyOf(words), r.status().value(), best);
    }

    /**
     * Whether staff have seen to this very question: filed under a section (it is answered), or filed as not covered in the
     * clinic's own visitor-questions.txt. One the chat's shipped training questions file as not covered ("do you take
     * credit cards") was never the clinic's decision: it goes to the inbox, where staff may file it under their own section.
     */
    private static boolean seenTo(Snapshot snapshot, String question, Trace t) {
        String filedUnder = t.scored() == null ? null : t.scored().filedUnder();
        if (filedUnder == null) return false;
        return !filedUnder.isEmpty() || com.sciaticachat.corpus.VisitorQuestionsFile.holds(
                snapshot.settingsFile(com.sciaticachat.corpus.VisitorQuestionsFile.FILE_NAME), question);
    }

    /** The words the inbox groups a (scrubbed) question by: its meaningful stems, synonyms left out. */
    private static Set<String> groupingWords(Snapshot snapshot, String scrubbed) {
        Set<String> words = new TreeSet<>();
        snapshot.questionAnalyzer().analyze(scrubbed).content().forEach(c -> c.alternatives().stream()
                .filter(a -> !a.synonym()).findFirst().ifPresent(a -> words.addAll(a.terms())));
        return words;
    }

    /**
     * A visitor said an answer did not help: the question joins the inbox (scrubbed, grouped like any other),
     * with the section it was answered from, so staff see what to improve.
     */
    public void notHelpful(String question, String sectionId, String title, String client) {
        if (inbox == null) return;
        String scrubbed = Pii.scrub(question.strip());
        Set<String> words = index.withSnapshot(s -> groupingWords(s, scrubbed));
        inbox.record(scrubbed, Set.copyOf(words), "not_helpful", new UnansweredInbox.Candidate(sectionId, title, 0), client);
    }

    /** Answers and keeps the evidence (ranking, confidence, analysed question). */
    public Trace trace(String question) {
        return trace(question, null);
    }

    public Trace trace(String question, CheckAnswer check) {
        return trace(question, check, List.of());
    }

    /** The same, after these turns of a conversation. */
    public Trace trace(String question, CheckAnswer check, List<Turn> history) {
        return trace(question, check, history, Language.ENGLISH);
    }

    /** The same, in the visitor's language. */
    public Trace trace(String question, CheckAnswer check, List<Turn> history, Language language) {
        return index.withSnapshot(snapshot -> traced(snapshot, question, check, context(history), language));
    }

    private Trace traced(Snapshot snapshot, String question, CheckAnswer check, Turn context, Language language) {
        LOG.debug("Question: {}", question);
        return inOtherLanguage(snapshot, question, inLanguage(snapshot, question, answer(snapshot, question, check, context, language), language),
                language);
    }

    /**
     * A message mostly in a language the chat does not read (Tagalog, Vietnamese...) may tell of an emergency it cannot
     * see: an answer or "no answer" with nothing safety-related on it says which languages the chat reads and lists the
     * emergency signs with 911, as the calm caution does.
     */
    private Trace inOtherLanguage(Snapshot snapshot, String question, Trace t, Language language) {
        Reply r = t.reply();
        boolean plain = r.status() == Reply.Status.ANSWERED || r.status() == Reply.Status.NO_MATCH;
        if (!plain || r.caution() != null || r.urgent() != null || r.check() != null || !OtherLanguage.likely(question)) return t;
        SafetyRules rules = safety(snapshot).rules();
        List<String> signIds = rules.emergencySignIds();
        if (signIds.isEmpty()) return t;
        Reply.Caution c = new Reply.Caution(rules.note(SafetyRules.Note.OTHER_LANGUAGE, language), rules.signs(signIds, language));
        String said = r.status() == Reply.Status.NO_MATCH ? messages.noMatch(language) : r.reply();
        return new Trace(new Reply(r.status(), said, r.answer(), r.related(), r.urgent(), c, r.check(), r.disclaimer()), t.question(),
                t.scored(), t.candidates());
    }

    /**
     * The chat's own sentence of a reply without an answer, in the visitor's language; beside a caution about the signs
     * the question names ("how do doctors treat cauda equina?"), it points at them. A caution the question did not ask
     * about ("sore a few days, can I come Saturday?") comes under the plain "no answer" with the clinic's contact.
     */
    private Trace inLanguage(Snapshot snapshot, String question, Trace t, Language language) {
        Reply r = t.reply();
        if (language != Language.ENGLISH) {
            // the answer's own line and the disclaimer in the visitor's language too, as the API returns them
            String said = r.status() == Reply.Status.ANSWERED && r.answer() != null ? messages.answered(r.answer().title(), language) : r.reply();
            r = new Reply(r.status(), said, r.answer(), r.related(), r.urgent(), r.caution(), r.check(), messages.disclaimer(language));
            t = new Trace(r, t.question(), t.scored(), t.candidates());
        }
        if (r.status() != Reply.Status.NO_MATCH || language == Language.ENGLISH && r.caution() == null) return t;
        String said = r.caution() == null || !namesASign(snapshot, question) ? messages.noMatch(language) : messages.noMatchBesideCaution(language);
        return new Trace(new Reply(r.status(), said, r.answer(), r.related(), r.urgent(), r.caution(), r.check(),
                r.disclaimer()), t.question(), t.scored(), t.candidates());
    }

    /**
     * The red-flag triage with the clinic's safety rules of this snapshot, the learnt detector and the second reader
     * (loaded in the background from start-up; the first question waits for it if it comes sooner).
     */
    private Triage triage(SafetyConfig safety) {
        return new Triage(safety.rules(), safety.redFlags(), detector, SecondReader.bundled());
    }

    /** Whether a clinic's rule finds a sign in the message at all: told now, denied, supposed, over or asked about. */
    private static boolean namesASign(Snapshot snapshot, String question) {
        com.sciaticachat.safety.RedFlagMatcher.Reading found = safety(snapshot).redFlags().read(question);
        return found.finding() != null && !found.finding().ruleIds().isEmpty() || !found.notNow().isEmpty() || !found.signsDenied().isEmpty();
    }

    /**
     * A message too long to be answered, read only for what cannot wait: a crisis, a red flag's alarm or its check
     * question, with no section. Null when it tells of none of these (the visitor is then asked to shorten it). Nothing of
     * it is logged or kept.
     */
    public Reply warningsOnly(String message, CheckAnswer check, Language language) {
        return index.withSnapshot(snapshot -> {
            Reply crisis = crisis(message, language);
            if (crisis != null) return crisis;
            SafetyConfig safety = safety(snapshot);
            Triage.Verdict verdict = verdict(safety, message, check);
            if (verdict.outcome() == Triage.Outcome.CHECK) return checkQuestion(safety.rules(), verdict, language);
            if (verdict.outcome() != Triage.Outcome.URGENT) return null;
            Reply.Urgent urgent = redFlagAlert(safety.rules(), verdict, language);
            return new Reply(Reply.Status.URGENT, urgent.message(), null, List.of(), urgent, messages.disclaimer(language));
        });
    }

    /** A crisis the chat knows on its own (suicide, a heart attack or stroke): its reply, or null. */
    private Reply crisis(String question, Language language) {
        Crisis.Kind crisis = Crisis.assess(question);
        if (crisis == null) return null;
        Reply.Urgent urgent = new Reply.Urgent(SafetyRules.Level.EMERGENCY.value, messages.crisis(crisis, language),
                List.of(messages.crisisSign(crisis, language)), false, crisis.value);
        return new Reply(Reply.Status.URGENT, urgent.message(), null, List.of(), urgent, messages.disclaimer(language));
    }

    /** The clinic's red flags read in a message, with the visitor's answer to the check question when there is one. */
    private Triage.Verdict verdict(SafetyConfig safety, String question, CheckAnswer check) {
        Triage triage = triage(safety);
        Triage.Verdict verdict = triage.assess(question);
        if (check == CheckAnswer.YES) verdict = triage.confirm(verdict);
        if (check == CheckAnswer.NO && verdict.outcome() == Triage.Outcome.CHECK) verdict = Triage.Verdict.NONE;
        return verdict;
    }

    private Reply checkQuestion(SafetyRules rules, Triage.Verdict verdict, Language language) {
        Reply.Check asked = new Reply.Check(rules.note(verdict.level() == SafetyRules.Level.EMERGENCY ? SafetyRules.Note.CHECK
                : SafetyRules.Note.CHECK_DOCTOR, language), rules.signs(verdict.signIds(), language), verdict.level().value);
        return new Reply(Reply.Status.CHECK, asked.message(), null, List.of(), null, null, asked, messages.disclaimer(language));
    }

    private Trace answer(Snapshot snapshot, String question, CheckAnswer check, Turn context, Language language) {
        // safety first: a crisis the chat knows on its own (suicide, a heart attack or stroke), then the clinic's red
        // flags, before anything else; small talk only when there are none
        Reply crisis = crisis(question, language);
        if (crisis != null) return new Trace(crisis, null, null, List.of());
        SafetyConfig safety = safety(snapshot);
        SafetyRules rules = safety.rules();
        Triage.Verdict verdict = verdict(safety, question, check);
        if (verdict.outcome() == Triage.Outcome.CHECK) return new Trace(checkQuestion(rules, verdict, language), null, null, List.of());
        if (verdict.outcome() == Triage.Outcome.NONE) {
            SmallTalk.Intent talk = safety.smallTalk().classify(question);
            if (talk != null) {
                List<Reply.Related> topics = CLOSING_TALK.contains(talk.name()) ? List.of() : suggestions(snapshot);
                return new Trace(new Reply(Reply.Status.SMALLTALK, talk.reply(), null, topics, null, messages.disclaimer()), null, null, List.of());
            }
        }
        // "the second one" or "tell me more" with nothing shown before: say so, with topics to start from, not "no answer"
        if (context == null && verdict.outcome() == Triage.Outcome.NONE && FollowUp.needsAnAnswer(question)) {
            return new Trace(new Reply(Reply.Status.SMALLTALK, messages.nothingShownYet(language), null, suggestions(snapshot), null,
                    messages.disclaimer()), null, null, List.of());
        }
        Trace found = inContext(snapshot, question, context);
        Reply r = found.reply();
        if (verdict.outcome() == Triage.Outcome.CAUTION) {
            return new Trace(r.withCaution(new Reply.Caution(rules.note(SafetyRules.Note.CAUTION, language), rules.signs(verdict.signIds(), language))), found.question(),
                    found.scored(), found.candidates());
        }
        if (verdict.outcome() != Triage.Outcome.URGENT) return found;
        Reply.Urgent urgent = redFlagAlert(rules, verdict, language);
        return new Trace(new Reply(Reply.Status.URGENT, urgent.message(), r.answer(), r.answer() == null ? List.of() : r.related(), urgent,
                messages.disclaimer()), found.question(), found.scored(), found.candidates());
    }

    /** The alarm for the clinic's red flags a verdict found: its level, its words for whom it is about, and the signs. */
    private static Reply.Urgent redFlagAlert(SafetyRules rules, Triage.Verdict verdict, Language language) {
        return new Reply.Urgent(verdict.level().value, urgentMessage(rules, verdict, language), rules.signs(verdict.signIds(), language),
                verdict.someoneElse(), Reply.Urgent.RED_FLAG);
    }

    private static String urgentMessage(SafetyRules rules, Triage.Verdict v, Language language) {
        if (!v.someoneElse()) return rules.message(v.level(), language);
        return rules.note(v.level() == SafetyRules.Level.EMERGENCY ? SafetyRules.Note.EMERGENCY_OTHER : SafetyRules.Note.SEE_DOCTOR_OTHER, language);
    }

    /**
     * The question read in the light of the last section shown ({@link FollowUp}): "tell me more" is that
     * section again, whole; "the second one" is its second part; a question that points back ("is it
     * painful?", "and during pregnancy?") is also asked about that section's topic and the surer reading wins;
     * a question that stands alone is answered alone. Red flags and small talk were weighed on the question
     * alone before this.
     */
    private Trace inContext(Snapshot snapshot, String question, Turn context) {
        SectionRecord shown = context == null ? null : snapshot.catalog().section(context.sectionId());
        if (shown == null) return retrieve(snapshot, question);
        FollowUp.Reading reading = FollowUp.read(question);
        // beyond what was shown ("anything else besides lifting right?"): the other sections; not a bare "more", a
        // position in the list, nor other options than one part of a topic ("other areas to target?": the topic)
        boolean partOfTopic = reading.kind() == FollowUp.Kind.OTHERS && shown.parentId() != null;
        // "anything besides the foam roller?" after Self-Massage Techniques sets aside one thing the answer told of: it asks
        // for more of that answer, and the foam roller is not what it asks about
        String aside = FollowUp.setAside(question);
        if (aside != null && reading.kind() != FollowUp.Kind.ORDINAL && toldOfWithin(snapshot, aside, shown)) {
            // unless the rest names another section ("besides the roller, maybe with the little ball from tennis?")
            Trace rest = retrieveInContext(snapshot, FollowUp.withoutBesides(question));
            boolean elsewhere = rest.reply().status() == Reply.Status.ANSWERED
                    && !snapshot.catalog().isSameOrAncestor(shown.id(), rest.reply().answer().sectionId());
            if (!elsewhere) return decided(snapshot, question, shown, true);
        }
        if (!partOfTopic && reading.kind() != FollowUp.Kind.MORE && reading.kind() != FollowUp.Kind.ORDINAL && !reading.bare()
                && FollowUp.asksBeyond(question)) {
            Trace beyond = beyond(snapshot, question, shown);
            if (beyond != null) return beyond;
        }
        switch (reading.kind()) {
            case MORE: {
                // "go on" after a section that leads into what follows ("Below, I elaborate on ...", "Here are
                // some techniques:") reads on; after any other, it is that section again, whole
                SectionRecord next = leadsOn(shown) ? snapshot.catalog().next(shown.id()) : null;
                return next != null ? decided(snapshot, question, next, false) : decided(snapshot, question, shown, true);
            }
            case ORDINAL: {
                List<SectionRecord> parts = snapshot.catalog().children(shown.id());
                if (parts.isEmpty()) {
                    // a section whose list is its answer ("Causes": Herniated Disc, Spinal Stenosis, ...): "the second
                    // one" is its second item, led with
                    List<String> items = shown.blocks().stream().filter(b -> b.kind() == Block.Kind.ITEM)
                            .map(Block::plainText).toList();
                    if (items.size() < 2) {
                        // one part of a topic, with no list of its own ("Swedish Massage" after "the second one" of
                        // Massage Techniques): "and the first one?" picks from the list it is part of
                        List<SectionRecord> siblings = shown.parentId() == null ? List.of() : snapshot.catalog().children(shown.parentId());
                        SectionRecord sibling = siblings.size() >= 2 ? positionIn(siblings, reading.position()) : null;
                        return decided(snapshot, question, sibling == null ? shown : sibling, false);
                    }
                    String item = positionIn(items, reading.position());
                    return item == null ? decided(snapshot, question, shown, false) : pointedAt(snapshot, question, shown, item);
                }
                SectionRecord part = positionIn(parts, reading.position());
                return part != null ? decided(snapshot, question, part, false) : retrieveInContext(snapshot, question);
            }
            case OTHERS: {
                // other options than one part of a topic ("other areas to target?" after Low Back Attention): the
                // topic, with all its parts; after a whole section, that section again, or the question read with it
                SectionRecord topic = shown.parentId() == null ? null : snapshot.catalog().section(shown.parentId());
                if (topic != null) return decided(snapshot, question, topic, false);
                if (reading.bare()) return decided(snapshot, question, shown, true);
                return continuing(snapshot, question, shown, context);
            }
            case REFERS_BACK:
            case CONTINUES:
                return continuing(snapshot, question, shown, context);
            default: {
                // a question with nothing that points back is answered alone; only a short fragment in the
                // guide's own words that alone gets no answer ("for how long?") is asked about the topic. One
                // about something the guide does not cover ("do you take insurance?"), or in words it does not
                // know, must not get the last answer again
                Trace alone = retrieveInContext(snapshot, question);
                boolean leans = fragmentOfTheTopic(question, alone) || FollowUp.leansBack(question);
                // one that stands alone is read as a first question is, the encoder's last look included
                if (!leans) return retrieve(snapshot, question);
                if (alone.reply().status() == Reply.Status.ANSWERED) return alone;
                Trace about = retrieveInContext(snapshot, aboutTopic(question, shown));
                return about.reply().status() == Reply.Status.ANSWERED ? about : stayed(snapshot, question, shown, alone);
            }
        }
    }

    /** The thing a position picks among {@code things}, or null when it names none of them. */
    private static <T> T positionIn(List<T> things, int position) {
        int at = at(position, things.size());
        return at >= 0 && at < things.size() ? things.get(at) : null;
    }

    /** The index a position picks among {@code n} things: -1 the last, {@link FollowUp#MIDDLE} the middle one. */
    private static int at(int position, int n) {
        if (position < 0) return n - 1;
        if (position == FollowUp.MIDDLE) return n / 2;
        return position - 1;
    }

    /**
     * Whether what a follow-up sets aside is something the section shown tells of, not its subject: most of its words are
     * in the section (or its parts) and none in its heading ("the hot pack" after Lifestyle and Home Remedies; not "massage"
     * after How Massage Can Help, nor "that").
     */
    private static boolean toldOfWithin(Snapshot snapshot, String aside, SectionRecord shown) {
        if (FollowUp.pointsBack(aside)) return false;
        var concepts = snapshot.questionAnalyzer().analyze(aside).content();
        if (concepts.isEmpty()) return false;
        java.util.Set<String> title = snapshot.vocabulary().titleTermsOf(shown.id());
        if (concepts.stream().anyMatch(c -> Retriever.satisfied(c, title))) return false;
        List<String> ids = new java.util.ArrayList<>(List.of(shown.id()));
        snapshot.catalog().children(shown.id()).forEach(p -> ids.add(p.id()));
        long told = concepts.stream().filter(c -> ids.stream().anyMatch(id -> Retriever.satisfied(c, snapshot.vocabulary().termsOf(id)))).count();
        return told * 2 >= concepts.size();
    }

    /**
     * A question that asks beyond what was just shown ("anything else besides lifting right?", "what further steps
     * follow?"): answered among the other sections, read alone and with the topic, the surer reading winning;
     * null when no other section answers it.
     */
    private Trace beyond(Snapshot snapshot, String question, SectionRecord shown) {
        java.util.function.Predicate<String> dropped = id -> snapshot.catalog().isSameOrAncestor(shown.id(), id);
        // what it sets aside does not say what it asks: "other treatments besides massage?" asks about treatments
        String asked = FollowUp.withoutSetAside(question);
        // its own words still point at what was shown ("more about the strokes involved?", "what else can pinch the nerve");
        // the one retrieval is scored among all sections and among the others
        Retrieved retrieved = retrieved(snapshot, asked, false);
        Trace own = replied(snapshot, retrieved, null);
        if (own.reply().status() == Reply.Status.ANSWERED && dropped.test(own.reply().answer().sectionId())) return null;
        Trace alone = replied(snapshot, retrieved, dropped);
        Trace about = retrieveInContext(snapshot, aboutTopic(asked, shown), dropped);
        boolean a = alone.reply().status() == Reply.Status.ANSWERED, b = about.reply().status() == Reply.Status.ANSWERED;
        if (!a && !b) return null;
        if (!a) return about;
        if (!b) return alone;
        return about.confidence() > alone.confidence() ? about : alone;
    }

    /**
     * A question that continues the topic just shown: a part of it named, or else the question read alone and
     * read with the topic's title, the surer reading winning.
     */
    private Trace continuing(Snapshot snapshot, String question, SectionRecord shown, Turn context) {
        // a part of the topic just shown, named ("the tennis ball one", "what about the swedish one")
        SectionRecord named = namedPart(snapshot, question, shown);
        if (named != null) return decided(snapshot, question, named, false);
        // the follow-up's own words say what it asks ("is it safe?", "and the treatment?"); the topic says what
        // about: the topic wins only when it makes the chat surer than the words alone
        // read alone, the question is read as a first question is, the encoder's last look included: "how do i treat it"
        // after Causes asks about treatment, which the chat's own reading alone is too unsure of to say
        Trace alone = retrieve(snapshot, question);
        Trace about = retrieveInContext(snapshot, aboutTopic(question, shown));
        if (context != null && context.question() != null && !context.question().isBlank()) {
            // "can massage help with that?" after "what is piriformis syndrome": what "that" is, the question before says
            Trace asked = retrieveInContext(snapshot, question.strip() + " (" + context.question().strip() + ")");
            if (asked.reply().status() == Reply.Status.ANSWERED && !asked.reply().answer().sectionId().equals(shown.id())
                    && (about.reply().status() != Reply.Status.ANSWERED || asked.confidence() > about.confidence())) about = asked;
        }
        if (about.reply().status() != Reply.Status.ANSWERED) return alone.reply().status() == Reply.Status.ANSWERED ? alone : stayed(snapshot, question, shown, alone);
        if (alone.reply().status() != Reply.Status.ANSWERED) return about;
        // the topic shown is the document's subject: "what causes it?" after a neck-pain guide's section is about neck
        // pain, even when the question alone is surer of another document's section (the sciatica guide's Causes)
        String shownSource = shown.source();
        if (shownSource != null && shownSource.equals(about.reply().answer().source()) && !shownSource.equals(alone.reply().answer().source())) {
            return about;
        }
        return about.confidence() > alone.confidence() ? about : alone;
    }

    /**
     * A follow-up that leans on the last answer and that no reading answers ("where do i put it tho", "any
     * further options?", "during the massage or after practice?"): the conversation stays with the topic
     * just shown, as a person would, unless the question is about something the guide does not cover or in
     * words it does not know ("do you take insurance for it?"), which keeps its honest "no answer".
     */
    private Trace stayed(Snapshot snapshot, String question, SectionRecord shown, Trace alone) {
        if (!withinTheGuide(alone)) return alone;
        // "and for how long at a go?" after a section that gives no time: the kind of answer asked, as for a first question
        Specifics.Kind notGiven = Specifics.missing(alone.question().corrected(), shown.text());
        if (notGiven != null) {
            return notGiven(notGiven, List.of(new Reply.Related(shown.id(), shown.title())), alone.question(), alone.scored(), alone.candidates());
        }
        return decided(snapshot, question, shown, false);
    }

    /**
     * The one part of a whole topic just shown that the question names by a word of its heading the topic's
     * own heading does not have ("the tennis one" after Self-Massage Techniques), or, after one part, the one
     * other part of the same topic it names that way ("and the deep one?" after Swedish Massage); else null.
     */
    private SectionRecord namedPart(Snapshot snapshot, String question, SectionRecord shown) {
        List<SectionRecord> parts = snapshot.catalog().children(shown.id());
        // after one part of a topic, another part of the same topic ("and the deep one?" after Swedish Massage)
        if (parts.isEmpty() && shown.parentId() != null) {
            parts = snapshot.catalog().children(shown.parentId()).stream().filter(p -> !p.id().equals(shown.id())).toList();
        }
        if (parts.isEmpty()) return null;
        AnalyzedQuestion q = snapshot.questionAnalyzer().analyze(question);
        java.util.Set<String> own = snapshot.vocabulary().titleTermsOf(shown.id());
        SectionRecord found = null;
        for (SectionRecord part : parts) {
            java.util.Set<String> title = snapshot.vocabulary().titleTermsOf(part.id());
            boolean names = q.content().stream().anyMatch(c -> Retriever.satisfied(c, title) && !Retriever.satisfied(c, own));
            if (!names) continue;
            if (found != null) return null; // two parts named: not one of them
            found = part;
        }
        return found;
    }

    /** A closing sentence that announces what comes next. */
    private static final java.util.regex.Pattern ANNOUNCES = java.util.regex.Pattern.compile(
            "(?i)(:\\s*$)|\\b(below|as follows|the following|here are)\\b[^.!?]*[.!?]?\\s*$");

    /** The section's text ends by announcing what follows it: read on rather than repeat it. */
    static boolean leadsOn(SectionRecord section) {
        String last = closingSentence(section);
        return !last.isEmpty() && ANNOUNCES.matcher(last).find();
    }

    /** A section's last sentence ("" for an empty section). */
    private static String closingSentence(SectionRecord section) {
        String[] sentences = section.text().strip().split("(?<=[.!?])\\s+");
        return sentences[sentences.length - 1];
    }

    /** At most this many words make a fragment. */
    private static final int FRAGMENT_WORDS = 5;
    /** A fragment's words are the guide's: at least this share of their weight is words the guide uses. */
    private static final double FRAGMENT_KNOWN = 0.2;

    /** A short question in the guide's own words, about nothing the guide does not cover. */
    private static boolean fragmentOfTheTopic(String question, Trace alone) {
        return question.strip().split("\\s+").length <= FRAGMENT_WORDS && withinTheGuide(alone);
    }

    /** A question about nothing the guide does not cover, in words the guide knows (as read alone). */
    private static boolean withinTheGuide(Trace alone) {
        Scorer.Scored s = alone.scored();
        return s != null && s.filedUnder() == null && !s.aboutNotCoveredTopic() && s.notCoveredWords().isEmpty() && s.known() >= FRAGMENT_KNOWN;
    }

    /** The question with the topic of the section it leans on. */
    private static String aboutTopic(String question, SectionRecord shown) {
        return question.strip() + " (" + shown.title() + ")";
    }

    /**
     * A section the conversation itself picks ("tell me more", "the second one"); {@code whole}: asked for
     * more of it, so nothing leads (the widget shows the whole section).
     */
    private Trace decided(Snapshot snapshot, String question, SectionRecord section, boolean whole) {
        Reply.Answer picked = answer(snapshot, section, List.of(), 1.0);
        return shownAgain(snapshot, question, section, whole ? picked.withoutLead() : picked);
    }

    /** The section the conversation is about, led with one of its items. */
    private Trace pointedAt(Snapshot snapshot, String question, SectionRecord section, String item) {
        return shownAgain(snapshot, question, section, answer(snapshot, section, List.of(item), 1.0));
    }

    private Trace shownAgain(Snapshot snapshot, String question, SectionRecord section, Reply.Answer answer) {
        Trace alone = retrieveInContext(snapshot, question);
        return new Trace(new Reply(Reply.Status.ANSWERED, messages.answered(section.title()), answer, List.of(), null, messages.disclaimer()),
                alone.question(), alone.scored(), alone.candidates());
    }

    private Trace retrieve(Snapshot snapshot, String question) {
        return retrieve(snapshot, question, encoderRanking);
    }

    /**
     * A question read in the light of the last section shown: the chat's own reading alone, without the encoder's last
     * look, which reads the question alone ("where do i put it tho" would find a section of its own).
     */
    private Trace retrieveInContext(Snapshot snapshot, String question) {
        return retrieve(snapshot, question, false);
    }

    private Trace retrieveInContext(Snapshot snapshot, String question, java.util.function.Predicate<String> dropped) {
        return replied(snapshot, retrieved(snapshot, question, false), dropped);
    }

    private Trace retrieve(Snapshot snapshot, String question, boolean lastLook) {
        Retrieved whole = retrieved(snapshot, question, lastLook);
        Trace t = replied(snapshot, whole, null);
        // "my uncle had cauda equina once, i just have normal sciatica. what stretches": what the message tells beside
        // its question may pull it away from every section; its asking part alone may still be answered
        String asking = t.reply().status() == Reply.Status.NO_MATCH && whole.filed() == null ? AskingPart.of(question) : null;
        // not a part that needs what came before it ("I need a lawyer. who is the best one?"), nor one whose message
        // names what the guide does not cover ("Heel pain morning, plantar fasciitis. Massage help?")
        if (asking == null || FollowUp.read(asking).kind() != FollowUp.Kind.STANDALONE) return t;
        if (t.scored() != null && (t.scored().namesNotCovered() > 0 || t.scored().aboutNotCoveredTopic())) return t;
        Trace part = replied(snapshot, retrieved(snapshot, asking, lastLook), null);
        return part.reply().status() == Reply.Status.ANSWERED ? part : t;
    }


    /**
     * A question read and looked up: where staff filed it (or null), the question analysed, and the sections it found
     * (null when nothing in it can be read).
     */
    private record Retrieved(String filed, AnalyzedQuestion analyzed, Retriever.Retrieval retrieval, float[] visitor) {}

    private Retrieved retrieved(Snapshot snapshot, String question, boolean lastLook) {
        // first, the very question as staff filed it: where they put it decides. Retrieval still runs, for the
        // related topics and for staff to see what the chat alone would have said
        String filed = snapshot.filed().sectionFor(question);
        // a question in Spanish is read in English words: the guide and the sentence models are English; a session's
        // length in hours in minutes, as price lists give it
        String glossed = SpanishGloss.get().gloss(question);
        AnalyzedQuestion analyzed = snapshot.questionAnalyzer().analyze(Durations.inMinutes(Shorthand.get().forSearch(glossed)));
        // nothing the model can read ("???", an emoji, a lone accent): nothing to embed
        if (analyzed.corrected().isBlank()) return new Retrieved(filed, analyzed, null, null);
        float[] vector = embedder.embed(analyzed.corrected());
        Retriever.Retrieval retrieval = retriever.retrieve(snapshot, analyzed, vector, () -> {
            String guideWords = snapshot.vocabulary().inGuideWords(analyzed);
            return guideWords.equals(analyzed.corrected()) ? null : embedder.embed(guideWords);
        });
        // and, for the last look, by the visitor question encoder (loaded in the background from start-up; the first
        // question waits for it if it comes sooner)
        return new Retrieved(filed, analyzed, retrieval, lastLook ? VisitorEncoder.bundled().embed(glossed) : null);
    }

    /** The reply to a question looked up, among the sections {@code dropped} does not name (null: all). */
    private Trace replied(Snapshot snapshot, Retrieved retrieved, java.util.function.Predicate<String> dropped) {
        String filed = retrieved.filed();
        AnalyzedQuestion analyzed = retrieved.analyzed();
        Retriever.Retrieval retrieval = retrieved.retrieval();
        if (retrieval == null) {
            return new Trace(new Reply(Reply.Status.NO_MATCH, messages.noMatch(), null, List.of(), null, messages.disclaimer()),
                    analyzed, null, List.of());
        }
        Scorer.Scored scored = scorer.score(snapshot, dropped == null ? retrieval : retrieval.without(dropped));
        if (retrieved.visitor() != null) scored = new EncoderRanking(VisitorEncoder.bundled().settings()).rerank(snapshot, scored, retrieved.visitor());
        if (filed != null && dropped == null) scored = scored.filed(filed);
        Scorer.Ranked top = scored.top();
        List<Candidate> candidates = candidates(snapshot, scored);
        if (top == null || scored.confidence() < minConfidence) {
            List<Reply.Related> suggestions = top == null || !mayBeAboutTheGuide(top, scored) ? List.of() : related(snapshot, scored, null);
            return new Trace(new Reply(Reply.Status.NO_MATCH, messages.noMatch(), null, suggestions, null, messages.disclaimer()),
                    analyzed, scored, candidates);
        }
        SectionRecord section = snapshot.catalog().section(top.sectionId());
        Specifics.Kind notGiven = filed == null ? Specifics.missing(analyzed.corrected(), section.text()) : null;
        if (notGiven != null) {
            // "how much gabapentin can I take?", "microdiscectomy or laminectomy, which is better?": the section names
            // it but gives no amount, comparison, risk, product or price; it is offered, not passed off as the answer
            return notGiven(notGiven, related(snapshot, scored, null), analyzed, scored, candidates);
        }
        Reply.Answer answer = answer(snapshot, section, highlighter.highlights(snapshot, section, retrieval, top.hit()), scored.confidence());
        return new Trace(new Reply(Reply.Status.ANSWERED, messages.answered(section.title()), answer,
                related(snapshot, scored, top.sectionId()), null, messages.disclaimer()), analyzed, scored, candidates);
    }

    /** "No answer" because the section names the thing but gives no amount, comparison, risk, product or price; {@code offered} instead. */
    private Trace notGiven(Specifics.Kind kind, List<Reply.Related> offered, AnalyzedQuestion analyzed, Scorer.Scored scored,
                           List<Candidate> candidates) {
        return new Trace(new Reply(Reply.Status.NO_MATCH, messages.notGiven(kind), null, offered, null, messages.disclaimer()), analyzed,
                scored, candidates);
    }

    private static List<Candidate> candidates(Snapshot snapshot, Scorer.Scored scored) {
        return scored.ranked().stream().limit(CANDIDATES).map(r -> {
            Retriever.SectionHit h = r.hit();
            Snapshot.Unit unit = h.cosineDoc() >= 0 ? snapshot.unit(h.cosineDoc()) : null;
            return new Candidate(r.sectionId(), snapshot.catalog().section(r.sectionId()).title(), round(r.score()), round(h.cosine()),
                    round(h.coverage()), round(h.bm25()), round(h.learnt()), h.matched(), unit == null ? null : unit.kind().value(),
                    unit == null ? null : unit.text());
        }).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    Reply.Answer answer(Snapshot snapshot, SectionRecord s, List<String> highlights, double score) {
        List<Reply.Related> parts = snapshot.catalog().children(s.id()).stream().map(c -> new Reply.Related(c.id(), c.title())).toList();
        return new Reply.Answer(s.id(), s.title(), s.path(), s.text(), s.blocks(), highlights, s.source(),
                s.publisher() + " · " + s.documentTitle(), s.url(), Math.round(score * 1000) / 1000.0,
                safety(snapshot).rules().medicalNoteFor(s.text()), parts.isEmpty() ? lead(s, highlights) : List.of(), parts,
                parts.isEmpty() ? announced(snapshot, s) : List.of());
    }

    /**
     * What a section announces at its end and leaves to the sections after it ("Here are some massage techniques
     * and strategies that might be helpful:"): the following sections of its level that the closing sentence names,
     * or the next one when it names none, so that the reply does not end on a promise.
     */
    static List<Reply.Related> announced(Snapshot snapshot, SectionRecord s) {
        if (!leadsOn(s)) return List.of();
        java.util.Set<String> said = stems(closingSentence(s));
        List<Reply.Related> out = new ArrayList<>();
        SectionRecord next = snapshot.catalog().next(s.id());
        while (next != null && out.size() < MAX_ANNOUNCED) {
            if (java.util.Objects.equals(next.parentId(), s.parentId())) {
                // the sections the sentence names, in a row; when it names none, the one that follows
                boolean named = stems(next.title()).stream().anyMatch(said::contains);
                if (!named && !out.isEmpty()) break;
                out.add(new Reply.Related(next.id(), next.title()));
                if (!named) break;
            }
            next = snapshot.catalog().next(next.id());
        }
        return out;
    }

    /** A text's words of four letters or more, cut to their first five ("techniques", "technique": "techn"). */
    private static java.util.Set<String> stems(String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) if (w.length() >= 4) out.add(w.substring(0, Math.min(5, w.length())));
        return out;
    }

    /** Small talk that closes a conversation rather than opens one: no topics offered after it. */
    private static final java.util.Set<String> CLOSING_TALK = java.util.Set.of("thanks", "goodbye", "gracias", "adios");

    /** At most this many sections follow a reply that announces them. */
    static final int MAX_ANNOUNCED = 4;

    /** At most this many sentences or items lead a reply. */
    static final int MAX_LEAD = 3;

    /**
     * What a reply opens with: the highlighted sentences or items, best first (at most
     * {@link #MAX_LEAD}); when none stands out (a topic picked from the suggestions, a question about the whole
     * section), the section's first paragraph, then, for a list of named items, their names in one line
     * ("Herniated Disc, Spinal Stenosis, ..."), else its first item.
     */
    static List<String> lead(SectionRecord s, List<String> highlights) {
        if (!highlights.isEmpty()) return highlights.stream().limit(MAX_LEAD).toList();
        List<Block> blocks = s.blocks().stream().filter(b -> b.kind() != Block.Kind.HEADING).toList();
        if (blocks.isEmpty()) return List.of();
        List<String> names = blocks.stream().filter(b -> b.kind() == Block.Kind.ITEM).map(Block::label).toList();
        if (names.size() < MIN_NAMED_ITEMS || names.contains(null)) return List.of(blocks.get(0).plainText());
        List<String> out = new ArrayList<>();
        if (blocks.get(0).kind() == Block.Kind.PARAGRAPH) out.add(blocks.get(0).plainText());
        out.add(String.join(", ", names) + ".");
        return out;
    }

    /** A list of at least this many named items ("**Herniated Disc:** ...") leads with its names. */
    static final int MIN_NAMED_ITEMS = 3;

    /** The generation's safety settings, built once per generation from the files it was built with. */
    public static SafetyConfig safety(Snapshot snapshot) {
        return snapshot.derived(SafetyConfig.class, s -> SafetyConfig.from(s::settingsFile));
    }

    /**
     * Whether a declined question may still be about the guide, so that its nearest sections are worth
     * offering: unless the filed questions' model reads it as clearly not covered, so that "who painted the
     * Mona Lisa?" is not offered Diagnosis and Swedish Massage. The cost: a few in-domain questions declined
     * near the threshold lose the chip that would have shown the right section.
     */
    private static boolean mayBeAboutTheGuide(Scorer.Ranked top, Scorer.Scored scored) {
        return top.hit().learnt() > scored.notCoveredLearnt() - NOT_COVERED_LEEWAY;
    }

    /** How much more the model may lean to "not covered" than to the best section before nothing is offered. */
    private static final double NOT_COVERED_LEEWAY = 0.4;

    /** Runner-ups worth offering, best first, never overlapping the answer or each other. */
    private List<Reply.Related> related(Snapshot snapshot, Scorer.Scored scored, String answerId) {
        List<Reply.Related> out = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        if (answerId != null) taken.add(answerId);
        double floor = scored.top().score() - (answerId == null ? 0.45 : CLOSE * 2);
        for (Scorer.Ranked r : scored.ranked()) {
            if (out.size() >= MAX_RELATED || r.score() < floor) break;
            if (taken.stream().anyMatch(t -> snapshot.catalog().overlap(t, r.sectionId()))) {
                continue;
            }
            taken.add(r.sectionId());
            out.add(new Reply.Related(r.sectionId(), snapshot.catalog().section(r.sectionId()).title()));
        }
        return out;
    }

    /** What the widget shows before the first question. */
    public record Info(String clinic, String disclaimer, String contact, List<Reply.Related> suggestions) {}

    private static final int SUGGESTIONS = 4;

    /**
     * The clinic, the disclaimer, the contact, and a few starter topics: top-level sections that hold a
     * list or sub-sections, picked evenly through the corpus so they span its subjects; the disclaimer as a visitor in
     * this language reads it (the clinic's own wording stays as written).
     */
    public Info info(Language language) {
        return new Info(messages.clinic(), messages.disclaimer(language), messages.contact(), index.withSnapshot(this::suggestions));
    }

    private List<Reply.Related> suggestions(Snapshot s) {
        List<SectionRecord> candidates = s.catalog().sections().values().stream()
                .filter(r -> r.level() == 2 && r.blocks().stream().anyMatch(b -> b.kind() != Block.Kind.PARAGRAPH))
                .toList();
        List<Reply.Related> picked = new ArrayList<>();
        int n = candidates.size();
        for (int i = 0; i < Math.min(SUGGESTIONS, n); i++) {
            int at = n <= SUGGESTIONS ? i : (int) Math.round(i * (n - 1) / (double) (SUGGESTIONS - 1));
            SectionRecord r = candidates.get(at);
            picked.add(new Reply.Related(r.id(), r.title()));
        }
        return picked;
    }

    /** The sections, in reading order, for topic suggestions. */
    public List<SectionSummary> sections() {
        return index.withSnapshot(s -> s.catalog().sections().values().stream()
                .map(r -> new SectionSummary(r.id(), r.title(), r.path())).toList());
    }

    /** One section as an answer, for a visitor who picked it from the suggestions. */
    public Optional<Reply> section(String id) {
        return index.withSnapshot(s -> Optional.ofNullable(s.catalog().section(id)).map(r -> new Reply(Reply.Status.ANSWERED,
                messages.answered(r.title()), answer(s, r, List.of(), 1.0), List.of(), null, messages.disclaimer())));
    }

    public LiveIndex index() {
        return index;
    }

    /** The unanswered-questions inbox, or null when the staff console is off. */
    public UnansweredInbox inbox() {
        return inbox;
    }
}
