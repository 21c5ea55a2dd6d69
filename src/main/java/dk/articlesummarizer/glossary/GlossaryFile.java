package dk.articlesummarizer.glossary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.articlesummarizer.common.SettingFiles;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Reads {@code SUMMARIZER_GLOSSARY_FILE}: a CSV of {@code danish,english} per line; a field may be quoted
 * ({@code "Nato, Bruxelles",NATO Brussels}); blank lines, {@code #} comments and a {@code danish,english} header are
 * skipped. (Two fields per line need no CSV library.) A file that cannot be read or used is a
 * {@link ConfigurationException} naming the setting, the file and the line: Quarkus prints its message as the one
 * line of a failed start.
 */
final class GlossaryFile {

    private static final String SETTING = "SUMMARIZER_GLOSSARY_FILE";

    private GlossaryFile() {
    }

    static Glossary read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SettingFiles.unreadable(SETTING, file, e);
        }
        List<Term> terms = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#") || number == 1 && line.equalsIgnoreCase("danish,english")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields == null || fields.size() != 2) {
                throw SettingFiles.badLine(SETTING, file, number,
                        "expected danish,english (quote a term with a comma)");
            }
            String problem = HouseGlossary.problem(fields.get(0), fields.get(1));
            if (problem != null) {
                throw SettingFiles.badLine(SETTING, file, number, problem);
            }
            Integer earlier = seen.putIfAbsent(Glossary.key(fields.get(0).strip()), number);
            if (earlier != null) {
                throw SettingFiles.badLine(SETTING, file, number,
                        "'" + fields.get(0).strip() + "' is already on line " + earlier);
            }
            terms.add(Term.of(fields.get(0).strip(), fields.get(1).strip()));
        }
        return new Glossary(terms);
    }

    /** The comma-separated fields of a line, quotes honoured ({@code ""} in quotes is a quote); null if unclosed. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
