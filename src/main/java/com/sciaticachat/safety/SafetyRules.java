package com.sciaticachat.safety;

import com.sciaticachat.analysis.Language;
import com.sciaticachat.corpus.CorpusError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The clinic's safety file ({@code corpus/safety.yml}) read and checked: urgent messages, the note for
 * answers about medicines, injections and surgery, the lay vocabulary, and the red-flag rules with their
 * compiled phrasings. Every mistake is reported with its line.
 */
public final class SafetyRules {
    public static final String FILE_NAME = "safety.yml";

    /** How urgent a red flag is. */
    public enum Level {
        EMERGENCY("emergency"), SEE_DOCTOR("see_doctor");

        public final String value;

        Level(String value) {
            this.value = value;
        }

        static Level of(String v) {
            for (Level l : values()) if (l.value.equals(v)) return l;
            return null;
        }
    }

    /** One red flag: its phrasings, and what else the message must mention (none when empty). */
    /**
     * A red flag. {@code listed} is false for a condition named rather than noticed ("cauda equina syndrome"):
     * it alarms when named, but is not among the signs a check question or a caution lists.
     */
    public record Rule(String id, Level level, String sign, String source, List<Phrase> phrases, List<Phrase> with, boolean listed,
                       boolean bothSides, boolean saddleArea, boolean bladderControl, boolean injury, int line) {}

    /** A compiled phrasing: a sequence of elements, each a set of word sequences that may stand there. */
    public record Phrase(String text, List<List<List<Word>>> elements) {}

    /** A word of a phrasing: as written, its stem, and whether only this exact form matches. */
    public record Word(String raw, String stem, boolean exact) {}

    /** The outcome of reading the file. */
    public record Result(SafetyRules rules, List<CorpusError> errors) {}

    private static final Set<String> TOP_KEYS = Set.of("messages", "medical_decisions", "vocabulary", "red_flags", "spanish");
    private static final List<String> RULE_KEYS = List.of("id", "level", "sign", "source", "phrases", "with", "listed", "both_sides", "saddle_area",
            "bladder_control", "injury");

    /** Optional messages, with the chat's own wording when the file has none. */
    public enum Note {
        EMERGENCY_OTHER("emergency_other", "Please call 911 or take them to the nearest emergency room now. What you describe in the "
                + "person you are writing about can be a sign of a serious problem with the nerves or the spine in the lower back that "
                + "needs treatment straight away. Don't wait to see if it gets better, and please don't book a massage for this.",
                "Llame al 911 o llévelo a la sala de emergencias más cercana ahora. Lo que describe puede ser señal de un problema "
                + "grave de los nervios o de la columna en la parte baja de la espalda que necesita tratamiento de inmediato. No "
                + "espere a ver si mejora y, por favor, no reserve un masaje para esto."),
        SEE_DOCTOR_OTHER("see_doctor_other", "What you describe in the person you are writing about should be checked by a doctor "
                + "today: please help them call their doctor, or go to an urgent care clinic or an emergency room if they can't be "
                + "seen today, before booking a massage. Call 911 if they can't pee or can't control their bladder or bowels, feel "
                + "numb between their legs or around their bottom, or a leg gets weaker or both legs are affected.",
                "Lo que describe debe verlo un médico hoy: ayúdele a llamar a su médico, o a ir a una clínica de atención urgente o "
                + "a la sala de emergencias si no pueden verle hoy, antes de reservar un masaje. Llame al 911 si no puede orinar o "
                + "no controla la vejiga o el intestino, siente adormecida la zona entre las piernas o alrededor del trasero, o una "
                + "pierna se debilita o le afecta a las dos piernas."),
        CAUTION("caution", "Most sciatica is not an emergency. Call 911 or go to the emergency room straight away if any of these "
                + "happen:", "La mayoría de las ciáticas no son una emergencia. Llame al 911 o vaya a la sala de emergencias de "
                + "inmediato si ocurre algo de esto:"),
        CHECK("check", "Before I answer, one quick check: is any of these happening now?",
                "Antes de responder, una pregunta rápida: ¿le está pasando ahora algo de esto?"),
        OTHER_LANGUAGE("other_language", "I read messages in English and Spanish, so I may have missed part of yours. If any of these is "
                + "happening now, call 911 or go to the emergency room straight away:", "Leo mensajes en inglés y en español, así que "
                + "puede que no haya entendido todo el suyo. Si le está pasando algo de esto, llame al 911 o vaya a la sala de "
                + "emergencias de inmediato:"),
        CHECK_DOCTOR("check_doctor", "Before I answer, one quick check: is this so for you (or the person you are asking for) now?",
                "Antes de responder, una pregunta rápida: ¿le pasa esto ahora a usted (o a la persona por quien pregunta)?"),
        EARLIER_EMERGENCY("earlier_emergency", "Earlier in this chat you described signs that need urgent care. Even if they have eased, "
                + "please call 911 or go to the emergency room about them before booking a massage:",
                "Antes en este chat describió señales que necesitan atención urgente. Aunque hayan mejorado, llame al 911 o vaya "
                + "a la sala de emergencias por ellas antes de reservar un masaje:"),
        EARLIER_SEE_DOCTOR("earlier_see_doctor", "Earlier in this chat you described signs that a doctor should check. Please see a "
                + "doctor about them before booking a massage; if they get worse, call 911:",
                "Antes en este chat describió señales que debe revisar un médico. Vea a un médico por ellas antes de reservar un "
                + "masaje; si empeoran, llame al 911:"),
        EARLIER_EMERGENCY_OTHER("earlier_emergency_other", "Earlier in this chat you described signs in the person you were writing "
                + "about that need urgent care. Even if they have eased, please help them call 911 or go to the emergency room about "
                + "them before booking a massage:",
                "Antes en este chat describió en la persona por quien pregunta señales que necesitan atención urgente. Aunque hayan "
                + "mejorado, ayúdele a llamar al 911 o a ir a la sala de emergencias por ellas antes de reservar un masaje:"),
        EARLIER_SEE_DOCTOR_OTHER("earlier_see_doctor_other", "Earlier in this chat you described signs in the person you were writing "
                + "about that a doctor should check. Please help them see a doctor about them before booking a massage; if they get "
                + "worse, call 911:",
                "Antes en este chat describió en la persona por quien pregunta señales que debe revisar un médico. Ayúdele a ver a "
                + "un médico por ellas antes de reservar un masaje; si empeoran, llame al 911:");

        public final String key;
        public final String fallback;
        /** The chat's own Spanish wording, when the file's {@code spanish:} block has none. */
        public final String spanishFallback;

        Note(String key, String fallback, String spanishFallback) {
            this.key = key;
            this.fallback = fallback;
            this.spanishFallback = spanishFallback;
        }
    }

    /** The urgent messages in Spanish when the file has none: the chat's own wording of the English ones. */
    private static final Map<Level, String> SPANISH_MESSAGES = Map.of(
            Level.EMERGENCY, "Lo que describe puede ser señal de un problema grave de los nervios de la parte baja de la espalda "
                    + "(como el síndrome de cauda equina) que necesita tratamiento de inmediato. Llame al 911 o vaya a la sala de "
                    + "emergencias más cercana ahora. No espere a ver si mejora y, por favor, no reserve un masaje para esto.",
            Level.SEE_DOCTOR, "Lo que describe debe verlo un médico hoy. Llame a su médico o vaya a una clínica de atención urgente "
                    + "antes de reservar un masaje. Si empeora, o pierde el control de la vejiga o del intestino, llame al 911.");

    /**
     * The file's optional {@code spanish:} block: its messages (the keys of {@code messages:}) and each red
     * flag's sign by id. What it lacks is said in the chat's own Spanish; a sign it does not name, in English;
     * a name for an id the file has no red flag for is not used.
     */
    private record Spanish(Map<String, String> messages, Map<String, String> signs) {
        static final Spanish NONE = new Spanish(Map.of(), Map.of());
    }

    private final Map<Level, String> messages;
    private final Map<Note, String> notes;
    private final String medicalNote;
    private final Set<String> medicalWords;
    private final List<Rule> rules;
    private final Spanish spanish;

    private SafetyRules(Map<Level, String> messages, Map<Note, String> notes, String medicalNote, Set<String> medicalWords,
                        List<Rule> rules, Spanish spanish) {
        this.messages = Map.copyOf(messages);
        this.notes = Map.copyOf(notes);
        this.medicalNote = medicalNote;
        this.medicalWords = Set.copyOf(medicalWords);
        this.rules = List.copyOf(rules);
        this.spanish = spanish;
    }

    public String message(Level level) {
        return messages.get(level);
    }

    /** The urgent message of a level in the visitor's language. */
    public String message(Level level, Language language) {
        if (language != Language.SPANISH) return message(level);
        return spanish.messages().getOrDefault(level.value, SPANISH_MESSAGES.get(level));
    }

    /** One of the optional messages in the visitor's language. */
    public String note(Note note, Language language) {
        if (language != Language.SPANISH) return note(note);
        return spanish.messages().getOrDefault(note.key, note.spanishFallback);
    }

    /** The signs of these red flags, in the visitor's language where the file has it, in the rules' order. */
    public List<String> signs(List<String> ids, Language language) {
        List<String> out = new ArrayList<>();
        for (Rule r : rules) {
            if (!ids.contains(r.id())) continue;
            String sign = language == Language.SPANISH ? spanish.signs().getOrDefault(r.id(), r.sign()) : r.sign();
            if (!out.contains(sign)) out.add(sign);
        }
        return List.copyOf(out);
    }

    /** The ids of the emergency signs a visitor can notice, listed when the chat asks its check question or cautions. */
    public List<String> emergencySignIds() {
        return List.copyOf(ids(r -> r.level() == Level.EMERGENCY && r.listed()));
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The ids of the signs that are never one-sided ({@code both_sides: yes}): a one-sided message rules them out. */
    public Set<String> bothSides() {
        return ids(Rule::bothSides);
    }

    /** The ids of the signs of the saddle area ({@code saddle_area: yes}): numbness placed in a leg or foot rules them out. */
    public Set<String> saddleArea() {
        return ids(Rule::saddleArea);
    }

    /**
     * The ids of the signs of bladder control ({@code bladder_control: yes}): leaks on a strain or in a hurry can look like
     * them, and are asked about rather than sent to 911.
     */
    public Set<String> bladderControl() {
        return ids(Rule::bladderControl);
    }

    /** The ids of the signs of an injury ({@code injury: yes}): back pain told as a strain from lifting or bending rules them out. */
    public Set<String> injury() {
        return ids(Rule::injury);
    }

    /** The ids of the rules that pass, in the file's order. */
    private Set<String> ids(java.util.function.Predicate<Rule> which) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (Rule r : rules) if (which.test(r)) ids.add(r.id());
        return ids;
    }

    /** One of the optional messages: the file's wording, or the chat's own. */
    public String note(Note note) {
        return notes.getOrDefault(note, note.fallback);
    }

    /** The rule with this id, or null. */
    public Rule rule(String id) {
        for (Rule r : rules) if (r.id().equals(id)) return r;
        return null;
    }

    /** The note for answers whose text mentions medicines, injections or surgery, or null. */
    public String medicalNoteFor(String answerText) {
        if (medicalNote == null) return null;
        // exact words: stems would make "relaxants" match "relaxation"
        for (String w : answerText.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (medicalWords.contains(w)) return medicalNote;
        }
        return null;
    }

    /** No rules at all: a corpus without a safety file (tests, other clinics' first steps). */
    public static SafetyRules none() {
        return new SafetyRules(Map.of(), Map.of(), null, Set.of(), List.of(), Spanish.NONE);
    }

    public static Result parse(String file, String text) {
        List<CorpusError> errors = new ArrayList<>();
        YamlTree.Value root = YamlTree.parse(file, text, errors);
        if (root == null) return new Result(null, errors);
        if (!root.isMap()) return new Result(null, List.of(new CorpusError(file, root.line(), "the file must be a set of 'key: value' entries")));
        for (Map.Entry<String, YamlTree.Value> e : root.map().entrySet()) {
            if (!TOP_KEYS.contains(e.getKey())) {
                errors.add(new CorpusError(file, e.getValue().line(), "unknown entry '" + e.getKey() + "' (expected: messages, medical_decisions, vocabulary, red_flags, spanish)"));
            }
        }
        Map<Level, String> messages = new LinkedHashMap<>();
        Map<Note, String> notes = new LinkedHashMap<>();
        YamlTree.Value m = root.map().get("messages");
        if (m == null || !m.isMap()) {
            errors.add(new CorpusError(file, m == null ? 1 : m.line(), "'messages' needs an 'emergency' and a 'see_doctor' message"));
        } else {
            for (Level level : Level.values()) {
                YamlTree.Value v = m.map().get(level.value);
                if (v == null || !v.isText() || v.text().isBlank()) {
                    errors.add(new CorpusError(file, v == null ? m.line() : v.line(), "'messages' needs a '" + level.value + "' text"));
                } else {
                    messages.put(level, v.text().trim());
                }
            }
            for (Note note : Note.values()) {
                YamlTree.Value v = m.map().get(note.key);
                if (v == null) continue;
                if (!v.isText() || v.text().isBlank()) {
                    errors.add(new CorpusError(file, v.line(), "'" + note.key + "' under 'messages' must be a text"));
                } else {
                    notes.put(note, v.text().trim());
                }
            }
        }
        String note = null;
        Set<String> medical = new HashSet<>();
        YamlTree.Value md = root.map().get("medical_decisions");
        if (md != null) {
            if (!md.isMap() || md.map().get("note") == null || !md.map().get("note").isText() || md.map().get("words") == null
                    || !md.map().get("words").isList()) {
                errors.add(new CorpusError(file, md.line(), "'medical_decisions' needs a 'note' text and a list of 'words'"));
            } else {
                note = md.map().get("note").text().trim();
                for (YamlTree.Value w : md.map().get("words").list()) if (w.isText()) medical.add(w.text().trim().toLowerCase(Locale.ROOT));
            }
        }
        Map<String, List<List<Word>>> vocabulary = new LinkedHashMap<>();
        YamlTree.Value voc = root.map().get("vocabulary");
        if (voc != null) {
            if (!voc.isMap()) {
                errors.add(new CorpusError(file, voc.line(), "'vocabulary' is a list of groups like 'bladder: [bladder, pee, wee]'"));
            } else {
                for (Map.Entry<String, YamlTree.Value> g : voc.map().entrySet()) {
                    if (!g.getKey().matches("[a-z][a-z0-9_]*") || !g.getValue().isList() || g.getValue().list().isEmpty()) {
                        errors.add(new CorpusError(file, g.getValue().line(), "vocabulary group '" + g.getKey()
                                + "' must have a lower-case name and a list of words, like 'bladder: [bladder, pee, wee]'"));
                        continue;
                    }
                    List<List<Word>> entries = new ArrayList<>();
                    for (YamlTree.Value v : g.getValue().list()) {
                        if (!v.isText() || v.text().isBlank()) {
                            errors.add(new CorpusError(file, v.line(), "group '" + g.getKey() + "' has an empty or nested entry"));
                        } else {
                            entries.add(words(v.text()));
                        }
                    }
                    vocabulary.put(g.getKey(), entries);
                }
            }
        }
        List<Rule> rules = new ArrayList<>();
        YamlTree.Value rf = root.map().get("red_flags");
        if (rf == null || !rf.isList() || rf.list().isEmpty()) {
            errors.add(new CorpusError(file, rf == null ? 1 : rf.line(), "'red_flags' needs a list of rules"));
        } else {
            Set<String> ids = new HashSet<>();
            for (YamlTree.Value r : rf.list()) {
                Rule rule = rule(file, r, vocabulary, errors);
                if (rule == null) continue;
                if (!ids.add(rule.id())) errors.add(new CorpusError(file, r.line(), "two red flags have the id '" + rule.id() + "'"));
                else rules.add(rule);
            }
        }
        Spanish spanish = spanish(file, root.map().get("spanish"), rules, errors);
        if (!errors.isEmpty()) return new Result(null, List.copyOf(errors));
        return new Result(new SafetyRules(messages, notes, note, medical, rules, spanish), List.of());
    }

    private static Spanish spanish(String file, YamlTree.Value v, List<Rule> rules, List<CorpusError> errors) {
        if (v == null) return Spanish.NONE;
        if (!v.isMap()) {
            errors.add(new CorpusError(file, v.line(), "'spanish' holds 'messages' and 'signs' in Spanish"));
            return Spanish.NONE;
        }
        Set<String> keys = new java.util.LinkedHashSet<>();
        for (Level l : Level.values()) keys.add(l.value);
        for (Note n : Note.values()) keys.add(n.key);
        Map<String, String> messages = new LinkedHashMap<>(), signs = new LinkedHashMap<>();
        for (Map.Entry<String, YamlTree.Value> e : v.map().entrySet()) {
            boolean isMessages = e.getKey().equals("messages");
            if (!isMessages && !e.getKey().equals("signs")) {
                errors.add(new CorpusError(file, e.getValue().line(), "unknown entry '" + e.getKey() + "' under 'spanish' (expected: messages, signs)"));
                continue;
            }
            if (!e.getValue().isMap()) {
                errors.add(new CorpusError(file, e.getValue().line(), "'" + e.getKey() + "' under 'spanish' is a set of 'key: text' entries"));
                continue;
            }
            for (Map.Entry<String, YamlTree.Value> t : e.getValue().map().entrySet()) {
                // the name of a red flag the file no longer has (deleted or renamed) is left unused: removing a
                // rule must not need a second edit here, and the sign's English name shows meanwhile
                if (!isMessages && rules.stream().noneMatch(r -> r.id().equals(t.getKey()))) continue;
                if (isMessages && !keys.contains(t.getKey())) {
                    errors.add(new CorpusError(file, t.getValue().line(),
                            "unknown message '" + t.getKey() + "' under 'spanish' (expected: " + String.join(", ", keys) + ")"));
                } else if (!t.getValue().isText() || t.getValue().text().isBlank()) {
                    errors.add(new CorpusError(file, t.getValue().line(), "'" + t.getKey() + "' under 'spanish' must be a text"));
                } else {
                    (isMessages ? messages : signs).put(t.getKey(), t.getValue().text().trim());
                }
            }
        }
        return new Spanish(Map.copyOf(messages), Map.copyOf(signs));
    }

    private static Rule rule(String file, YamlTree.Value r, Map<String, List<List<Word>>> vocabulary, List<CorpusError> errors) {
        if (!r.isMap()) {
            errors.add(new CorpusError(file, r.line(), "each red flag is a set of entries: id, level, sign, source, phrases"));
            return null;
        }
        Map<String, YamlTree.Value> f = r.map();
        int before = errors.size();
        for (Map.Entry<String, YamlTree.Value> e : f.entrySet()) {
            if (!RULE_KEYS.contains(e.getKey())) {
                errors.add(new CorpusError(file, e.getValue().line(), "unknown entry '" + e.getKey() + "' in a red flag (expected: "
                        + String.join(", ", RULE_KEYS) + ")"));
            }
        }
        String id = text(file, f, "id", r.line(), errors);
        String levelText = text(file, f, "level", r.line(), errors);
        String sign = text(file, f, "sign", r.line(), errors);
        String source = text(file, f, "source", r.line(), errors);
        Level level = levelText == null ? null : Level.of(levelText);
        if (levelText != null && level == null) {
            errors.add(new CorpusError(file, f.get("level").line(), "level is 'emergency' or 'see_doctor', not '" + levelText + "'"));
        }
        List<Phrase> phrases = phrases(file, f.get("phrases"), r.line(), "phrases", vocabulary, errors);
        List<Phrase> with = f.containsKey("with") ? phrases(file, f.get("with"), r.line(), "with", vocabulary, errors) : List.of();
        boolean listed = yes(file, f.get("listed"), "listed is 'yes' or 'no' (whether the sign is listed in check questions and cautions)", true,
                errors);
        boolean bothSides = yes(file, f.get("both_sides"), "both_sides is 'yes' or 'no' (whether the sign is never one-sided, so that a message"
                + " that keeps its symptoms to one side rules it out)", false, errors);
        boolean saddleArea = yes(file, f.get("saddle_area"), "saddle_area is 'yes' or 'no' (whether the sign is of the saddle area, so that a"
                + " message that places its numbness in a leg or foot rules it out)", false, errors);
        boolean bladderControl = yes(file, f.get("bladder_control"), "bladder_control is 'yes' or 'no' (whether the sign is about bladder"
                + " control, so that leaks on a sneeze or not getting to the toilet in time are asked about rather than sent to 911)", false, errors);
        boolean injury = yes(file, f.get("injury"), "injury is 'yes' or 'no' (whether the sign is a fall, blow or accident, so that back pain"
                + " told as a strain from lifting, bending or twisting rules it out)", false, errors);
        if (errors.size() > before) return null;
        return new Rule(id, level, sign, source, phrases, with, listed, bothSides, saddleArea, bladderControl, injury, r.line());
    }

    /** A yes-or-no entry of a red flag: its value, {@code absent} when it is not there, or an error saying what it takes. */
    private static boolean yes(String file, YamlTree.Value v, String takes, boolean absent, List<CorpusError> errors) {
        if (v == null) return absent;
        String t = v.isText() ? v.text().trim().toLowerCase(java.util.Locale.ROOT) : "";
        if (t.equals("yes") || t.equals("true")) return true;
        if (t.equals("no") || t.equals("false")) return false;
        errors.add(new CorpusError(file, v.line(), takes));
        return absent;
    }

    private static String text(String file, Map<String, YamlTree.Value> f, String key, int line, List<CorpusError> errors) {
        YamlTree.Value v = f.get(key);
        if (v == null || !v.isText() || v.text().isBlank()) {
            errors.add(new CorpusError(file, v == null ? line : v.line(), "this red flag needs a '" + key + "'"));
            return null;
        }
        return v.text().trim();
    }

    private static List<Phrase> phrases(String file, YamlTree.Value v, int line, String key, Map<String, List<List<Word>>> vocabulary,
                                        List<CorpusError> errors) {
        List<YamlTree.Value> items = v == null ? List.of() : v.isList() ? v.list() : List.of(v);
        if (items.isEmpty()) {
            errors.add(new CorpusError(file, v == null ? line : v.line(), "this red flag needs at least one entry under '" + key + "'"));
            return List.of();
        }
        List<Phrase> out = new ArrayList<>();
        for (YamlTree.Value p : items) {
            if (!p.isText() || p.text().isBlank()) {
                errors.add(new CorpusError(file, p.line(), "a phrasing must be text"));
                continue;
            }
            Phrase compiled = compile(p.text(), vocabulary);
            if (compiled == null) {
                errors.add(new CorpusError(file, p.line(), "the phrasing '" + p.text() + "' uses a vocabulary group that does not exist"));
            } else {
                out.add(compiled);
            }
        }
        return out;
    }

    /** "lost control of @bladder|@bowel" → elements; null when an @group is unknown. */
    static Phrase compile(String text, Map<String, List<List<Word>>> vocabulary) {
        List<List<List<Word>>> elements = new ArrayList<>();
        for (String token : text.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            List<List<Word>> alternatives = new ArrayList<>();
            for (String alt : token.split("\\|")) {
                if (alt.startsWith("@")) {
                    List<List<Word>> group = vocabulary.get(alt.substring(1));
                    if (group == null) return null;
                    alternatives.addAll(group);
                } else if (!alt.isEmpty()) {
                    alternatives.add(words(alt));
                }
            }
            if (!alternatives.isEmpty()) elements.add(alternatives);
        }
        return new Phrase(text, elements);
    }

    /** An entry's words, contractions spelt out ("can't feel" → can, not, feel). */
    static List<Word> words(String entry) {
        List<Word> out = new ArrayList<>();
        for (String raw : Stems.tokens(entry.toLowerCase(Locale.ROOT))) {
            boolean exact = raw.startsWith("=");
            String w = exact ? raw.substring(1) : raw;
            if (!w.isEmpty()) out.add(new Word(w, Stems.stem(w), exact));
        }
        return out;
    }
}
