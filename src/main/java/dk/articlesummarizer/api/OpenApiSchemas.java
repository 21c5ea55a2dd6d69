package dk.articlesummarizer.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.articlesummarizer.summary.AnswerUsage;
import dk.articlesummarizer.problem.Problem;

/**
 * Shapes of the API description that no Java type of ours has, because the service writes them from the answers'
 * JSON (summary/SummaryJson) rather than from objects.
 */
final class OpenApiSchemas {

    private OpenApiSchemas() {
    }

    @Schema(name = "BatchResponse", requiredProperties = "results")
    record BatchResponse(@Schema(description = "One result per article, in the order sent") List<BatchResult> results) {
    }

    @Schema(name = "BatchResult", requiredProperties = "status",
            description = "An article's status; with 200 the fields of POST /summarize's answer, otherwise problem")
    record BatchResult(@Schema(description = "The HTTP status this article alone would have had") int status,
            String title, String translation, @Schema(minItems = 3, maxItems = 7) List<String> summary,
            String sourceLanguage, String model, Boolean cached, AnswerUsage usage, Integer chunks, Problem problem) {
    }
}
