package dk.articlesummarizer.api;

import jakarta.validation.constraints.NotBlank;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** JSON request body. Unknown fields are ignored; {@code text} and {@code title} must be strings. */
@RegisterForReflection
public record SummarizeRequest(
        @NotBlank(message = "Field 'text' is required and must hold the article") String text,
        String title) {
}
