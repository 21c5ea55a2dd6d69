package dk.articlesummarizer.api;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Carries a JSON reading error out of a lambda to ProblemExceptionMappers, which answers it like Jackson's own. */
final class UncheckedJsonException extends RuntimeException {

    UncheckedJsonException(JsonProcessingException cause) {
        super(cause.getOriginalMessage(), cause, false, false);
    }

    JsonProcessingException json() {
        return (JsonProcessingException) getCause();
    }
}
