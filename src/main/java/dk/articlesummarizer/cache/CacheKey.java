package dk.articlesummarizer.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dk.articlesummarizer.common.Sha256;

/** SHA-256 over everything that determines an answer: text, title, model, prompt version and glossary. */
public record CacheKey(String sha256) {

    public static CacheKey of(String normalizedText, String title, String model, String promptVersion,
            Optional<String> glossary) {
        return of(normalizedText, title, model, promptVersion, glossary.stream().toArray(String[]::new));
    }

    /** @param extras what else shapes the answer, when anything does (the glossary entries that apply, the markup) */
    public static CacheKey of(String normalizedText, String title, String model, String promptVersion,
            String... extras) {
        MessageDigest digest = Sha256.newDigest();
        List<String> fields = new ArrayList<>(List.of(promptVersion, model, title, normalizedText));
        fields.addAll(List.of(extras));
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
