package dk.articlesummarizer.api;

/** Examples shown in the OpenAPI description; our own text. */
final class OpenApiExamples {

    static final String JSON_REQUEST = "{\"title\": \"Nyt havnebad åbner i Aalborg\", \"text\": \"Aalborg Kommune åbner"
            + " på lørdag et nyt havnebad ved Vestre Fjordpark. Badet har plads til 450 gæster.\"}";
    static final String PLAIN_REQUEST = "Aalborg Kommune åbner på lørdag et nyt havnebad ved Vestre Fjordpark."
            + " Badet har plads til 450 gæster.";
    static final String HTML_REQUEST = "<h2>Nyt havnebad</h2><p>Aalborg Kommune åbner på lørdag et nyt havnebad ved"
            + " <a href=\"https://example.org/fjordpark\">Vestre Fjordpark</a>. Badet har plads til <strong>450"
            + " gæster</strong>.</p>";
    static final String MARKDOWN_REQUEST = "## Nyt havnebad\n\nAalborg Kommune åbner på lørdag et nyt havnebad ved"
            + " [Vestre Fjordpark](https://example.org/fjordpark). Badet har plads til **450 gæster**.";
    static final String RESPONSE = "{\"title\": \"New harbour bath opens in Aalborg\", \"translation\": \"Aalborg"
            + " Municipality opens a new harbour bath at Vestre Fjordpark on Saturday. The bath has room for 450"
            + " guests.\", \"summary\": [\"Aalborg opens a harbour bath on Saturday.\", \"It is at Vestre"
            + " Fjordpark.\", \"It has room for 450 guests.\"], \"sourceLanguage\": \"da\", \"model\":"
            + " \"gpt-4o-mini\", \"cached\": false, \"usage\": {\"inputTokens\": 412, \"outputTokens\": 96,"
            + " \"cost\": 0.0001194, \"savedTokens\": 0, \"savedCost\": 0.0, \"currency\": \"USD\"},"
            + " \"chunks\": 1, \"reused\": 0, \"format\": \"text\", \"removed\": []}";

    static final String BATCH_REQUEST = "{\"articles\": [{\"title\": \"Nyt havnebad åbner i Aalborg\", \"text\":"
            + " \"Aalborg Kommune åbner på lørdag et nyt havnebad ved Vestre Fjordpark. Badet har plads til 450"
            + " gæster.\"}, {\"text\": \"The council opens a new harbour bath on Saturday.\"}]}";
    static final String BATCH_RESPONSE = "{\"results\": [{\"status\": 200, \"title\": \"New harbour bath opens in"
            + " Aalborg\", \"translation\": \"Aalborg Municipality opens a new harbour bath at Vestre Fjordpark on"
            + " Saturday. The bath has room for 450 guests.\", \"summary\": [\"Aalborg opens a harbour bath on"
            + " Saturday.\", \"It is at Vestre Fjordpark.\", \"It has room for 450 guests.\"], \"sourceLanguage\":"
            + " \"da\", \"model\": \"gpt-4o-mini\", \"cached\": false, \"usage\": {\"inputTokens\": 412,"
            + " \"outputTokens\": 96, \"cost\": 0.0001194, \"savedTokens\": 0, \"savedCost\": 0.0,"
            + " \"currency\": \"USD\"}, \"chunks\": 1, \"reused\": 0, \"format\": \"text\", \"removed\": []},"
            + " {\"status\": 422, \"problem\": {\"type\":"
            + " \"urn:article-summarizer:problem:unsupported-language\", \"title\": \"Article is not in Danish\","
            + " \"status\": 422, \"detail\": \"The article appears to be in English; accepted: da, nb, nn, sv.\","
            + " \"requestId\": \"8d08ed0d-7c65-4417-b6c3-7f130227bbc5\"}}]}";

    static final String EVENTS = "event: translation\ndata: {\"text\":\"Aalborg Municipality opens\"}\n\n"
            + "event: translation\ndata: {\"text\":\" a new harbour bath\"}\n\n"
            + "event: answer\ndata: {\"title\":\"New harbour bath opens in Aalborg\",\"translation\":\"Aalborg"
            + " Municipality opens a new harbour bath at Vestre Fjordpark on Saturday. The bath has room for 450"
            + " guests.\",\"summary\":[\"Aalborg opens a harbour bath on Saturday.\",\"It is at Vestre"
            + " Fjordpark.\",\"It has room for 450 guests.\"],\"sourceLanguage\":\"da\",\"model\":\"gpt-4o-mini\","
            + "\"cached\":false,\"usage\":{\"inputTokens\":412,\"outputTokens\":96,\"cost\":0.0001194,"
            + "\"savedTokens\":0,\"savedCost\":0.0,\"currency\":\"USD\"},\"chunks\":1,\"reused\":0,\"format\":\"text\","
            + "\"removed\":[]}\n\n";

    private OpenApiExamples() {
    }
}
