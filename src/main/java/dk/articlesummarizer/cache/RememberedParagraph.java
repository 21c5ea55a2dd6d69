package dk.articlesummarizer.cache;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A paragraph's English translation, as an earlier answer gave it.
 *
 * @param article the cache key (SHA-256) of the answer it was part of: where the story's previous headline and
 *        bullets are found when an updated version comes
 */
@RegisterForReflection
public record RememberedParagraph(String english, String article) {

    private static final int OVERHEAD_BYTES = 96;

    public int approximateBytes() {
        return OVERHEAD_BYTES + 2 * (english.length() + article.length());
    }
}
