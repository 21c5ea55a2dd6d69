package dk.articlesummarizer.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a whole {@code text/event-stream} body as its events. */
public final class ServerSentEvents {

    private ServerSentEvents() {
    }

    /** One event: its name ({@code message} when it has none) and its data, read as JSON. */
    public record Event(String name, JsonNode data) {
    }

    public static List<Event> parse(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            if (data.length() > 0) {
                events.add(new Event(name, OpenAiStubs.read(data.toString())));
            }
        }
        return events;
    }
}
