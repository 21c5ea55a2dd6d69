package dk.articlesummarizer.cache;

/**
 * A finished answer as cached: the response body a hit sends, serialized once when the answer was made, so hits
 * neither re-serialize nor hold the answer twice (as strings and as bytes).
 */
public record CachedAnswer(byte[] json) {

    private static final int OVERHEAD_BYTES = 64;

    public int approximateBytes() {
        return OVERHEAD_BYTES + json.length;
    }
}
