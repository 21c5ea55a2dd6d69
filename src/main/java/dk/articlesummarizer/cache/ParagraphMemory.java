package dk.articlesummarizer.cache;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.replicas.SharedStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * English translations of single paragraphs, keyed on the Danish paragraph, model, prompt version and the glossary
 * entries it has, so that an updated article pays only for the paragraphs that changed. Shared through Redis like
 * the other caches.
 */
@Singleton
public class ParagraphMemory extends CoalescingCache<RememberedParagraph> {

    public ParagraphMemory(CacheConfig config, SharedStore store, ObjectMapper json, MeterRegistry metrics) {
        super("paragraphs", config.paragraphMaxBytes().asLongValue(), config.ttl(),
                RememberedParagraph::approximateBytes, store, new Codec<>() {
                    @Override
                    public String kind() {
                        return "paragraph";
                    }

                    @Override
                    public byte[] encode(RememberedParagraph paragraph) {
                        try {
                            return json.writeValueAsBytes(paragraph);
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("A paragraph record always serializes", e);
                        }
                    }

                    @Override
                    public Optional<RememberedParagraph> decode(byte[] stored) {
                        try {
                            return Optional.of(json.readValue(stored, RememberedParagraph.class));
                        } catch (IOException | RuntimeException e) {
                            return Optional.empty();
                        }
                    }
                }, metrics);
    }
}
