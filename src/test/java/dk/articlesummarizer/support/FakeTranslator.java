package dk.articlesummarizer.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Makes the fake provider "translate" whatever it is sent, the way a real model would shape it: one English
 * paragraph per source paragraph, numbered like the source's "Afsnit N." so that tests can check order and
 * completeness. The sentences of {@link LongArticles} are translated for real (names and numbers kept, numbers in
 * English notation); other text becomes English filler about as long, with a quotation for each of the source
 * paragraph's (and its dialogue dash). Headline and bullets contain no numbers.
 * Stubs opt in with {@code .withTransformers(FakeTranslator.NAME)}; a fixed delay on the stub is kept.
 * <p>
 * The transformer parameter {@value #SHAPE} makes passages come back the way small models get them wrong:
 * {@value #MERGE_HEADING} runs the first paragraph into the second, {@value #WITH_CONTEXT} translates the read-only
 * context too, {@value #HALF_OF_LONG} translates only the first third of a passage longer than 5,000
 * characters (a model that gives up), and {@value #CUT_LONG} stops such a passage's answer mid-JSON with
 * {@code finish_reason: length} (an output limit too small for it).
 */
public class FakeTranslator implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-translator";
    public static final String SHAPE = "shape";
    public static final String MERGE_HEADING = "merge-heading";
    public static final String WITH_CONTEXT = "with-context";
    public static final String HALF_OF_LONG = "half-of-long";
    public static final String CUT_LONG = "cut-long";
    /** Not a fault: tokens counted as a provider would, about four characters each, prompt and answer alike. */
    public static final String COUNTED = "counted";
    private static final Pattern CHANGED = Pattern.compile("<<<CHANGED \\d+\\n(.*?)\\nCHANGED>>>", Pattern.DOTALL);
    private static final int LONG_PASSAGE = 5_000;
    /** English for each sentence LongArticles writes, as a careful translator would render it. */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("Kommunen har bl.a. afsat ca. 1.500 kr. pr. borger til projektet.",
                    "Among other things, the municipality has set aside about DKK 1,500 per resident for the project."),
            Map.entry("Ifølge formanden, Jens Kristian Holm, er f.eks. 3,5 procent af budgettet allerede brugt.",
                    "According to the chairman, Jens Kristian Holm, 3.5 per cent of the budget, for example, has"
                            + " already been spent."),
            Map.entry("\"Vi skal huske, at det er borgernes penge,\" siger rådmand Mette Søgaard.",
                    "\"We must remember that it is the citizens' money,\" says councillor Mette Søgaard."),
            Map.entry("Planen blev vedtaget den 15. september med 17 stemmer mod 8.",
                    "The plan was adopted on 15 September by 17 votes to 8."),
            Map.entry("Direktør Anne-Marie Lund oplyser, at arbejdet koster omkring 21,4 mio. kr. i alt.",
                    "Director Anne-Marie Lund says the work will cost around DKK 21.4 million in total."),
            Map.entry("Det svarer til ca. 2.300 kr. for hver husstand i området.",
                    "That is about DKK 2,300 for every household in the area."),
            Map.entry("Lokalrådet har afholdt tre borgermøder siden marts.",
                    "The local council has held three public meetings since March."),
            Map.entry("En rundspørge blandt 312 beboere viser, at 41 procent er imod.",
                    "A survey of 312 residents shows that 41 per cent are against."),
            Map.entry("Resten af beboerne bakker op om projektet eller har endnu ikke taget stilling.",
                    "The rest of the residents support the project or have not yet made up their minds."),
            Map.entry("Byggeriet forventes at begynde i 2027 og være færdigt i 2031.",
                    "Construction is expected to begin in 2027 and be finished in 2031."),
            Map.entry("Borgmesteren vil ikke udelukke, at tidsplanen bliver ændret.",
                    "The mayor will not rule out that the timetable will be changed."),
            Map.entry("Ifølge Energistyrelsen træffes den endelige afgørelse i løbet af efteråret.",
                    "According to the Danish Energy Agency, the final decision will be made in the autumn."));
    private static final Pattern SECTION = Pattern.compile("^Afsnit (\\d+)\\.");
    private static final Pattern PLACEHOLDER = Pattern.compile("<(/?)g\\d+(/?)>");
    /** A quotation in the source paragraph: it comes back as a quotation, as a faithful model keeps it. */
    private static final Pattern QUOTE = Pattern.compile("[\"„“»][^\"„“”»«]{2,}[\"“”«]");
    private static final String QUOTED = " The residents heard about it at a public meeting by the harbour."
            + " \"We have waited a long time for this day,\" one of them says.";
    private static final String FILLER = " The council discussed the plan with residents and local businesses, and"
            + " the mayor said that the town would keep working on it over the coming months.";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Integer delay = serveEvent.getResponseDefinition().getFixedDelayMilliseconds();
        Object shape = serveEvent.getTransformerParameters().get(SHAPE);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(completionFor(serveEvent.getRequest().getBodyAsString(),
                        shape == null ? "" : shape.toString()))
                .withFixedDelay(delay).build();
    }

    /** The chat completion (response body) the fake model gives to a chat request (request body). */
    public static String completionFor(String chatRequest) {
        return completionFor(chatRequest, "");
    }

    private static String completionFor(String chatRequest, String shape) {
        JsonNode messages = OpenAiStubs.read(chatRequest).path("messages");
        String system = messages.path(0).path("content").asText();
        String user = messages.path(1).path("content").asText();
        Map<String, String> glossary = glossary(user);
        Object answer;
        if (system.contains("<<<CHANGED")) {
            List<String> paragraphs = new ArrayList<>();
            Matcher changed = CHANGED.matcher(user);
            while (changed.find()) {
                paragraphs.add(translate(changed.group(1), glossary));
            }
            answer = Map.of("paragraphs", paragraphs, "title", "An updated article in English", "summary", bullets());
        } else if (system.contains("<<<PASSAGE")) {
            String translation = passage(between(user, "<<<CONTEXT\n", "\nCONTEXT>>>"),
                    between(user, "<<<PASSAGE\n", "\nPASSAGE>>>"), shape, glossary);
            answer = Map.of("translation", translation, "facts", facts(translation));
        } else if (system.contains("news editor")) {
            answer = Map.of("title", "A long article in English", "summary", bullets());
        } else {
            answer = Map.of("title", "An article in English", "translation",
                    translate(between(user, "<<<ARTICLE\n", "\nARTICLE>>>"), glossary), "summary", bullets());
        }
        String content = OpenAiStubs.write(answer);
        if (CUT_LONG.equals(shape) && user.length() > LONG_PASSAGE) {
            return OpenAiStubs.completionJson(content.substring(0, content.length() / 2), "length",
                    user.length() / 4, 500);
        }
        if (COUNTED.equals(shape)) {
            // About four characters a token, for everything the provider reads (the JSON schema too) and writes.
            String schema = OpenAiStubs.read(chatRequest).path("response_format").toString();
            return OpenAiStubs.completionJson(content, "stop", (system.length() + user.length() + schema.length()) / 4,
                    content.length() / 4);
        }
        return OpenAiStubs.completionJson(content, "stop", user.length() / 4, 500);
    }

    private static String passage(String context, String passage, String shape, Map<String, String> glossary) {
        switch (shape) {
            case MERGE_HEADING -> {
                return translate(passage, glossary).replaceFirst("\n\n", " ");
            }
            case WITH_CONTEXT -> {
                return context.isBlank() ? translate(passage, glossary)
                        : translate(context, glossary) + "\n\n" + translate(passage, glossary);
            }
            case HALF_OF_LONG -> {
                String english = translate(passage, glossary);
                return passage.length() > LONG_PASSAGE ? english.substring(0, english.length() / 3) : english;
            }
            default -> {
                return translate(passage, glossary);
            }
        }
    }

    /** The passage's key facts: the first sentence of up to three of its paragraphs, without "Section N.". */
    private static List<String> facts(String translation) {
        List<String> facts = new ArrayList<>();
        for (String paragraph : translation.split("\n\\s*\n")) {
            String text = paragraph.replaceFirst("^Section \\d+\\.\\s*", "");
            int end = text.indexOf(". ");
            if (facts.size() < 3 && !text.isBlank()) {
                facts.add(end < 0 ? text : text.substring(0, end + 1));
            }
        }
        return facts;
    }

    /** @param glossary Danish terms and the form to write them in, as the prompt's glossary asked */
    static String translate(String danish, Map<String, String> glossary) {
        List<String> english = new ArrayList<>();
        for (String paragraph : danish.split("\n\\s*\n")) {
            String known = paragraph;
            for (Map.Entry<String, String> sentence : ENGLISH.entrySet()) {
                known = known.replace(sentence.getKey(), sentence.getValue());
            }
            if (!known.equals(paragraph)) {
                english.add(SECTION.matcher(known).replaceFirst("Section $1."));
                continue;
            }
            Matcher section = SECTION.matcher(paragraph);
            StringBuilder out = new StringBuilder(section.find() ? "Section " + section.group(1) + "." : "Text.");
            while (out.length() < paragraph.length()) {
                out.append(FILLER);
            }
            if (paragraph.startsWith("– ")) {
                out.insert(0, "– ");
            }
            Matcher quote = QUOTE.matcher(paragraph);
            while (quote.find()) {
                out.append(QUOTED);
            }
            // A glossary's names come back in their English form, as a model that follows it writes them.
            for (Map.Entry<String, String> term : glossary.entrySet()) {
                if (paragraph.toLowerCase(Locale.ROOT).contains(term.getKey().toLowerCase(Locale.ROOT))) {
                    out.append(" So says ").append(term.getValue()).append('.');
                }
            }
            // An HTML or Markdown paragraph's placeholders come back in their order, each around a word.
            Matcher tag = PLACEHOLDER.matcher(paragraph);
            while (tag.find()) {
                out.append(tag.group(1).isEmpty() && tag.group(2).isEmpty() ? " " + tag.group() + "word" : tag.group());
            }
            english.add(out.toString());
        }
        return String.join("\n\n", english);
    }

    /** The prompt's glossary, Danish to the form to write ("(keep as written)": the Danish itself). */
    private static Map<String, String> glossary(String user) {
        Map<String, String> terms = new java.util.LinkedHashMap<>();
        for (String line : between(user, "<<<GLOSSARY\n", "\nGLOSSARY>>>").split("\n")) {
            int arrow = line.indexOf(" => ");
            if (user.contains("<<<GLOSSARY") && arrow > 0) {
                String english = line.substring(arrow + 4);
                terms.put(line.substring(0, arrow), "(keep as written)".equals(english) ? line.substring(0, arrow)
                        : english);
            }
        }
        return terms;
    }

    private static List<String> bullets() {
        return List.of("The council discussed the plan.", "Residents took part in the debate.",
                "The work continues in the coming months.");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from + start.length());
        return from < 0 || to < 0 ? text : text.substring(from + start.length(), to);
    }
}
