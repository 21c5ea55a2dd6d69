package dk.articlesummarizer.cache;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.replicas.SharedStore;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Translations of single passages of long articles (and digests of their parts), so that an updated article
 * re-translates only what changed.
 */
@Singleton
public class ChunkCache extends CoalescingCache<TranslatedPassage> {

    public ChunkCache(CacheConfig config, SharedStore store, ObjectMapper json, MeterRegistry metrics) {
        super("passages", config.chunkMaxBytes().asLongValue(), config.ttl(), TranslatedPassage::approximateBytes,
                store, new Codec<>() {
                    @Override
                    public String kind() {
                        return "passage";
                    }

                    @Override
                    public byte[] encode(TranslatedPassage passage) {
                        try {
                            return json.writeValueAsBytes(passage);
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("A passage record always serializes", e);
                        }
                    }

                    @Override
                    public Optional<TranslatedPassage> decode(byte[] stored) {
                        try {
                            return Optional.of(json.readValue(stored, TranslatedPassage.class));
                        } catch (IOException | RuntimeException e) {
                            return Optional.empty();
                        }
                    }
                }, metrics);
    }
}
