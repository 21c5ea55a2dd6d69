package dk.articlesummarizer.summary;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one place an answer becomes the JSON callers get: cached answers are kept as these bytes. */
@ApplicationScoped
public class SummaryJson {

    private final ObjectMapper json;

    public SummaryJson(ObjectMapper json) {
        this.json = json;
    }

    public byte[] bytes(Summary summary, boolean cached) {
        try {
            return json.writeValueAsBytes(SummarizeResponse.of(summary, cached));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An answer record always serializes", e);
        }
    }
}
