package dk.articlesummarizer.llm;

import java.util.HexFormat;

import dk.articlesummarizer.common.Sha256;

/**
 * One question to the chain: its system and user messages, the JSON record its answer fills, and how that answer
 * is read.
 *
 * @param subject what the breaker knows the question by: the same text failing again is that text's problem, not
 *        the provider's
 */
public record Question<T>(String subject, String system, String user, Class<T> shape, AnswerCheck<T> check) {

    public static <T> Question<T> of(String system, String user, Class<T> shape, AnswerCheck<T> check) {
        return new Question<>(HexFormat.of().formatHex(Sha256.of(system + "\u0000" + user)), system, user, shape,
                check);
    }
}
