package dk.articlesummarizer.llm;

import java.util.Optional;

/**
 * Reads one answer of a model: the value it holds (repaired where only its form was wrong), or what to tell the
 * model so that it answers again. The checks get what they check as data, from the call that asked.
 */
@FunctionalInterface
public interface AnswerCheck<T> {

    /** @param truncated whether the model stopped at its output limit */
    Checked<T> check(String answer, boolean truncated);

    /** The outcome: an accepted value, or the correction to send back. */
    record Checked<T>(T value, Optional<String> correction) {

        public static <T> Checked<T> accepted(T value) {
            return new Checked<>(value, Optional.empty());
        }

        public static <T> Checked<T> rejected(String correction) {
            return new Checked<>(null, Optional.of(correction));
        }
    }
}
