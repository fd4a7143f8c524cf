package com.sciaticachat.safety;

import com.sciaticachat.corpus.CorpusError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Greetings, thanks, goodbyes and questions about the chat itself ({@code corpus/small-talk.yml}). A
 * message is small talk only when every word of it belongs to one intent and it has one of that intent's
 * anchors: "hello there" is, "hi, what causes sciatica?" is a question. Words a visitor adds to any of them when
 * speaking to someone ({@code address}: "dear", "my friend") belong to every intent; an intent marked
 * {@code no_words: yes} also answers a message with no words at all (an emoji, a question mark).
 */
public final class SmallTalk {
    public static final String FILE_NAME = "small-talk.yml";

    /** One kind of small talk and what the chat says to it. */
    public record Intent(String name, List<List<String>> anchors, Set<String> words, String reply, boolean noWords) {}

    public record Result(SmallTalk smallTalk, List<CorpusError> errors) {}

    private final List<Intent> intents;
    private final Set<String> address;

    private SmallTalk(List<Intent> intents, Set<String> address) {
        this.intents = List.copyOf(intents);
        this.address = Set.copyOf(address);
    }

    public static SmallTalk none() {
        return new SmallTalk(List.of(), Set.of());
    }

    /** The intent of a message made only of small talk, or null. */
    public Intent classify(String message) {
        List<String> tokens = Stems.tokens(message);
        if (tokens.isEmpty()) {
            // no words in any script: "我的腰很痛" has words this reading does not see
            if (message.isBlank() || message.codePoints().anyMatch(Character::isLetterOrDigit)) return null;
            return intents.stream().filter(Intent::noWords).findFirst().orElse(null);
        }
        if (tokens.size() > 12) return null;
        for (Intent intent : intents) {
            boolean[] covered = new boolean[tokens.size()];
            boolean anchored = false;
            for (List<String> anchor : intent.anchors()) {
                for (int i = 0; i + anchor.size() <= tokens.size(); i++) {
                    if (tokens.subList(i, i + anchor.size()).equals(anchor)) {
                        anchored = true;
                        for (int k = i; k < i + anchor.size(); k++) covered[k] = true;
                    }
                }
            }
            if (!anchored) continue;
            boolean all = true;
            for (int i = 0; i < tokens.size() && all; i++) {
                all = covered[i] || intent.words().contains(tokens.get(i)) || address.contains(tokens.get(i));
            }
            if (all) return intent;
        }
        return null;
    }

    /**
     * What {@code newer} (the small talk the chat ships) answers that this file does not: its intents' anchors, words and
     * forms of address this file lacks, and an answer to messages without words, as the phrases staff would add (in the
     * file's order); empty when this file has them all (or more).
     */
    public List<String> lacking(SmallTalk newer) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (Intent theirs : newer.intents) {
            Intent mine = intents.stream().filter(i -> i.name().equals(theirs.name())).findFirst().orElse(null);
            for (List<String> anchor : theirs.anchors()) {
                if (mine == null || !mine.anchors().contains(anchor)) out.add(String.join(" ", anchor));
            }
            for (String w : theirs.words()) {
                if (mine != null && !mine.words().contains(w) && !address.contains(w)) out.add(w);
            }
            if (theirs.noWords() && intents.stream().noneMatch(Intent::noWords)) out.add("no_words: yes (" + theirs.name() + ")");
        }
        for (String w : newer.address) {
            if (!address.contains(w)) out.add(w);
        }
        return List.copyOf(out);
    }

    /** The warning for this file ({@code file}: its name as staff see it) when it is older than the chat's own small talk, or none. */
    public List<CorpusError> olderThan(SmallTalk shipped, String file) {
        List<String> lacking = lacking(shipped);
        if (lacking.isEmpty()) return List.of();
        String examples = String.join(", ", lacking.stream().limit(8).map(x -> "\"" + x + "\"").toList());
        return List.of(CorpusError.warning(file, 0, "the small talk this version of the chat comes with has " + lacking.size()
                + " phrasing" + (lacking.size() == 1 ? "" : "s") + " this file lacks (" + examples + (lacking.size() > 8 ? ", ..." : "")
                + "): such messages get \"no answer\" and fill the inbox; add those that suit the clinic from the release's "
                + "corpus/small-talk.yml"));
    }

    public static Result parse(String file, String text) {
        List<CorpusError> errors = new ArrayList<>();
        YamlTree.Value root = YamlTree.parse(file, text, errors);
        if (root == null) return new Result(null, errors);
        YamlTree.Value list = root.isMap() ? root.map().get("intents") : null;
        if (list == null || !list.isMap()) {
            return new Result(null, List.of(new CorpusError(file, root.line(), "the file needs 'intents:' with one entry per kind of small talk")));
        }
        List<Intent> intents = new ArrayList<>();
        for (Map.Entry<String, YamlTree.Value> e : list.map().entrySet()) {
            YamlTree.Value v = e.getValue();
            if (!v.isMap()) {
                errors.add(new CorpusError(file, v.line(), "intent '" + e.getKey() + "' needs anchors, words and a reply"));
                continue;
            }
            YamlTree.Value anchors = v.map().get("anchors"), words = v.map().get("words"), reply = v.map().get("reply");
            if (anchors == null || !anchors.isList() || anchors.list().isEmpty()) {
                errors.add(new CorpusError(file, v.line(), "intent '" + e.getKey() + "' needs a list of 'anchors'"));
                continue;
            }
            if (reply == null || !reply.isText() || reply.text().isBlank()) {
                errors.add(new CorpusError(file, v.line(), "intent '" + e.getKey() + "' needs a 'reply'"));
                continue;
            }
            YamlTree.Value noWords = v.map().get("no_words");
            if (noWords != null && !(noWords.isText() && List.of("yes", "no").contains(noWords.text().strip()))) {
                errors.add(new CorpusError(file, noWords.line(), "intent '" + e.getKey() + "': no_words is 'yes' or 'no' (whether the intent"
                        + " also answers a message with no words, such as an emoji)"));
                continue;
            }
            List<List<String>> a = new ArrayList<>();
            for (YamlTree.Value x : anchors.list()) if (x.isText()) a.add(Stems.tokens(x.text()));
            Set<String> w = new HashSet<>();
            if (words != null && words.isList()) for (YamlTree.Value x : words.list()) if (x.isText()) w.addAll(Stems.tokens(x.text()));
            intents.add(new Intent(e.getKey(), a, w, reply.text().trim(), noWords != null && noWords.text().strip().equals("yes")));
        }
        Set<String> address = new HashSet<>();
        YamlTree.Value said = root.map().get("address");
        if (said != null && !said.isList()) {
            errors.add(new CorpusError(file, said.line(), "'address' is a list of words, like [dear, friend, mate]"));
        } else if (said != null) {
            for (YamlTree.Value x : said.list()) if (x.isText()) address.addAll(Stems.tokens(x.text()));
        }
        if (!errors.isEmpty()) return new Result(null, errors);
        return new Result(new SmallTalk(intents, address), List.of());
    }
}
