package dk.articlesummarizer.cache;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

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
                RememberedParagraph::approximateBytes, store,
                Codec.json("paragraph", json, RememberedParagraph.class), metrics);
    }
}
