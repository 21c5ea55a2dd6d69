package dk.articlesummarizer.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Makes the fake provider "translate" whatever it is sent, the way a real model would shape it: one English
 * paragraph per source paragraph, about as long, numbered like the source's "Afsnit N." so that tests can check
 * order and completeness. Headline and bullets contain no numbers. Stubs opt in with
 * {@code .withTransformers(FakeTranslator.NAME)}; a fixed delay on the stub is kept.
 */
public class FakeTranslator implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-translator";
    private static final Pattern SECTION = Pattern.compile("^Afsnit (\\d+)\\.");
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
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(completionFor(serveEvent.getRequest().getBodyAsString())).withFixedDelay(delay).build();
    }

    /** The chat completion (response body) the fake model gives to a chat request (request body). */
    public static String completionFor(String chatRequest) {
        JsonNode messages = OpenAiStubs.read(chatRequest).path("messages");
        String system = messages.path(0).path("content").asText();
        String user = messages.path(1).path("content").asText();
        Object answer;
        if (system.contains("<<<PASSAGE")) {
            answer = Map.of("translation", translate(between(user, "<<<PASSAGE\n", "\nPASSAGE>>>")));
        } else if (system.contains("news editor")) {
            answer = Map.of("title", "A long article in English", "summary", bullets());
        } else {
            answer = Map.of("title", "An article in English", "translation",
                    translate(between(user, "<<<ARTICLE\n", "\nARTICLE>>>")), "summary", bullets());
        }
        return OpenAiStubs.completionJson(OpenAiStubs.write(answer), "stop", user.length() / 4, 500);
    }

    public static String translate(String danish) {
        List<String> english = new ArrayList<>();
        for (String paragraph : danish.split("\n\\s*\n")) {
            Matcher section = SECTION.matcher(paragraph);
            StringBuilder out = new StringBuilder(section.find() ? "Section " + section.group(1) + "." : "Text.");
            while (out.length() < paragraph.length()) {
                out.append(FILLER);
            }
            english.add(out.toString());
        }
        return String.join("\n\n", english);
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
