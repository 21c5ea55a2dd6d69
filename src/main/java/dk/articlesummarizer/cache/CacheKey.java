package dk.articlesummarizer.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import dk.articlesummarizer.common.Sha256;

/** SHA-256 over everything that determines an answer: text, title, model and prompt version. */
public record CacheKey(String sha256) {

    public static CacheKey of(String normalizedText, String title, String model, String promptVersion) {
        MessageDigest digest = Sha256.newDigest();
        // Length-prefixed fields, so that no two different field combinations hash the same byte sequence.
        for (String field : new String[] { promptVersion, model, title, normalizedText }) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        return new CacheKey(HexFormat.of().formatHex(digest.digest()));
    }
}
