package dk.articlesummarizer.pipeline;

import java.util.Locale;

/** What the caller allows the cache to do for one request, from its {@code Cache-Control} header. */
public enum CachePolicy {
    /** Read the cache, store a fresh answer. */
    NORMAL,
    /** {@code no-cache}: do not answer from the cache, but store the fresh answer in place of the old one. */
    REFRESH,
    /** {@code no-store}: neither read nor write the cache. */
    BYPASS;

    public static CachePolicy fromCacheControl(String header) {
        if (header == null || header.isBlank()) {
            return NORMAL;
        }
        CachePolicy policy = NORMAL;
        for (String directive : header.split(",")) {
            String name = directive.strip().toLowerCase(Locale.ROOT);
            int equals = name.indexOf('=');
            name = equals < 0 ? name : name.substring(0, equals).strip();
            if (name.equals("no-store")) {
                return BYPASS;
            }
            if (name.equals("no-cache")) {
                policy = REFRESH;
            }
        }
        return policy;
    }
}
