package dk.articlesummarizer.pipeline;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dk.articlesummarizer.llm.LlmConfig;

/** The one place an answer becomes the JSON callers get: cached answers are kept as these bytes. */
@ApplicationScoped
public class SummaryJson {

    private final ObjectMapper json;
    private final String currency;

    public SummaryJson(ObjectMapper json, LlmConfig llm) {
        this.json = json;
        this.currency = llm.priceCurrency();
    }

    /**
     * {@code {"results": [...]}}: per article its status and either its answer's fields or {@code problem}. An
     * answer's fields are copied from its JSON, so a batch sends them exactly as {@code POST /summarize} would.
     */
    public byte[] batchBytes(List<BatchOutcome> outcomes) {
        ObjectNode body = json.createObjectNode();
        ArrayNode results = body.putArray("results");
        try {
            for (BatchOutcome outcome : outcomes) {
                ObjectNode result = results.addObject().put("status", outcome.status());
                if (outcome.answer() != null) {
                    result.setAll((ObjectNode) json.readTree(outcome.answer()));
                } else {
                    result.set("problem", json.valueToTree(outcome.problem()));
                }
            }
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Answers are JSON objects and always serialize", e);
        }
    }

    public byte[] bytes(Summary summary, boolean cached) {
        try {
            return json.writeValueAsBytes(SummarizeResponse.of(summary, cached, currency));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer record always serializes", e);
        }
    }
}
