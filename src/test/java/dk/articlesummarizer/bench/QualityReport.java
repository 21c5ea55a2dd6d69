package dk.articlesummarizer.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import dk.articlesummarizer.checks.SourceCoverage;
import dk.articlesummarizer.support.LongArticles;

/**
 * Sends the golden set (bench/golden, our own Danish articles, plus one very long generated one) through the
 * packaged service to the LLM at {@code LLM_BASE_URL}, one article at a time, and prints a row per article (what
 * it cost and how faithful the answer is), then the faithfulness of each model's answers ({@link Faithfulness}:
 * bullets cited right, quotations kept, quotations made up, names and glossary terms in one form), by the model
 * each answer names. An article's {@code .glossary.json}, if it has one, goes with it as the request's glossary;
 * each answer is kept in target/quality. Without {@code LLM_BASE_URL} it uses {@link GoldenProvider}, so CI can
 * run it. See docs/benchmarks.md.
 */
public final class QualityReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? ([0-9.eE+-]+)( #.*)?$");
    private static final LanguageDetector LANGUAGES = LanguageDetectorBuilder.fromLanguages(Language.ENGLISH,
            Language.DANISH, Language.BOKMAL, Language.SWEDISH, Language.GERMAN).build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String service;
    /** Health and metrics: the management interface. */
    private final String management;

    private QualityReport(String service, String management) {
        this.management = management;
        this.service = service;
    }

    public static void main(String[] args) throws Exception {
        Path golden = Path.of(args.length > 0 ? args[0] : "bench/golden");
        Map<String, Golden> articles = articles(golden);
        String baseUrl = System.getenv("LLM_BASE_URL");
        GoldenProvider fake = null;
        Map<String, String> environment = new HashMap<>();
        if (baseUrl == null || baseUrl.isBlank()) {
            fake = new GoldenProvider(referenceAnswers(golden, articles));
            environment.put("LLM_BASE_URL", fake.baseUrl());
            environment.put("LLM_MODEL", "golden-reference");
        }
        int port = freePort();
        int managementPort = freePort();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        environment.putIfAbsent("SUMMARIZER_REQUEST_TIMEOUT", "30m");
        Process process = startService(environment);
        try {
            QualityReport report = new QualityReport("http://127.0.0.1:" + port, "http://127.0.0.1:" + managementPort);
            report.awaitLive(process);
            String model = environment.getOrDefault("LLM_MODEL", System.getenv().getOrDefault("LLM_MODEL", "default"));
            System.out.printf("Quality report: %d articles, model %s at %s%n", articles.size(), model,
                    environment.getOrDefault("LLM_BASE_URL", baseUrl));
            System.out.printf("%-22s %6s %5s %7s %7s %8s %7s %6s %7s %4s %5s %6s %3s %5s %s%n", "article", "chars",
                    "status", "calls", "prompt", "complet.", "seconds", "nums", "names", "bul", "cited", "quotes",
                    "inv", "forms", "lang  repairs / faults");
            Map<String, Faithfulness> byModel = new TreeMap<>();
            for (Map.Entry<String, Golden> article : articles.entrySet()) {
                System.out.println(report.row(article.getKey(), article.getValue(), byModel));
            }
            System.out.println();
            System.out.printf("  %-24s %8s %18s %14s %15s %17s%n", "model", "articles", "citations correct",
                    "quotes kept", "quotes invented", "forms consistent");
            byModel.forEach((name, totals) -> System.out.printf("  %-24s %8d %18s %14s %15d %17s%n", name,
                    totals.articles(), share(totals.cited(), totals.bullets()), share(totals.kept(), totals.quotes()),
                    totals.invented(), share(totals.oneForm(), totals.names())));
        } finally {
            process.destroy();
            process.waitFor();
            if (fake != null) {
                fake.close();
            }
        }
    }

    private String row(String name, Golden article, Map<String, Faithfulness> byModel) throws Exception {
        String text = article.text();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("text", text);
        if (!article.glossary().isEmpty()) {
            request.put("glossary", article.glossary());
        }
        Map<String, Double> before = metrics();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/summarize"))
                .header("Content-Type", "application/json").header("Cache-Control", "no-store")
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                .build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> after = metrics();
        // Kept for reading what the figures of a row were taken from.
        Files.writeString(Path.of("target/quality", name + ".json"), response.body(), StandardCharsets.UTF_8);
        JsonNode answer = JSON.readTree(response.body());
        double calls = delta(before, after, "gen_ai_client_operation_duration_seconds_count");
        StringBuilder events = new StringBuilder();
        for (Map.Entry<String, Double> sample : after.entrySet()) {
            double added = sample.getValue() - before.getOrDefault(sample.getKey(), 0.0);
            if (added > 0 && sample.getKey().startsWith("summarizer_guardrail_")) {
                String label = sample.getKey().replaceAll(".*\"(.*)\".*", "$1");
                events.append(sample.getKey().contains("repairs") ? "" : "!").append(label)
                        .append(added > 1 ? "x" + (int) added : "").append(' ');
            }
        }
        if (response.statusCode() != 200) {
            return String.format("%-22s %6d %5d %7.0f %7s %8s %7.1f %6s %7s %4s %5s %6s %3s %5s %s %s", name,
                    text.length(), response.statusCode(), calls, "-", "-", seconds, "-", "-", "-", "-", "-", "-", "-",
                    answer.path("type").asText(), events.toString().strip());
        }
        String translation = answer.path("translation").asText();
        Faithfulness faithful = Faithfulness.of(text, article.glossary(), answer);
        byModel.merge(answer.path("model").asText("?"), faithful, Faithfulness::plus);
        return String.format("%-22s %6d %5d %7.0f %7d %8d %7.1f %5.0f%% %6.0f%% %4d %5s %6s %3d %5s %-5s %s", name,
                text.length(), 200, calls, answer.path("usage").path("inputTokens").asInt(),
                answer.path("usage").path("outputTokens").asInt(), seconds,
                100 * SourceCoverage.numbers(text, translation), 100 * SourceCoverage.names(text, translation),
                answer.path("summary").size(), faithful.cited() + "/" + faithful.bullets(),
                faithful.kept() + "/" + faithful.quotes(), faithful.invented(),
                faithful.oneForm() + "/" + faithful.names(),
                LANGUAGES.detectLanguageOf(translation).getIsoCode639_1().toString().toLowerCase(),
                events.toString().strip());
    }

    private static String share(int part, int whole) {
        return whole == 0 ? "-" : String.format("%d/%d %3.0f%%", part, whole, 100.0 * part / whole);
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String metric) {
        double sum = 0;
        for (Map.Entry<String, Double> sample : after.entrySet()) {
            if (sample.getKey().startsWith(metric)) {
                sum += sample.getValue() - before.getOrDefault(sample.getKey(), 0.0);
            }
        }
        return sum;
    }

    /** Every sample of /q/metrics, keyed by name and labels. */
    private Map<String, Double> metrics() throws Exception {
        String text = http.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches()) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                        Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    private void awaitLive(Process process) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the service is still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("The service did not start; see target/quality/service.log");
    }

    private static Process startService(Map<String, String> environment) throws IOException {
        Path log = Path.of("target/quality/service.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", "target/quarkus-app/quarkus-run.jar").redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** A golden article and the glossary sent with it (from its {@code .glossary.json}, if it has one). */
    record Golden(String text, Map<String, String> glossary) {
    }

    /** The golden articles by name, in order, and the very long one generated from our own sentences. */
    private static Map<String, Golden> articles(Path golden) throws IOException {
        Map<String, Golden> articles = new TreeMap<>();
        try (Stream<Path> files = Files.list(golden)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".da.txt")).toList()) {
                String name = file.getFileName().toString().replace(".da.txt", "");
                Path glossary = golden.resolve(name + ".glossary.json");
                Map<String, String> terms = new LinkedHashMap<>();
                if (Files.exists(glossary)) {
                    JSON.readTree(glossary.toFile()).properties()
                            .forEach(term -> terms.put(term.getKey(), term.getValue().asText()));
                }
                articles.put(name, new Golden(Files.readString(file, StandardCharsets.UTF_8).strip(), terms));
            }
        }
        articles.put("10-meget-lang", new Golden(LongArticles.generate(40_000, 2026), Map.of()));
        return articles;
    }

    private static Map<String, JsonNode> referenceAnswers(Path golden, Map<String, Golden> articles)
            throws IOException {
        Map<String, JsonNode> answers = new HashMap<>();
        for (Map.Entry<String, Golden> article : articles.entrySet()) {
            Path reference = golden.resolve(article.getKey() + ".en.json");
            if (Files.exists(reference)) {
                answers.put(article.getValue().text(), JSON.readTree(reference.toFile()));
            }
        }
        return answers;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * How faithful one answer (or, summed, a model's answers) is to its article. Measured here, by simple code of its
     * own rather than by the service's checks, so that a gap in those checks cannot hide itself in the report.
     *
     * @param articles the answers measured
     * @param bullets their bullets
     * @param cited bullets whose cited paragraphs (the article's, and the translation's of the same numbers when the
     *     two have as many paragraphs) state every number and name of the bullet
     * @param quotes the article's quotations: quoted spans a few words of attribution apart counted as one, a word
     *     or two in quotation marks without punctuation (a title, a term) not counted, a paragraph opened by a
     *     dialogue dash and holding a speech verb counted
     * @param kept of those, how many the translation has as quotations in English marks or with a dialogue dash,
     *     paragraph by paragraph when it has as many paragraphs as the article
     * @param invented quotations of the translation beyond the article's (counted the same way), and quoted spans of
     *     the headline and bullets that no quoted span of the translation contains
     * @param names the article's names that the answer uses (forms alike once Danish letters, accents and
     *     transliteration are folded count as one name), and the glossary entries found in the article
     * @param oneForm of those, how many the translation, headline and bullets write in one form only; for a glossary
     *     entry: its English form in the translation, its Danish one nowhere
     */
    record Faithfulness(int articles, int bullets, int cited, int quotes, int kept, int invented, int names,
            int oneForm) {

        private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
        private static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}\\p{L}*\\p{Ll}\\p{L}*"
                + "(?![\\p{L}\\p{N}])");
        private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)*");
        private static final Pattern WORD = Pattern.compile("\\p{L}+");
        private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
        private static final Pattern MARKS = Pattern.compile("\\p{M}");
        private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z]");
        private static final Pattern ELLIPSIS = Pattern.compile("…|\\.\\.\\.|\\[…]|\\(…\\)");
        private static final String SPEECH_VERBS = "siger|sagde|fortæller|fortalte|forklarer|forklarede|tilføjer"
                + "|tilføjede|udtaler|udtalte|says|said|tells|told|explains|explained|adds|added";
        private static final Pattern DIALOGUE = Pattern.compile("[–—-] (?=\\S)");
        private static final Pattern SPEECH_VERB = Pattern.compile("(?<!\\p{L})(?:" + SPEECH_VERBS + ")(?!\\p{L})",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        private static final Pattern SPEECH_END = Pattern.compile("[,!?]\\s+(?:" + SPEECH_VERBS + ")(?!\\p{L})",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        private static final Map<String, Integer> DANISH_NUMBERS = Map.ofEntries(Map.entry("to", 2),
                Map.entry("tre", 3), Map.entry("fire", 4), Map.entry("fem", 5), Map.entry("seks", 6),
                Map.entry("syv", 7), Map.entry("otte", 8), Map.entry("ni", 9), Map.entry("ti", 10),
                Map.entry("elleve", 11), Map.entry("tolv", 12));
        private static final Map<String, Integer> ENGLISH_NUMBERS = Map.ofEntries(Map.entry("two", 2),
                Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
                Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
                Map.entry("eleven", 11), Map.entry("twelve", 12));
        private static final char DASH = '–';
        /** Words of attribution that may stand between two quoted spans of one quotation. */
        private static final int MAX_TAG_WORDS = 6;
        /** A name and a word share at least this many first letters to be taken for forms of one another. */
        private static final int MIN_STEM = 5;
        /** Letters after the shared ones that make another form of a name rather than another name. */
        private static final int MAX_ENDING = 3;
        /** Shorter folded names are too often ordinary words. */
        private static final int MIN_NAME_KEY = 4;

        Faithfulness plus(Faithfulness other) {
            return new Faithfulness(articles + other.articles, bullets + other.bullets, cited + other.cited,
                    quotes + other.quotes, kept + other.kept, invented + other.invented, names + other.names,
                    oneForm + other.oneForm);
        }

        /** @param source the article as sent, its headline the first paragraph */
        static Faithfulness of(String source, Map<String, String> glossary, JsonNode answer) {
            String translation = answer.path("translation").asText();
            String title = answer.path("title").asText();
            List<String> article = paragraphs(source);
            List<String> english = paragraphs(translation);
            boolean paired = article.size() == english.size();

            Set<String> known = new HashSet<>();
            for (String text : List.of(source, translation)) {
                Matcher name = NAME.matcher(text);
                while (name.find()) {
                    if (!sentenceStart(text, name.start())) {
                        known.add(name.group());
                    }
                }
            }
            List<String> bullets = new ArrayList<>();
            int cited = 0;
            for (JsonNode bullet : answer.path("bullets")) {
                bullets.add(bullet.path("text").asText());
                if (citedRight(bullet.path("text").asText(), bullet.path("paragraphs"), article,
                        paired ? english : null, known)) {
                    cited++;
                }
            }

            List<Quotation> asked = quotations(source);
            List<Quotation> given = quotations(translation);
            int kept = 0;
            int invented = 0;
            for (int p = 0; p < (paired ? article.size() : 1); p++) {
                int paragraph = p;
                List<Quotation> here = paired ? asked.stream().filter(q -> q.paragraph() == paragraph).toList()
                        : asked;
                List<Quotation> there = paired ? given.stream().filter(q -> q.paragraph() == paragraph).toList()
                        : given;
                kept += Math.min(here.size(), (int) there.stream().filter(Quotation::english).count());
                invented += Math.max(0, there.size() - here.size());
            }
            List<String> quoted = new ArrayList<>();
            for (String paragraph : english) {
                spans(paragraph, true).forEach(span -> quoted.add(normalized(span.words())));
            }
            List<String> claims = new ArrayList<>(bullets);
            claims.add(title);
            for (String claim : claims) {
                for (Span span : spans(claim, false)) {
                    List<String> parts = ELLIPSIS.splitAsStream(span.words()).map(Faithfulness::normalized)
                            .filter(part -> !part.isBlank()).toList();
                    if (!parts.isEmpty() && quoted.stream().noneMatch(q -> parts.stream().allMatch(q::contains))) {
                        invented++;
                    }
                }
            }

            List<String> texts = new ArrayList<>(claims);
            texts.add(translation);
            int[] forms = forms(source, glossary, translation, texts);
            return new Faithfulness(1, bullets.size(), cited, asked.size(), kept, invented, forms[0], forms[1]);
        }

        /**
         * Whether the bullet cites paragraphs that exist and state all of its numbers (in any reading: 2.300,
         * 2,300, tre) and names (its capitalised words, a sentence's first only when it is a name elsewhere).
         *
         * @param english the translation's paragraphs, or null when they do not pair with the article's
         */
        private static boolean citedRight(String bullet, JsonNode numbers, List<String> article, List<String> english,
                Set<String> known) {
            if (numbers.isEmpty()) {
                return false;
            }
            StringBuilder text = new StringBuilder();
            Set<BigDecimal> stated = new HashSet<>();
            for (JsonNode number : numbers) {
                int at = number.asInt();
                if (!number.canConvertToInt() || at < 1 || at > article.size()) {
                    return false;
                }
                text.append(article.get(at - 1)).append('\n');
                stated.addAll(numbers(article.get(at - 1), DANISH_NUMBERS));
                if (english != null) {
                    text.append(english.get(at - 1)).append('\n');
                    stated.addAll(numbers(english.get(at - 1), ENGLISH_NUMBERS));
                }
            }
            Matcher number = NUMBER.matcher(bullet);
            while (number.find()) {
                if (readings(number.group()).stream().noneMatch(stated::contains)) {
                    return false;
                }
            }
            Set<String> words = new HashSet<>();
            WORD.matcher(text).results().forEach(word -> words.add(word.group()));
            Matcher name = NAME.matcher(bullet);
            while (name.find()) {
                if (sentenceStart(bullet, name.start()) && !known.contains(name.group())) {
                    continue;
                }
                String wanted = key(name.group());
                if (words.stream().noneMatch(word -> sameName(wanted, key(word)))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether a word states a name, both folded ({@link #key}): the same, or a Danish genitive or an English ending
         * apart (Kubrakovs and Kubrakov; Ukraine and Ukrainian), that is, alike from the fifth letter to the last three.
         */
        private static boolean sameName(String name, String word) {
            if (word.equals(name) || word.equals(name + "s")) {
                return true;
            }
            int common = 0;
            while (common < Math.min(name.length(), word.length()) && name.charAt(common) == word.charAt(common)) {
                common++;
            }
            return common >= MIN_STEM && name.length() - common <= MAX_ENDING && word.length() - common <= MAX_ENDING;
        }

        private static Set<BigDecimal> numbers(String text, Map<String, Integer> words) {
            Set<BigDecimal> numbers = new HashSet<>();
            Matcher number = NUMBER.matcher(text);
            while (number.find()) {
                numbers.addAll(readings(number.group()));
            }
            Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (word.find()) {
                Integer value = words.get(word.group());
                if (value != null) {
                    numbers.add(BigDecimal.valueOf(value));
                }
            }
            return numbers;
        }

        /** A number as written, read with its separators as thousands, and with its last one as the decimal point. */
        private static Set<BigDecimal> readings(String written) {
            Set<BigDecimal> readings = new HashSet<>();
            readings.add(new BigDecimal(written.replaceAll("[.,]", "")).stripTrailingZeros());
            int last = Math.max(written.lastIndexOf('.'), written.lastIndexOf(','));
            if (last > 0) {
                readings.add(new BigDecimal(written.substring(0, last).replaceAll("[.,]", "") + "."
                        + written.substring(last + 1)).stripTrailingZeros());
            }
            return readings;
        }

        /** The article's names the answer uses, and how many of them it writes one way (see the record's fields). */
        private static int[] forms(String source, Map<String, String> glossary, String translation,
                List<String> texts) {
            Set<String> ruled = new HashSet<>();
            glossary.forEach((danish, english) -> {
                Matcher word = WORD.matcher(danish + " " + english);
                while (word.find()) {
                    ruled.add(key(word.group()));
                }
            });
            Set<String> names = new HashSet<>();
            Matcher name = NAME.matcher(source);
            while (name.find()) {
                String key = key(name.group());
                names.add(key);
                // Its Danish genitive: Kubrakovs is Kubrakov.
                if (key.endsWith("s")) {
                    names.add(key.substring(0, key.length() - 1));
                }
            }
            Map<String, Set<String>> forms = new HashMap<>();
            for (String text : texts) {
                Matcher used = NAME.matcher(text);
                while (used.find()) {
                    String key = key(used.group());
                    if (key.length() >= MIN_NAME_KEY && names.contains(key) && !ruled.contains(key)) {
                        forms.computeIfAbsent(key, k -> new HashSet<>()).add(used.group());
                    }
                }
            }
            int counted = forms.size();
            int oneForm = (int) forms.values().stream().filter(spellings -> spellings.size() == 1).count();
            String answer = String.join("\n", texts);
            for (Map.Entry<String, String> term : glossary.entrySet()) {
                Pattern danish = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.getKey().strip())
                        + "\\p{L}{0,3}(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                if (!danish.matcher(source).find()) {
                    continue;
                }
                counted++;
                String english = term.getValue().strip();
                if (english.isEmpty()) {
                    oneForm += danish.matcher(translation).find() ? 1 : 0;
                    continue;
                }
                Pattern form = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(english)
                        + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                if (form.matcher(translation).find() && !danish.matcher(form.matcher(answer).replaceAll(" ")).find()) {
                    oneForm++;
                }
            }
            return new int[] { counted, oneForm };
        }

        /**
         * What the spellings of one name have in common: lower case, Danish letters and accents folded, and the
         * letters Danish and English transliterations write one sound with made one (Tjornovol, Tsjornovol and
         * Chornovol; Jevgenij and Yevgeny).
         */
        static String key(String word) {
            String s = word.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
            s = NOT_A_LETTER.matcher(MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll(""))
                    .replaceAll("");
            s = s.replace("aa", "a").replace("oe", "o");
            for (String sound : List.of("shch", "tsj", "sch", "tch", "zh", "zj", "sj", "sh", "ch", "tj")) {
                s = s.replace(sound, "s");
            }
            s = s.replace("kh", "h").replace("x", "ks").replace("w", "v").replace('j', 'i').replace('y', 'i');
            return s.replaceAll("i+", "i");
        }

        /** A quoted span of one paragraph: where it stands (marks included), its words and its marks. */
        private record Span(int start, int end, String words, char open, char close) {

            boolean english() {
                return open == '"' || open == '“' && close == '”' || open == DASH;
            }

            boolean speech() {
                return open == DASH || NOT_A_WORD.matcher(words).replaceAll(" ").strip().split(" ").length >= 3
                        || !words.isEmpty() && ".,!?…:;".indexOf(words.charAt(words.length() - 1)) >= 0;
            }
        }

        /** One or more quoted spans a short attribution apart, in English marks only if all are. */
        private record Quotation(int paragraph, boolean english) {
        }

        private static List<Quotation> quotations(String text) {
            List<Quotation> quotations = new ArrayList<>();
            List<String> paragraphs = paragraphs(text);
            for (int p = 0; p < paragraphs.size(); p++) {
                String paragraph = paragraphs.get(p);
                List<Span> parts = new ArrayList<>();
                for (Span span : spans(paragraph, true)) {
                    if (!parts.isEmpty()) {
                        String between = paragraph.substring(parts.get(parts.size() - 1).end(), span.start());
                        if (WORD.matcher(between).results().count() > MAX_TAG_WORDS) {
                            add(parts, p, quotations);
                            parts = new ArrayList<>();
                        }
                    }
                    parts.add(span);
                }
                add(parts, p, quotations);
            }
            return quotations;
        }

        private static void add(List<Span> parts, int paragraph, List<Quotation> quotations) {
            if (parts.stream().anyMatch(Span::speech)) {
                quotations.add(new Quotation(paragraph, parts.stream().allMatch(Span::english)));
            }
        }

        /** @param dialogue whether a paragraph opened by a dash and holding a speech verb is speech */
        private static List<Span> spans(String paragraph, boolean dialogue) {
            List<Span> spans = new ArrayList<>();
            int from = 0;
            if (dialogue && DIALOGUE.matcher(paragraph).lookingAt() && SPEECH_VERB.matcher(paragraph).find()) {
                Matcher end = SPEECH_END.matcher(paragraph);
                from = end.find(2) ? end.start() : paragraph.length();
                spans.add(new Span(0, from, paragraph.substring(2, from).strip(), DASH, DASH));
            }
            for (int i = from; i < paragraph.length(); i++) {
                String closers = closers(paragraph, i);
                int close = closers == null ? -1 : indexOfAny(paragraph, i + 1, closers);
                if (close > i) {
                    spans.add(new Span(i, close + 1, paragraph.substring(i + 1, close).strip(), paragraph.charAt(i),
                            paragraph.charAt(close)));
                    i = close;
                }
            }
            return spans;
        }

        /** The marks that close a quote opened at {@code at}, or null when none opens there. */
        private static String closers(String text, int at) {
            return switch (text.charAt(at)) {
                case '„' -> "“”";
                case '“' -> "”“";
                case '»' -> "«";
                case '«' -> "»";
                case '"' -> "\"";
                // Danish print may open with the closing mark: ”Ja”.
                case '”' -> (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) && at + 1 < text.length()
                        && !Character.isWhitespace(text.charAt(at + 1)) ? "”" : null;
                default -> null;
            };
        }

        private static int indexOfAny(String text, int from, String chars) {
            for (int i = from; i < text.length(); i++) {
                if (chars.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        /** Paragraphs as the service numbers them: split at blank lines. */
        private static List<String> paragraphs(String text) {
            return List.of(PARAGRAPH_BREAK.split(text.strip()));
        }

        private static boolean sentenceStart(String text, int at) {
            int before = at - 1;
            while (before >= 0 && " \t\"“„»«(–—-".indexOf(text.charAt(before)) >= 0) {
                before--;
            }
            return before < 0 || ".!?:;\n".indexOf(text.charAt(before)) >= 0;
        }

        private static String normalized(String text) {
            return " " + NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip() + " ";
        }
    }
}
