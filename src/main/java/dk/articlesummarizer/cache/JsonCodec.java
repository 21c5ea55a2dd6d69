package dk.articlesummarizer.cache;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A record written to the shared tier as JSON; bytes that do not read as one are no value. */
record JsonCodec<V>(String kind, ObjectMapper json, Class<V> type) implements CoalescingCache.Codec<V> {

    @Override
    public byte[] encode(V value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cached record always serializes", e);
        }
    }

    @Override
    public Optional<V> decode(byte[] stored) {
        try {
            return Optional.of(json.readValue(stored, type));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
