package dk.articlesummarizer.web;

/**
 * The HTTP body limits, derived from the text limits so that operators set one number: the largest body that can
 * carry {@code summarizer.max-text-chars} characters of UTF-8 (4 bytes each at worst), a headline and JSON framing,
 * and for a batch that times the most articles a batch may hold.
 */
public final class BodyLimits {

    static final int FRAMING_BYTES = 16 * 1024;
    private static final int WORST_CASE_UTF8_BYTES_PER_CHAR = 4;

    private BodyLimits() {
    }

    /** The most bytes a request for one article may have. */
    public static long article(long maxTextChars, long maxTitleChars) {
        return WORST_CASE_UTF8_BYTES_PER_CHAR * (maxTextChars + maxTitleChars) + FRAMING_BYTES;
    }

    /** The most bytes a batch may have; also Quarkus's own limit, the largest of all. */
    public static long batch(long maxTextChars, long maxTitleChars, int maxArticles) {
        return article(maxTextChars, maxTitleChars) * Math.max(1, maxArticles);
    }
}
