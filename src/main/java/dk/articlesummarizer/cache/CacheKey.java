package dk.articlesummarizer.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import dk.articlesummarizer.common.Sha256;

/** SHA-256 over everything that determines an answer: text, title, model, prompt version and glossary. */
public record CacheKey(String sha256) {

    public static CacheKey of(String normalizedText, String title, String model, String promptVersion) {
        return of(normalizedText, title, model, promptVersion, Optional.empty());
    }

    /** @param glossary the fingerprint of the glossary entries that apply, when any do */
    public static CacheKey of(String normalizedText, String title, String model, String promptVersion,
            Optional<String> glossary) {
        MessageDigest digest = Sha256.newDigest();
        String[] fields = glossary.map(entries -> new String[] { promptVersion, model, title, normalizedText, entries })
                .orElseGet(() -> new String[] { promptVersion, model, title, normalizedText });
        // Length-prefixed fields, so that no two different field combinations hash the same byte sequence.
        for (String field : fields) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return new CacheKey(HexFormat.of().formatHex(digest.digest()));
    }
}
