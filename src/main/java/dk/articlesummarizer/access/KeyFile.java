package dk.articlesummarizer.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dk.articlesummarizer.common.SettingFiles;
import dk.articlesummarizer.common.Sha256;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * One reading of {@code SUMMARIZER_API_KEYS_FILE}: the digests of its keys and the budgets some of them have of their
 * own. A line is a key, optionally followed by {@code tokens-per-day=200000 cost-per-day=5} (separated by spaces).
 * <p>
 * A file that cannot be read or used is a {@link ConfigurationException} whose message names the setting, the file
 * and the line, and never holds a key: Quarkus prints such a message as the one line of a failed start.
 */
record KeyFile(List<byte[]> keys, Map<String, DailyBudget> budgets) {

    private static final String SETTING = "SUMMARIZER_API_KEYS_FILE";

    KeyFile {
        keys = List.copyOf(keys);
        budgets = Map.copyOf(budgets);
    }

    /** When the file last changed: read before its content, so that a change while reading is seen next time. */
    static FileTime version(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw SettingFiles.unreadable(SETTING, file, e);
        }
    }

    /** @param defaults the budget a key's own settings override ({@code SUMMARIZER_BUDGET_*}) */
    static KeyFile read(Path file, DailyBudget defaults) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SettingFiles.unreadable(SETTING, file, e);
        }
        List<byte[]> keys = new ArrayList<>();
        Map<String, DailyBudget> budgets = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            byte[] key = Sha256.of(words[0]);
            Integer earlier = seen.putIfAbsent(HexFormat.of().formatHex(key), number);
            if (earlier != null) {
                throw SettingFiles.badLine(SETTING, file, number, "the same key as on line " + earlier);
            }
            keys.add(key);
            if (words.length > 1) {
                try {
                    budgets.put(ApiKeys.callerId(key), defaults.overriddenBy(Arrays.copyOfRange(words, 1,
                            words.length)));
                } catch (IllegalArgumentException e) {
                    throw SettingFiles.badLine(SETTING, file, number, e.getMessage());
                }
            }
        }
        if (keys.isEmpty()) {
            // Most likely a secret mounted empty or a file caught half-written; every caller would get 401.
            throw new ConfigurationException(SETTING + " " + file + ": holds no key (one key per line)");
        }
        return new KeyFile(keys, budgets);
    }
}
