package com.sciaticachat.safety;

/**
 * What a message tells that is not happening now to the person it asks about, set aside so the detector and the rules
 * read what is: an episode it says is over ({@link PastEpisodes}), what it only supposes ({@link Hypotheticals}),
 * someone else's past beside the writer's own back pain ({@link OtherPeople}), and a question about what a sign means in
 * general ({@link GeneralQuestions}).
 */
public final class NotNow {

    /**
     * A message split in two: what it tells as happening now ({@code present}, the message itself when nothing is set
     * aside), and what it tells that is not ({@code over}, empty when nothing).
     */
    public record Split(String present, String over) {
        Split then(java.util.function.Function<String, Split> next) {
            Split more = next.apply(present);
            if (more.over().isEmpty()) return this;
            return new Split(more.present(), over.isEmpty() ? more.over() : over + ". " + more.over());
        }
    }

    private NotNow() {}

    /** The message (folded, contractions spelt out) split into what is happening now and what is not. */
    public static Split split(String folded) {
        return PastEpisodes.split(folded).then(Hypotheticals::split).then(OtherPeople::split).then(GeneralQuestions::split);
    }
}
